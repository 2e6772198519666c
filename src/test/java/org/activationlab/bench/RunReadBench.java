package org.activationlab.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.activationlab.runs.StatsFiles;
import org.activationlab.training.RecordedRun;

/**
 * How long opening a large run file takes and what the run then holds in memory: generates (into
 * {@code target/run-bench/}, not committed) a ~200 MB JSON Lines run of 12 layers × 2048 units
 * and the same records as one JSON document, then reads each: the median of 5 reads after a
 * warm-up, with Jackson's fast double parser and with the JDK's, and the heap retained by the
 * run after a full GC against its decoded numbers × 8 bytes.
 *
 * <pre>
 * ./mvnw -B -q -o -Pjmh test-compile exec:exec -Dbench.main=org.activationlab.bench.RunReadBench \
 *     -Djmh.args="200"
 * </pre>
 *
 * Argument: the size of each file in MB (default 200).
 */
public final class RunReadBench {

  private static final int LAYERS = 12;
  private static final int UNITS = 2048;
  private static final String PLAIN_DOUBLES = "activationlab.runs.plainDoubles";

  private RunReadBench() {}

  public static void main(String[] args) throws IOException {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 200;
    Path dir = Path.of("target", "run-bench");
    Files.createDirectories(dir);
    Path jsonl = dir.resolve("run-" + megabytes + "mb.jsonl");
    Path json = dir.resolve("run-" + megabytes + "mb.json");
    if (!Files.exists(jsonl) || !Files.exists(json)) {
      long t0 = System.nanoTime();
      generate(jsonl, json, megabytes << 20);
      System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    for (Path file : new Path[] {jsonl, json}) {
      for (boolean plain : new boolean[] {false, true}) {
        System.setProperty(PLAIN_DOUBLES, String.valueOf(plain));
        measure(file, plain ? "JDK Double.parseDouble" : "Jackson fast double parser");
      }
    }
    System.setProperty(PLAIN_DOUBLES, "false");
    memory(jsonl);
    memory(json);
  }

  private static void measure(Path file, String parser) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    StatsFiles.read(file); // warm-up
    double[] ms = new double[5];
    double[] cpu = new double[5];
    RecordedRun run = null;
    for (int i = 0; i < ms.length; i++) {
      run = null;
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      run = StatsFiles.read(file);
      ms[i] = (System.nanoTime() - t) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpu);
    System.out.printf("%s (%.1f MB, %d records, %d numbers), %s: wall median %.0f ms "
        + "(min %.0f, max %.0f); CPU time of the reading thread median %.0f ms (min %.0f)%n",
        file.getFileName(), Files.size(file) / 1048576.0, run.size(), run.numbers(), parser,
        ms[2], ms[0], ms[4], cpu[2], cpu[0]);
  }

  private static void memory(Path file) throws IOException {
    long before = usedAfterGc();
    RecordedRun run = StatsFiles.read(file);
    long after = usedAfterGc();
    double decoded = run.numbers() * 8.0;
    System.out.printf("load average %.1f on %d cores%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf("%s: retained %.1f MB after a full GC; decoded numbers × 8 B = %.1f MB; "
        + "ratio %.2f%n", file.getFileName(), (after - before) / 1048576.0, decoded / 1048576.0,
        (after - before) / decoded);
    if (run.size() < 0) {
      System.out.println(run); // keeps the run reachable until here
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Numbers as a probe writes them, e.g. 1.2345678e-05. */
  private static void number(StringBuilder sb, SplittableRandom r) {
    int mantissa = r.nextInt(10_000_000, 100_000_000);
    sb.append(mantissa / 10_000_000).append('.').append(String.valueOf(mantissa % 10_000_000 + 10_000_000), 1, 8)
        .append("e-0").append(r.nextInt(1, 10));
  }

  private static String record(long step, SplittableRandom r) {
    StringBuilder sb = new StringBuilder(520_000);
    sb.append("{\"step\":").append(step).append(",\"loss\":0.").append(r.nextInt(100_000, 999_999))
        .append(",\"testLoss\":null,\"accuracy\":0.75,\"layers\":[");
    for (int l = 0; l < LAYERS; l++) {
      sb.append(l == 0 ? "{" : ",{");
      for (String f : new String[] {"gradMeanAbs", "gradWeightRms", "updateRatio",
          "activationMean", "activationStd"}) {
        sb.append('"').append(f).append("\":");
        number(sb, r);
        sb.append(',');
      }
      sb.append("\"deadFraction\":0.0,\"inactiveFraction\":0.25,\"saturatedFraction\":null,")
          .append("\"neuronGradMeanAbs\":[");
      for (int j = 0; j < UNITS; j++) {
        if (j > 0) {
          sb.append(',');
        }
        number(sb, r);
      }
      sb.append("],\"dead\":[");
      for (int j = 0; j < UNITS; j++) {
        sb.append(j == 0 ? "" : ",").append(r.nextInt(50) == 0 ? "true" : "false");
      }
      sb.append("],\"histogram\":{\"min\":-8,\"max\":8,\"counts\":[");
      for (int b = 0; b < 32; b++) {
        sb.append(b == 0 ? "" : ",").append(r.nextInt(100));
      }
      sb.append("],\"below\":0,\"above\":3}}");
    }
    return sb.append("]}").toString();
  }

  private static void generate(Path jsonl, Path json, long bytes) throws IOException {
    StringBuilder layers = new StringBuilder("[");
    for (int l = 1; l <= LAYERS; l++) {
      layers.append(l == 1 ? "" : ",").append("{\"index\":").append(l).append(",\"name\":\"net.")
          .append(2 * (l - 1)).append("\",\"kind\":\"").append(l == LAYERS ? "output" : "hidden")
          .append("\",\"type\":\"linear\",\"width\":").append(UNITS)
          .append(",\"activation\":\"").append(l == LAYERS ? "identity" : "sigmoid").append("\"}");
    }
    layers.append(']');
    String head = "{\"format\":\"activation-lab/training-stats\",\"version\":2,";
    SplittableRandom r = new SplittableRandom(42);
    try (Writer lines = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8);
        BufferedWriter doc = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
      lines.write(head + "\"layout\":\"jsonl\",\"source\":\"pytorch-probe\",\"meta\":{\"torch\":"
          + "\"2.3.0\",\"every\":10},\"layers\":" + layers + "}\n");
      doc.write(head + "\n\"scenario\":{\"dataset\":\"spiral\"},\n\"layers\":" + layers
          + ",\n\"records\":[\n");
      long written = 0;
      for (long step = 0; written < bytes; step += 10) {
        String rec = record(step, r);
        lines.write(rec);
        lines.write('\n');
        doc.write(step == 0 ? "" : ",\n");
        doc.write(rec);
        written += rec.length() + 1;
      }
      lines.write("{\"end\":true,\"diverged\":false,\"divergedAtStep\":null}\n");
      doc.write("\n],\n\"diverged\":false,\"divergedAtStep\":null}\n");
    }
  }
}
