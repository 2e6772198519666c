package org.activationlab.nn;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;

/** The largest |f'| of an activation, found by sampling a dense grid over [−50, 50]; cached. */
final class MaxDerivative {
  private static final int POINTS = 200_001; // step 5e-4
  private static final double LIMIT = 50;

  private record Key(ActivationFunction function, String parameters) {}

  private static final Map<Key, Double> CACHE = new ConcurrentHashMap<>();

  private MaxDerivative() {}

  static double of(Activation f) {
    Key key = new Key(f.function(), Arrays.toString(f.parameterValues()));
    return CACHE.computeIfAbsent(key, k -> compute(f));
  }

  private static double compute(Activation f) {
    double[] x = new double[POINTS];
    double step = 2 * LIMIT / (POINTS - 1);
    for (int i = 0; i < POINTS; i++) {
      x[i] = -LIMIT + i * step;
    }
    double[] d = new double[POINTS];
    f.derivatives(x, d, 0, POINTS);
    double max = 0;
    for (double v : d) {
      if (Double.isFinite(v)) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }
}
