package org.activationlab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;

/**
 * How long rebuilding a past step takes ({@link Run#at}) and what the checkpoints cost.
 *
 * <pre>
 * ./mvnw -B -q -o -Pjmh test-compile exec:exec -Dbench.main=org.activationlab.bench.TimelineBench \
 *     -Djmh.args="100000 200"
 * </pre>
 *
 * Arguments: steps of the deep-sigmoid run (8 × 8 sigmoid, batch 10), scrubs to random steps.
 * Prints the training speed with checkpoints, the p50/p95/max of a scrub (a snapshot with the
 * decision boundary, as the Lab shows it), and the checkpoints' memory after the run.
 */
public final class TimelineBench {

  private TimelineBench() {}

  public static void main(String[] args) {
    long steps = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    int scrubs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Scenario sc = Presets.get("deep-sigmoid").scenario(); // Run.step does not stop at its steps
    Run run = new Run(sc);
    long t0 = System.nanoTime();
    for (long k = 0; k < steps; k++) {
      run.step();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("trained %d steps in %.2f s: %.0f steps/s (checkpoints included)%n", steps,
        seconds, steps / seconds);
    System.out.printf("checkpoint memory after %d steps: %.1f kB%n", steps,
        run.timelineBytes() / 1024.0);
    run.refreshGrid(Run.GRID_RESOLUTION); // the Lab shows the boundary: scrubs compute it too
    SplittableRandom r = new SplittableRandom(1);
    double[] ms = new double[scrubs];
    for (int i = -20; i < scrubs; i++) { // 20 to warm up
      long step = r.nextLong(steps + 1);
      long s = System.nanoTime();
      TrainingSnapshot snap = run.at(step);
      double took = (System.nanoTime() - s) / 1e6;
      if (snap.step() != step) {
        throw new AssertionError("scrubbed to " + snap.step() + ", asked " + step);
      }
      if (i >= 0) {
        ms[i] = took;
      }
    }
    Arrays.sort(ms);
    System.out.printf("scrub to a random step of %d (%d scrubs): p50 %.1f ms, p95 %.1f ms, "
        + "max %.1f ms%n", steps, scrubs, ms[scrubs / 2], ms[(int) Math.ceil(scrubs * 0.95) - 1],
        ms[scrubs - 1]);
  }
}
