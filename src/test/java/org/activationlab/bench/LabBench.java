package org.activationlab.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.activationlab.training.Command;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.activationlab.training.Trainer;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.lab.FrameMeter;
import org.activationlab.ui.lab.LabModel;
import org.activationlab.ui.lab.LabView;

/**
 * The Lab's quality bars, measured rather than asserted:
 *
 * <ol>
 *   <li>FX-thread work per drawn frame (median, 99th percentile) of the whole Lab at 1600×1000
 *       with the deepest network (16 × 64) training as fast as it can, on a real stage (Monocle
 *       headless, software pipeline: the render thread rasterises on the other core);
 *   <li>training throughput of that scenario headless and with the Lab attached;
 *   <li>heap in use after 100 k and 1 M steps of {@code deep-sigmoid} (history bounded).
 * </ol>
 *
 * <p>{@code ./mvnw -Pjmh test-compile exec:exec -Dbench.main=org.activationlab.bench.LabBench
 * -Djmh.args="20"} (seconds per throughput measurement; default 10; a preset name after it
 * measures that preset instead of the deepest network).
 */
public final class LabBench {

  private LabBench() {}

  /** The deepest network the Lab allows, on sigmoid so it trains for ever without diverging. */
  static Scenario deepest() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("hidden", "64x16"); // 16 layers of 64 units
    s.put("activation", "sigmoid");
    s.put("init", "glorot_uniform");
    s.put("learningRate", "0.1");
    s.put("batchSize", "10");
    return Scenario.defaults().withSettings(s);
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Scenario scenario = (args.length > 1 ? Presets.get(args[1]).scenario() : deepest())
        .toBuilder().steps(Scenario.MAX_STEPS).build(); // play on: no designed stop step
    System.out.println("scenario: " + scenario);

    double headless = headlessRate(scenario, seconds);
    System.out.printf(Locale.ROOT, "headless: %.0f steps/s (%.0f samples/s)%n", headless,
        headless * scenario.batchSize());

    FxThread.start();
    double[] ui = withLab(scenario, seconds);
    System.out.printf(Locale.ROOT, "with the Lab: %.0f steps/s (%.0f samples/s), %.0f %% of "
        + "headless%n", ui[0], ui[0] * scenario.batchSize(), 100 * ui[0] / headless);
    System.out.printf(Locale.ROOT, "frames drawn: %.0f (%.1f per s); FX work per frame, elapsed: "
        + "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; CPU time: median %.2f ms, "
        + "p90 %.2f ms, p99 %.2f ms%n", ui[1], ui[1] / seconds, ui[2], ui[3], ui[4], ui[5],
        ui[6], ui[7], ui[8]);

    memory();
    Platform.exit();
  }

  private static double headlessRate(Scenario s, int seconds) throws Exception {
    try (Trainer t = new Trainer(s)) {
      t.submit(new Command.SetSpeed(0));
      t.submit(new Command.Play());
      Thread.sleep(2000);
      long step0 = t.latest().step();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long step1 = t.latest().step();
      return (step1 - step0) / ((System.nanoTime() - t0) / 1e9);
    }
  }

  /** {steps/s, frames, median, p90, p99, max ms elapsed, median, p90, p99 ms CPU}. */
  private static double[] withLab(Scenario s, int seconds) throws Exception {
    LabModel model = FxThread.call(() -> new LabModel(s));
    LabView view = FxThread.call(() -> {
      LabView v = new LabView(model, new ThemeManager());
      Stage stage = new Stage();
      stage.setScene(new Scene(v, 1600, 1000));
      stage.show();
      return v;
    });
    model.setSpeed(0);
    model.play();
    Thread.sleep(5000); // warm-up: let the JIT compile the drawing before measuring
    FxThread.call(() -> {
      view.frames().clear();
      return null;
    });
    long step0 = model.latest().step();
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long step1 = model.latest().step();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double[] r = FxThread.call(() -> {
      FrameMeter f = view.frames();
      return new double[] {(step1 - step0) / elapsed, f.count(), f.quantileMillis(0.5),
          f.quantileMillis(0.9), f.quantileMillis(0.99), f.quantileMillis(1),
          f.cpuQuantileMillis(0.5), f.cpuQuantileMillis(0.9), f.cpuQuantileMillis(0.99)};
    });
    model.close();
    return r;
  }

  private static void memory() throws Exception {
    Scenario s = Presets.get("deep-sigmoid").scenario();
    try (Trainer t = new Trainer(s)) {
      long done = 0;
      for (long target : new long[] {100_000, 1_000_000}) {
        t.submit(new Command.Step((int) (target - done)));
        final long goal = target;
        t.await(x -> x.step() == goal, Duration.ofMinutes(10));
        done = target;
        System.out.printf(Locale.ROOT, "deep-sigmoid after %,d steps: heap in use %.1f MB "
            + "(history: %d columns of %d steps)%n", target, usedHeapMb(),
            t.latest().history().size(), t.latest().history().stride());
      }
    }
  }

  private static double usedHeapMb() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc(); // synchronous with the JDK's default G1 (no -XX:+ExplicitGCInvokesConcurrent)
    }
    return (rt.totalMemory() - rt.freeMemory()) / 1e6;
  }
}
