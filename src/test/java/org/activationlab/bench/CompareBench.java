package org.activationlab.bench;

import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.activationlab.training.Comparison;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.lab.LabModel;
import org.activationlab.ui.lab.LabView;

/**
 * Throughput of a comparison with the Lab attached: steps/s of one run, then of each of two runs
 * trained side by side (run A's step count, which B's equals), on a real stage at 1600×1000
 * (Monocle headless), interleaved over rounds. The bar: each of two runs keeps ≥ 45 % of one
 * run's steps/s.
 *
 * <p>{@code ./mvnw -Pjmh test-compile exec:exec -Dbench.main=org.activationlab.bench.CompareBench
 * -Djmh.args="10 3 deep-sigmoid"} (seconds per measurement, rounds, preset with a ready pair).
 */
public final class CompareBench {

  private CompareBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String preset = args.length > 2 ? args[2] : "deep-sigmoid";
    Comparison pair = Comparison.ofPresetPair(preset);
    Scenario a = pair.a().toBuilder().steps(Scenario.MAX_STEPS).build(); // no designed stop
    Comparison onAndOn = pair.withA(a);
    FxThread.start();
    Platform.setImplicitExit(false); // each measurement closes its window: keep the toolkit
    double oneSum = 0;
    double twoSum = 0;
    for (int r = 1; r <= rounds; r++) {
      double one = rate(a, null, seconds);
      double two = rate(a, onAndOn, seconds);
      oneSum += one;
      twoSum += two;
      System.out.printf(Locale.ROOT, "round %d: one run %.0f steps/s; two runs %.0f steps/s "
          + "each (%.1f %%)%n", r, one, two, 100 * two / one);
    }
    System.out.printf(Locale.ROOT, "%s vs %s, Lab attached, mean of %d rounds: one run %.0f "
        + "steps/s, each of two %.0f steps/s = %.1f %% of one%n", preset,
        Comparison.PRESET_PAIRS.get(preset), rounds, oneSum / rounds, twoSum / rounds,
        100 * twoSum / oneSum);
    Platform.exit();
  }

  /** Steps/s of run A as fast as it goes with the Lab drawing it (and B when {@code pair}). */
  private static double rate(Scenario a, Comparison pair, int seconds) throws Exception {
    LabModel model = FxThread.call(() -> new LabModel(a));
    Stage[] stage = new Stage[1];
    FxThread.call(() -> {
      LabView v = new LabView(model, new ThemeManager());
      stage[0] = new Stage();
      stage[0].setScene(new Scene(v, 1600, 1000));
      stage[0].show();
      return v;
    });
    if (pair != null) {
      FxThread.call(() -> {
        model.compare(pair);
        return null;
      });
    }
    FxThread.call(() -> {
      model.setSpeed(0);
      model.play();
      return null;
    });
    Thread.sleep(4000); // warm-up: the JIT compiles training and drawing
    long step0 = model.latest().step();
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    org.activationlab.training.TrainingSnapshot last = model.latest();
    long step1 = last.step();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (pair != null && last.compared().step() != step1) {
      throw new AssertionError("runs out of step: " + step1 + " vs " + last.compared().step());
    }
    FxThread.call(() -> {
      stage[0].close();
      return null;
    });
    model.close();
    return (step1 - step0) / elapsed;
  }
}
