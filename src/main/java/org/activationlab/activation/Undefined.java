package org.activationlab.activation;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a function has no value: the stretches of a sampling grid over which it is NaN (a typed
 * formula's log or sqrt of a negative number). The stretches run from the first to the last
 * grid point without a value, so each end is known to within one grid step.
 */
public final class Undefined {

  /** The range scanned, as the property analysis's. */
  public static final double FROM = -20;
  public static final double TO = 20;
  /** Grid points scanned (a step of 0.01 over [−20, 20]). */
  public static final int POINTS = 4001;

  private Undefined() {}

  /** The stretches [first, last] of grid points of [{@link #FROM}, {@link #TO}] where f is NaN. */
  public static List<double[]> stretches(Activation a) {
    List<double[]> out = new ArrayList<>();
    double step = (TO - FROM) / (POINTS - 1);
    double start = Double.NaN;
    double last = Double.NaN;
    for (int i = 0; i < POINTS; i++) {
      double x = FROM + i * step;
      if (Double.isNaN(a.value(x))) {
        if (Double.isNaN(start)) {
          start = x;
        }
        last = x;
      } else if (!Double.isNaN(start)) {
        out.add(new double[] {start, last});
        start = Double.NaN;
      }
    }
    if (!Double.isNaN(start)) {
      out.add(new double[] {start, last});
    }
    return out;
  }
}
