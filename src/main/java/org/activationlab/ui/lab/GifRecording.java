package org.activationlab.ui.lab;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.activationlab.export.Background;
import org.activationlab.export.GifExporter;
import org.activationlab.export.PngExporter;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
import org.activationlab.training.TrainingSnapshot;

/**
 * An animated GIF of one Lab picture being recorded while the network trains: a frame every
 * few steps or seconds (the first at once), {@code frames} in all. The FX thread draws each
 * frame into an image with the same renderer as the screen; a background thread encodes and
 * writes it (GIF encoding is slow), so the window stays responsive. The file appears only when
 * the recording is complete; a cancelled or failed one leaves nothing.
 */
final class GifRecording {

  /**
   * What to record: a frame every {@code every} steps or, with {@code bySeconds}, every {@code
   * every} seconds of the run.
   */
  record Plan(LabPicture picture, int frames, int every, boolean bySeconds, int width, int height,
      int delayMillis, boolean loop, Path file) {
    Plan {
      if (frames < 2 || frames > 500 || every < 1 || width < 64 || height < 64) {
        throw new IllegalArgumentException("2..500 frames, every ≥ 1, size ≥ 64");
      }
    }

    Plan withFile(Path f) {
      return new Plan(picture, frames, every, bySeconds, width, height, delayMillis, loop, f);
    }
  }

  enum State { RECORDING, WRITING, DONE, FAILED, CANCELLED }

  private final Plan plan;
  private final Theme theme;
  private final GifExporter.Recorder recorder;
  private final ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "activation-lab-gif");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicReference<State> state = new AtomicReference<>(State.RECORDING);
  private final AtomicReference<String> failure = new AtomicReference<>();
  private int captured;
  private long nextStep = Long.MIN_VALUE;
  private long nextNanos = Long.MIN_VALUE;

  /**
   * Starts a recording (the file is created only at the end).
   *
   * @throws IOException if the folder cannot be written
   */
  GifRecording(Plan plan, Theme theme) throws IOException {
    this.plan = plan;
    this.theme = theme;
    recorder = GifExporter.start(plan.file(), new GifExporter.Options(plan.width(),
        plan.height(), 1, theme, Background.THEME,
        GifExporter.Options.centiseconds(plan.delayMillis()), plan.loop()));
  }

  Plan plan() {
    return plan;
  }

  /**
   * Called on the FX thread with every new snapshot: captures a frame when one is due.
   *
   * @param frame the picture of that snapshot
   */
  void offer(TrainingSnapshot s, Picture frame) {
    if (state.get() != State.RECORDING || captured >= plan.frames()) {
      return;
    }
    long now = System.nanoTime();
    if (plan.bySeconds() ? nextNanos != Long.MIN_VALUE && now < nextNanos
        : nextStep != Long.MIN_VALUE && s.step() < nextStep) {
      return;
    }
    nextStep = s.step() + plan.every();
    nextNanos = now + plan.every() * 1_000_000_000L;
    BufferedImage image = PngExporter.render(frame, theme, plan.width(), plan.height(), 1,
        Background.THEME);
    captured++;
    boolean last = captured == plan.frames() || s.diverged();
    encoder.execute(() -> encode(image, last));
    if (last) {
      state.compareAndSet(State.RECORDING, State.WRITING);
    }
  }

  /** Ends the recording now with the frames captured so far (at least two), or cancels it. */
  void stop() {
    if (state.get() != State.RECORDING) {
      return;
    }
    if (captured >= 2) {
      state.set(State.WRITING);
      encoder.execute(this::finish);
    } else {
      cancel();
    }
  }

  /** Discards the recording: nothing is written. */
  void cancel() {
    state.set(State.CANCELLED);
    encoder.execute(this::discard);
    encoder.shutdown();
  }

  State state() {
    return state.get();
  }

  int captured() {
    return captured;
  }

  /** Frames encoded so far. */
  int written() {
    return written.get();
  }

  /** Why it failed, or null. */
  String failure() {
    return failure.get();
  }

  private void encode(BufferedImage image, boolean last) {
    if (state.get() == State.CANCELLED || state.get() == State.FAILED) {
      return;
    }
    try {
      recorder.add(Picture.of("frame", (Graphics2D g, double w, double h, Theme t) ->
          g.drawImage(image, 0, 0, null)));
      written.incrementAndGet();
      if (last) {
        finish();
      }
    } catch (IOException | RuntimeException e) {
      fail(e);
    }
  }

  private void finish() {
    try {
      recorder.finish();
      recorder.close();
      state.set(State.DONE);
    } catch (IOException | RuntimeException e) {
      fail(e);
    } finally {
      encoder.shutdown();
    }
  }

  private void fail(Exception e) {
    failure.set(e.getMessage() == null ? e.toString() : e.getMessage());
    state.set(State.FAILED);
    discard();
    encoder.shutdown();
  }

  private void discard() {
    try {
      recorder.close();
    } catch (IOException ignored) {
      // the temporary file is gone or will be: nothing to report beyond the failure
    }
  }
}
