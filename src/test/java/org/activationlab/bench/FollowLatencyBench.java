package org.activationlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.activationlab.runs.RunFiles;
import org.activationlab.runs.RunFollower;
import org.activationlab.training.RecordedRun;

/**
 * How soon a record written to a followed run file reaches the viewer: a JSON Lines run of
 * 12 layers × 512 units is followed by a {@link RunFollower}; each round appends one record
 * (written and flushed as the probe does) and measures the time until the follower publishes a
 * run holding it. The target is under 1 s; the follower polls every 200 ms.
 *
 * <pre>
 * ./mvnw -B -q -o -Pjmh test-compile exec:exec -Dbench.main=org.activationlab.bench.FollowLatencyBench \
 *     -Djmh.args="60"
 * </pre>
 *
 * Argument: rounds (default 60).
 */
public final class FollowLatencyBench {

  private static final int LAYERS = 12;
  private static final int UNITS = 512;

  private FollowLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    Path dir = Files.createDirectories(Path.of("target", "follow-bench"));
    Path file = dir.resolve("follow.jsonl");
    Files.writeString(file, header(), StandardCharsets.UTF_8);
    BlockingQueue<RecordedRun> seen = new ArrayBlockingQueue<>(1024);
    long[] micros = new long[rounds];
    try (RunFollower follower = new RunFollower(RunFiles.follow(file), seen::add)) {
      append(file, record(0));
      waitFor(seen, 1);
      for (int k = 1; k <= rounds; k++) {
        Thread.sleep(37 + (k * 53) % 170); // writes land anywhere in the polling period
        long t0 = System.nanoTime();
        append(file, record(k));
        waitFor(seen, k + 1);
        micros[k - 1] = (System.nanoTime() - t0) / 1000;
      }
    }
    Arrays.sort(micros);
    System.out.printf("record of %d layers x %d units, %d rounds: median %.0f ms, p95 %.0f ms,"
        + " max %.0f ms%n", LAYERS, UNITS, rounds, micros[rounds / 2] / 1e3,
        micros[(int) (rounds * 0.95)] / 1e3, micros[rounds - 1] / 1e3);
  }

  private static void waitFor(BlockingQueue<RecordedRun> seen, int records)
      throws InterruptedException {
    while (true) {
      RecordedRun r = seen.poll(10, TimeUnit.SECONDS);
      if (r == null) {
        throw new IllegalStateException("no record after 10 s");
      }
      if (r.size() >= records) {
        return;
      }
    }
  }

  private static void append(Path file, String line) throws IOException {
    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  private static String header() {
    StringBuilder sb = new StringBuilder("{\"format\":\"activation-lab/training-stats\","
        + "\"version\":2,\"layout\":\"jsonl\",\"source\":\"pytorch-probe\",\"layers\":[");
    for (int l = 1; l <= LAYERS; l++) {
      sb.append(l > 1 ? "," : "").append("{\"index\":").append(l).append(",\"name\":\"fc")
          .append(l).append("\",\"kind\":\"").append(l == LAYERS ? "output" : "hidden")
          .append("\",\"width\":").append(UNITS).append(",\"activation\":\"relu\"}");
    }
    return sb.append("]}\n").toString();
  }

  private static String record(int k) {
    StringBuilder sb = new StringBuilder("{\"step\":").append(k * 10).append(",\"loss\":")
        .append(1.0 / (k + 1)).append(",\"layers\":[");
    for (int l = 0; l < LAYERS; l++) {
      sb.append(l > 0 ? "," : "").append("{\"gradMeanAbs\":1.0e-3,\"neuronGradMeanAbs\":[");
      for (int j = 0; j < UNITS; j++) {
        sb.append(j > 0 ? "," : "").append(1.2345678e-5 * (j + 1));
      }
      sb.append("]}");
    }
    return sb.append("]}\n").toString();
  }
}
