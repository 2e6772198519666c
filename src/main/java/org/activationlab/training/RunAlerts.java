package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about a recorded run, the way Lightning's proposed GradientStatsMonitor raises them:
 * a layer whose gradient is below {@value #VANISHING_SHARE} of the largest layer's at the same
 * record (vanishing), a layer more than half dead, and an update:weight ratio outside
 * [{@value #RATIO_LOW}, {@value #RATIO_HIGH}] (too slow or too fast to learn well). Consecutive
 * records of one layer with the same alert make one span.
 */
public final class RunAlerts {

  /** A layer's gradient below this share of the largest layer's is vanishing. */
  public static final double VANISHING_SHARE = 1e-7;
  /** A layer with more than this share of dead units is flagged. */
  public static final double DEAD_SHARE = 0.5;
  public static final double RATIO_LOW = 1e-4;
  public static final double RATIO_HIGH = 1e-2;
  /** Fine records in a row that a span bridges. */
  public static final int GAP = 3;
  /** Spans kept at most; a run with more lists the first ones (and says so). */
  public static final int MAX_SPANS = 10_000;

  /** What is wrong. */
  public enum Kind {
    VANISHING, DEAD, UPDATE_RATIO_LOW, UPDATE_RATIO_HIGH
  }

  /**
   * One alert over consecutive records {@code from}..{@code to} (indices into the run) of layer
   * {@code layer} (0-based).
   *
   * @param worst the most extreme value over the span: the smallest share of the largest
   *     gradient, the largest dead share, the smallest or largest ratio
   */
  public record Span(Kind kind, int layer, int from, int to, long fromStep, long toStep,
      double worst) {}

  private RunAlerts() {}

  /** The alerts of the run's records, by record then layer; at most {@link #MAX_SPANS}. */
  public static List<Span> of(RecordedRun run) {
    int layers = run.layers().size();
    Span[][] open = new Span[Kind.values().length][layers];
    List<Span> done = new ArrayList<>();
    for (int i = 0; i < run.size() && done.size() < MAX_SPANS; i++) {
      RecordedStep r = run.record(i);
      double largest = 0;
      for (int l = 0; l < layers; l++) {
        double m = magnitude(r.layer(l));
        if (Double.isFinite(m)) {
          largest = Math.max(largest, m);
        }
      }
      for (int l = 0; l < layers; l++) {
        LayerRecord lr = r.layer(l);
        double m = magnitude(lr);
        double share = largest > 0 && m >= 0 ? m / largest : Double.NaN;
        mark(open, done, Kind.VANISHING, l, i, r.step(),
            share < VANISHING_SHARE ? share : Double.NaN, true);
        double dead = lr == null ? Double.NaN : lr.deadFraction();
        mark(open, done, Kind.DEAD, l, i, r.step(), dead > DEAD_SHARE ? dead : Double.NaN, false);
        double ratio = lr == null ? Double.NaN : lr.updateRatio();
        mark(open, done, Kind.UPDATE_RATIO_LOW, l, i, r.step(),
            ratio < RATIO_LOW ? ratio : Double.NaN, true);
        mark(open, done, Kind.UPDATE_RATIO_HIGH, l, i, r.step(),
            ratio > RATIO_HIGH ? ratio : Double.NaN, false);
      }
    }
    for (Span[] byLayer : open) {
      for (Span s : byLayer) {
        if (s != null) {
          done.add(s);
        }
      }
    }
    done.sort(java.util.Comparator.comparingInt(Span::from).thenComparingInt(Span::layer)
        .thenComparing(Span::kind));
    return done.size() > MAX_SPANS ? List.copyOf(done.subList(0, MAX_SPANS)) : List.copyOf(done);
  }

  /**
   * The gradient magnitude alerts compare: mean |δ| where recorded, else RMS ∂L/∂W, else ‖∂L/∂W‖.
   */
  public static double magnitude(LayerRecord lr) {
    if (lr == null) {
      return Double.NaN;
    }
    if (!Double.isNaN(lr.gradMeanAbs())) {
      return lr.gradMeanAbs();
    }
    return !Double.isNaN(lr.gradWeightRms()) ? lr.gradWeightRms() : lr.gradWeightNorm();
  }

  /**
   * Extends or closes the open span of (kind, layer) with this record's value (NaN = fine). A
   * span survives up to {@value #GAP} fine records in a row (a value hovering at a threshold
   * makes one alert, not dozens); it ends at its last alerting record.
   */
  private static void mark(Span[][] open, List<Span> done, Kind kind, int layer, int index,
      long step, double value, boolean lowIsWorse) {
    Span s = open[kind.ordinal()][layer];
    if (Double.isNaN(value)) {
      if (s != null && index - s.to() > GAP) {
        done.add(s);
        open[kind.ordinal()][layer] = null;
      }
      return;
    }
    if (s == null) {
      open[kind.ordinal()][layer] = new Span(kind, layer, index, index, step, step, value);
    } else {
      double worst = lowIsWorse ? Math.min(s.worst(), value) : Math.max(s.worst(), value);
      open[kind.ordinal()][layer] = new Span(kind, layer, s.from(), index, s.fromStep(), step,
          worst);
    }
  }
}
