package org.activationlab.activation;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a function's derivative vanishes, and so what "f′ ≈ 0" means for a unit: the family a
 * function belongs to for the statistics of dead, inactive and saturated units (docs/formats.md,
 * "The statistics").
 *
 * <p>The rule, applied to the bound function (so parameters count: Leaky ReLU with slope 0 is
 * ReLU):
 *
 * <ol>
 *   <li>A function <b>switches off</b> ({@link #SWITCHES_OFF}, "ReLU-like") when it has an
 *       <i>off region</i> — an interval on which f = 0 and f′ = 0 exactly, so a unit there outputs
 *       nothing and passes no gradient — and either it is unbounded (ReLU, hard swish, softshrink,
 *       hardshrink) or its off region starts at z = 0 (ReLU6, hard tanh with a bound at 0, the
 *       binary step). Being off for some samples is sparsity, normal for these functions: the
 *       statistics report the <i>inactive</i> share, not a saturation.
 *   <li>Otherwise a function <b>saturates</b> ({@link #SATURATES}) when it is bounded on both
 *       sides: its tails level off at the bounds and f′ fades (sigmoid, tanh, softsign) or drops
 *       to exactly 0 (hard sigmoid, hard tanh) there. Too many samples in the tails is the
 *       saturation that makes gradients vanish: the statistics report the <i>saturated</i> share.
 *   <li>Every other function does <b>neither</b> ({@link #NEITHER}): its f′ never vanishes on an
 *       interval and it is unbounded on at least one side (identity, Leaky ReLU, ELU, GELU,
 *       softplus, …). Its slope may fade on one side (ELU, softplus), but a unit there still
 *       passes gradient and the other side never flattens; no share is reported.
 * </ol>
 *
 * <p>Why the piecewise-flat bounded functions split: ReLU6 is ReLU capped at 6, and its flat left
 * half is ReLU's off state right at z = 0, where pre-activations start out — treating it as a
 * saturation would call half of a healthy ReLU6 layer saturated. Hard sigmoid and hard tanh are
 * the piecewise-linear sigmoid and tanh: steepest around z = 0, flat only beyond ±3 (±2.5, ±1),
 * where they sit at their bounds — that is their saturation. (ReLU6's cap at 6 also has f′ = 0 and
 * counts as inactive.)
 *
 * <p>Off regions are looked for on a grid of step 1/256 over [{@value #SCAN_MIN}, {@value
 * #SCAN_MAX}] — where the catalog's off regions begin (hard swish: −3) and where no smooth
 * function underflows to an exact zero (the tanh form of GELU does below about −7) — and just
 * either side of 0; boundedness comes from {@link PropertyAnalysis}. The result is cached per
 * function and parameter values.
 */
public enum Flatness {
  /** ReLU-like: f = f′ = 0 exactly on an off region; report the inactive share. */
  SWITCHES_OFF,
  /** Bounded on both sides, not ReLU-like: report the saturated share. */
  SATURATES,
  /** Neither: no share is reported. */
  NEITHER;

  static final double SCAN_MIN = -6;
  static final double SCAN_MAX = 6;
  private static final double STEP = 1.0 / 256;
  /** Just beside 0, to see whether an off region starts at 0. */
  private static final double NEAR_ZERO = 1e-6;

  private record Key(ActivationFunction function, String parameters) {}

  private static final Map<Key, Flatness> CACHE = new ConcurrentHashMap<>();

  /** The family of a bound function (cached). */
  public static Flatness of(Activation f) {
    Key key = new Key(f.function(), Arrays.toString(f.parameterValues()));
    return CACHE.computeIfAbsent(key, k -> classify(f));
  }

  /** Whether the statistics report an inactive share for this family. */
  public boolean reportsInactive() {
    return this == SWITCHES_OFF;
  }

  /** Whether the statistics report a saturated share for this family. */
  public boolean reportsSaturated() {
    return this == SATURATES;
  }

  private static Flatness classify(Activation f) {
    boolean offRegion = false;
    boolean previousOff = false;
    int points = (int) Math.round((SCAN_MAX - SCAN_MIN) / STEP);
    for (int i = 0; i <= points; i++) {
      boolean off = isOff(f, SCAN_MIN + i * STEP);
      offRegion |= off && previousOff;
      previousOff = off;
    }
    boolean offAtZero = isOff(f, -NEAR_ZERO) && isOff(f, -2 * NEAR_ZERO)
        || isOff(f, NEAR_ZERO) && isOff(f, 2 * NEAR_ZERO);
    ActivationProperties p = PropertyAnalysis.analyse(f);
    boolean bounded = p.boundedBelow() && p.boundedAbove();
    if ((offRegion || offAtZero) && (offAtZero || !bounded)) {
      return SWITCHES_OFF;
    }
    return bounded ? SATURATES : NEITHER;
  }

  private static boolean isOff(Activation f, double x) {
    return f.value(x) == 0 && f.derivative(x) == 0;
  }
}
