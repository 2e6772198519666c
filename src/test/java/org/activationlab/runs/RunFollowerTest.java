package org.activationlab.runs;

import static org.activationlab.runs.StatsFilesTest.HEADER;
import static org.activationlab.runs.StatsFilesTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a JSON Lines file while the test thread writes it: records appear, half a line waits
 * for its rest, a truncated file is read again, an end line stops the follower, and so do a
 * deleted file and a bad line (keeping what was read).
 */
class RunFollowerTest {

  private static final Duration PERIOD = Duration.ofMillis(20);

  @TempDir
  Path dir;

  final List<RecordedRun> updates = new CopyOnWriteArrayList<>();
  final List<String> notices = new CopyOnWriteArrayList<>();
  final List<IOException> stops = new CopyOnWriteArrayList<>();

  final RunFollower.Listener listener = new RunFollower.Listener() {
    @Override
    public void updated(RecordedRun run) {
      updates.add(run);
    }

    @Override
    public void notice(String message) {
      notices.add(message);
    }

    @Override
    public void stopped(IOException error) {
      stops.add(error == null ? new IOException("finished") : error);
    }
  };

  static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** Waits (generously) until the condition holds; fails if it never does. */
  static void await(String what, BooleanSupplier condition) {
    try {
      org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
          condition::getAsBoolean);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }

  /** A source that counts its polls, so a test can wait for polls instead of for time. */
  static final class CountingSource implements RunSource {
    final RunSource inner;
    final java.util.concurrent.atomic.AtomicInteger polls =
        new java.util.concurrent.atomic.AtomicInteger();

    CountingSource(RunSource inner) {
      this.inner = inner;
    }

    @Override
    public RecordedRun poll() throws IOException {
      try {
        return inner.poll();
      } finally {
        polls.incrementAndGet();
      }
    }

    @Override
    public RecordedRun latest() {
      return inner.latest();
    }

    @Override
    public String notice() {
      return inner.notice();
    }

    @Override
    public boolean finished() {
      return inner.finished();
    }

    @Override
    public void close() throws IOException {
      inner.close();
    }
  }

  static List<Long> steps(RecordedRun run) {
    return run.records().stream().map(RecordedStep::step).toList();
  }

  @Test
  void recordsAppearAsTheFileGrowsAndHalfALineWaitsForItsRest() throws Exception {
    Path file = dir.resolve("run.jsonl");
    Files.writeString(file, HEADER);
    CountingSource source = new CountingSource(new StatsFileTail(file));
    try (RunFollower f = new RunFollower(source, PERIOD, listener)) {
      await("the header is read", () -> f.latest() != null);
      assertThat(f.latest().isEmpty()).isTrue();
      assertThat(f.latest().layers()).hasSize(2);

      append(file, record(0));
      await("record 0 appears", () -> f.latest().size() == 1);

      String next = record(10);
      append(file, next.substring(0, next.length() / 2));
      int seen = updates.size();
      int polled = source.polls.get();
      await("several polls see half a line", () -> source.polls.get() >= polled + 5);
      assertThat(f.running()).isTrue();
      assertThat(f.error()).isNull();
      assertThat(f.latest().size()).isEqualTo(1);
      assertThat(updates).hasSize(seen);

      append(file, next.substring(next.length() / 2) + record(20));
      await("records 10 and 20 appear", () -> f.latest().size() == 3);
      assertThat(steps(f.latest())).containsExactly(0L, 10L, 20L);
      assertThat(f.latest().record(1).layer(0).neuronGrad(1)).isEqualTo(0.2);

      Files.writeString(file, HEADER + record(5)); // truncated and written again
      await("the shorter file is read again", () -> f.latest().size() == 1
          && f.latest().record(0).step() == 5);
      assertThat(notices).singleElement().asString().contains("truncated")
          .contains("read again from its start");

      append(file, record(6) + "{\"end\":true,\"diverged\":false,\"divergedAtStep\":null}\n");
      await("the end line stops it", () -> !f.running());
      assertThat(f.latest().complete()).isTrue();
      assertThat(steps(f.latest())).containsExactly(5L, 6L);
      assertThat(f.error()).isNull();
      assertThat(stops).singleElement().extracting(Throwable::getMessage).isEqualTo("finished");
    }
  }

  @Test
  void aDeletedFileStopsTheFollowerWithAReason() throws Exception {
    Path file = dir.resolve("gone.jsonl");
    Files.writeString(file, HEADER + record(0));
    try (RunFollower f = new RunFollower(new StatsFileTail(file), PERIOD, listener)) {
      await("record 0", () -> f.latest() != null && f.latest().size() == 1);
      Files.delete(file);
      await("it stops", () -> !f.running());
      assertThat(f.error()).hasMessageContaining("gone.jsonl").hasMessageContaining("is gone");
      assertThat(f.latest().size()).isEqualTo(1);
    }
  }

  @Test
  void aBadLineStopsTheFollowerAndKeepsWhatWasRead() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, HEADER + record(0));
    try (RunFollower f = new RunFollower(new StatsFileTail(file), PERIOD, listener)) {
      await("record 0", () -> f.latest() != null && f.latest().size() == 1);
      append(file, record(10) + "{\"step\":\"twenty\"}\n" + record(30));
      await("it stops", () -> !f.running());
      assertThat(f.error()).isInstanceOf(RunFileException.class)
          .hasMessageStartingWith(file + ":4:")
          .hasMessageContaining("step must be an integer, not text");
      assertThat(steps(f.latest())).containsExactly(0L, 10L);
    }
  }

  @Test
  void closeStopsThePolling() throws Exception {
    Path file = dir.resolve("closed.jsonl");
    Files.writeString(file, HEADER);
    CountingSource source = new CountingSource(new StatsFileTail(file));
    RunFollower f = new RunFollower(source, PERIOD, listener);
    await("the header is read", () -> f.latest() != null);
    f.close();
    assertThat(f.running()).isFalse();
    int polled = source.polls.get();
    append(file, record(0));
    // a second follower of the same file is the clock: once it has read the record, the closed
    // one has had several periods to poll, and did not
    CountingSource clock = new CountingSource(new StatsFileTail(file));
    try (RunFollower other = new RunFollower(clock, PERIOD, run -> { })) {
      await("another follower reads the record and polls on",
          () -> other.latest() != null && other.latest().size() == 1 && clock.polls.get() >= 5);
    }
    assertThat(source.polls.get()).isEqualTo(polled);
    assertThat(f.latest().size()).isZero();
  }
}
