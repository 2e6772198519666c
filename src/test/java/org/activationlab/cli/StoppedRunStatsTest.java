package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run stopped by SIGTERM (as by Ctrl-C or {@code kill}) leaves: the command runs in a
 * child JVM, is followed through its JSON Lines file until it holds three records, then stopped;
 * its statistics files must be complete and valid with the records made so far, and no
 * temporary file may be left.
 */
class StoppedRunStatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A guard against a child that never writes, not a timing of the code under test. */
  private static final long GIVE_UP_NANOS = TimeUnit.MINUTES.toNanos(3);

  @TempDir
  Path dir;

  private Process start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        "org.activationlab.Launcher"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
  }

  /**
   * Follows {@code jsonl} as a run-viewer would until it holds {@code records} records: every
   * line ended by a newline must be valid JSON whenever it is read, and lines never disappear.
   */
  private static void follow(Process p, Path jsonl, int records) throws Exception {
    int[] seen = {0};
    try {
      org.testfx.util.WaitForAsyncUtils.waitFor(GIVE_UP_NANOS, TimeUnit.NANOSECONDS, () -> {
        if (!p.isAlive()) {
          fail("the command ended (status " + p.exitValue() + ") before " + records + " records");
        }
        if (Files.exists(jsonl)) {
          String text = Files.readString(jsonl, StandardCharsets.UTF_8);
          List<String> whole = text.lines().toList();
          if (!text.endsWith("\n") && !whole.isEmpty()) {
            whole = whole.subList(0, whole.size() - 1); // an unfinished write, allowed
          }
          for (String line : whole) {
            assertThat(JSON.readTree(line).isObject()).isTrue();
          }
          assertThat(whole.size()).isGreaterThanOrEqualTo(seen[0]);
          seen[0] = whole.size();
        }
        return seen[0] >= 1 + records;
      });
    } catch (java.util.concurrent.TimeoutException e) {
      p.destroyForcibly();
      fail("no " + records + " records in " + jsonl + " after 3 minutes");
    }
  }


  private static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("the command did not stop after SIGTERM");
    }
  }

  /** The lines of a finished JSON Lines file: header, records, end line. */
  private static List<JsonNode> finishedLines(Path jsonl) throws IOException {
    String text = Files.readString(jsonl, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines.get(0).get("layout").asText()).isEqualTo("jsonl");
    JsonNode end = lines.get(lines.size() - 1);
    assertThat(end.get("end").asBoolean()).as("end line").isTrue();
    assertThat(end.get("diverged").asBoolean()).isFalse();
    for (int i = 1; i < lines.size() - 1; i++) {
      assertThat(lines.get(i).get("step").asLong()).isEqualTo(i - 1); // --every 1
    }
    return lines;
  }

  private List<Path> outputs(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }

  @Test
  void sigtermLeavesAJsonLinesFileWithItsEndLineAndNoTemporaryAnimation() throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    Path jsonl = out.resolve("run.jsonl");
    Process p = start("train", "--preset", "deep-sigmoid", "--steps", "99000", "--every", "1",
        "--stats", jsonl.toString(), "--gif", out.resolve("run.gif").toString());
    follow(p, jsonl, 3);
    stop(p);
    List<JsonNode> lines = finishedLines(jsonl);
    assertThat(lines.size() - 2).isGreaterThanOrEqualTo(3);
    assertThat(outputs(out)).containsExactly(jsonl); // the unfinished GIF's temporary file gone
    assertThat(Files.readString(dir.resolve("stderr.txt")))
        .contains("stopped: wrote " + jsonl + " (" + (lines.size() - 2) + " records");
  }

  @Test
  void sigtermLeavesCompleteJsonAndCsvMovedIntoPlace() throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    Path a = out.resolve("a.jsonl");
    Path b = out.resolve("b.json");
    Process p = start("compare", "--preset", "deep-sigmoid", "--vs-set", "activation=relu",
        "--steps", "99000", "--every", "1", "--stats", a + "," + b);
    follow(p, a, 3);
    stop(p);
    int aRecords = finishedLines(a).size() - 2;
    JsonNode doc = JSON.readTree(b.toFile()); // complete: it parses
    assertThat(doc.get("format").asText()).isEqualTo("activation-lab/training-stats");
    assertThat(doc.get("layers").size()).isEqualTo(9);
    JsonNode records = doc.get("records");
    // the runs step together; B may take a few more steps while the hook finishes A's file
    assertThat(records.size()).isGreaterThanOrEqualTo(Math.max(3, aRecords - 1));
    for (int i = 0; i < records.size(); i++) {
      assertThat(records.get(i).get("step").asLong()).isEqualTo(i);
      assertThat(records.get(i).get("layers").size()).isEqualTo(9);
    }
    assertThat(doc.get("diverged").asBoolean()).isFalse();
    assertThat(doc.get("divergedAtStep").isNull()).isTrue();
    assertThat(outputs(out)).containsExactlyInAnyOrder(a, b); // no temporary file

    // the same for CSV: rows of whole records only
    Path c = out.resolve("c.csv");
    Path d = out.resolve("d.jsonl");
    p = start("compare", "--preset", "deep-sigmoid", "--vs-set", "activation=relu",
        "--steps", "99000", "--every", "1", "--stats", c + "," + d);
    follow(p, d, 3);
    stop(p);
    List<String> rows = Files.readAllLines(c);
    assertThat(rows.get(0)).startsWith("step,loss,");
    assertThat((rows.size() - 1) % 9).isZero();
    assertThat((rows.size() - 1) / 9).isGreaterThanOrEqualTo(3);
    assertThat(rows.get(rows.size() - 1).split(",", -1)).hasSize(17);
    assertThat(outputs(out)).containsExactlyInAnyOrder(a, b, c, d);
  }
}
