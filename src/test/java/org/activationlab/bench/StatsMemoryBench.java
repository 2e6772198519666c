package org.activationlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap that {@code train --stats} needs for a long run recorded at every step: the deepest
 * network (16 × 64 sigmoid, {@code deep-sigmoid} with {@code hidden=64x16}) trained N steps with
 * {@code --every 1} in a child JVM with a fixed heap, its GC log ({@code -Xlog:gc}) parsed for
 * the largest heap in use after a collection (what the run holds) and before one (the peak).
 *
 * <p>{@code ./mvnw -Pjmh test-compile exec:exec -Dbench.main=org.activationlab.bench.StatsMemoryBench
 * -Djmh.args="20000 256m json"} (steps, child heap, stats layout json|csv|jsonl).
 */
public final class StatsMemoryBench {

  /** {@code GC(3) Pause Young (Normal) (G1 Evacuation Pause) 23M->4M(256M) 3.456ms}. */
  private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  private StatsMemoryBench() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    String heap = args.length > 1 ? args[1] : "256m";
    String layout = args.length > 2 ? args[2] : "json";
    Path dir = Files.createTempDirectory("stats-memory");
    Path gcLog = dir.resolve("gc.log");
    Path stats = dir.resolve("stats." + layout);
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-Xlog:gc:file=" + gcLog, "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), "org.activationlab.Launcher",
        "train", "--preset", "deep-sigmoid", "--set", "hidden=64x16", "--steps",
        Integer.toString(steps), "--every", "1", "--seed", "1", "--stats", stats.toString()));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile()).start();
    int status = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] peak = peaks(gcLog);
    String output = Files.readString(dir.resolve("out.txt")).strip();
    System.out.printf(Locale.ROOT, "train --stats %s, 16 x 64 sigmoid, %d steps at --every 1, "
        + "-Xmx%s: exit %d in %.0f s%n", layout, steps, heap, status, seconds);
    System.out.println("  child said: " + lastLines(output, 3));
    System.out.printf(Locale.ROOT, "  heap used: max after a GC %d MB, max before a GC %d MB "
        + "(%d GC pauses)%n", peak[0] >> 20, peak[1] >> 20, peak[2]);
    System.out.printf(Locale.ROOT, "  stats file: %s%n", Files.exists(stats)
        ? (Files.size(stats) >> 20) + " MB" : "not written");
    for (Path f : List.of(stats, gcLog, dir.resolve("out.txt"))) {
      Files.deleteIfExists(f);
    }
    try (var left = Files.list(dir)) {
      left.forEach(f -> f.toFile().delete()); // a temporary file of a killed writer
    }
    Files.deleteIfExists(dir);
  }

  /** Bytes used {after, before} at most over the GC pauses, and the number of pauses. */
  private static long[] peaks(Path gcLog) throws IOException {
    long after = 0;
    long before = 0;
    long pauses = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = PAUSE.matcher(line);
      if (line.contains("Pause") && m.find()) {
        before = Math.max(before, bytes(m.group(1), m.group(2)));
        after = Math.max(after, bytes(m.group(3), m.group(4)));
        pauses++;
      }
    }
    return new long[] {after, before, pauses};
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }

  private static String lastLines(String text, int n) {
    String[] lines = text.split("\\R");
    return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - n), lines.length));
  }
}
