package org.activationlab.nn;

/**
 * Generates the built-in data sets from a seed. All clean data lie in about [−1, 1] per
 * coordinate (noise may push points a little outside). Classes alternate sample by sample before
 * the shuffle, so classification sets are balanced exactly (±1 sample per class overall; the split
 * is random). Then the samples are shuffled and the first {@link DatasetSpec#trainSize()} go to
 * training, the rest to testing. Noise comes from its own random
 * stream, so changing only the noise jitters the same points.
 *
 * <ul>
 *   <li>{@code circle}: class 1 inside radius 0.5, class 0 on the ring 0.7–1 (radius and angle
 *       uniform).
 *   <li>{@code xor}: points uniform in the four quadrants, kept ≥ 0.05 from the axes; class 1
 *       where x·y &gt; 0.
 *   <li>{@code gaussians}: class 1 around (0.5, 0.5), class 0 around (−0.5, −0.5), σ = 0.2,
 *       truncated to [−1, 1].
 *   <li>{@code moons}: scikit-learn's two moons, shifted and scaled by 1/1.5 into [−1, 1] ×
 *       [−0.5, 0.5]; class 0 the upper moon.
 *   <li>{@code spiral}/{@code spiral3}: TensorFlow Playground's spiral, radius u ∈ [0,1), angle
 *       3.5π·u plus 2πc/K for class c of K.
 *   <li>{@code sine}: x uniform in [−1, 1], target sin(πx).
 *   <li>{@code custom}: the user's points ({@link DataPoints}) as given, in their order; noise is
 *       added as for the generated sets (to x and y of classification points, to the target of
 *       regression points), from the same noise stream; then the same seeded shuffle and split.
 *       With noise 0 the network sees exactly the user's numbers.
 * </ul>
 */
public final class Datasets {
  private Datasets() {}

  public static DataSplit generate(DatasetSpec spec) {
    if (spec.kind() == DatasetKind.CUSTOM) {
      return custom(spec);
    }
    DatasetKind kind = spec.kind();
    int n = spec.samples();
    int in = kind.inputSize();
    double[] x = new double[n * in];
    double[] y = new double[n];
    Rng rng = Rng.stream(spec.seed(), 1);
    Rng noiseRng = Rng.stream(spec.seed(), 3);
    double noise = spec.noise();
    for (int i = 0; i < n; i++) {
      int o = i * in;
      switch (kind) {
        case CIRCLE -> {
          int c = i % 2;
          double r = c == 1 ? rng.uniform(0, 0.5) : rng.uniform(0.7, 1.0);
          double t = rng.uniform(0, 2 * Math.PI);
          x[o] = r * Math.cos(t);
          x[o + 1] = r * Math.sin(t);
          y[i] = c;
        }
        case XOR -> {
          int c = i % 2;
          double s = rng.nextDouble() < 0.5 ? -1 : 1;
          double a = rng.uniform(0.05, 1.0);
          double b = rng.uniform(0.05, 1.0);
          x[o] = s * a;
          x[o + 1] = (c == 1 ? s : -s) * b;
          y[i] = c;
        }
        case GAUSSIANS -> {
          int c = i % 2;
          double m = c == 1 ? 0.5 : -0.5;
          x[o] = m + gaussianWithin(rng, 0.2, 1 + m, 1 - m);
          x[o + 1] = m + gaussianWithin(rng, 0.2, 1 + m, 1 - m);
          y[i] = c;
        }
        case MOONS -> {
          int c = i % 2;
          double t = rng.uniform(0, Math.PI);
          double px = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
          double py = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
          x[o] = (px - 0.5) / 1.5;
          x[o + 1] = (py - 0.25) / 1.5;
          y[i] = c;
        }
        case SPIRAL, SPIRAL3 -> {
          int k = kind.classes();
          int c = i % k;
          double u = rng.nextDouble();
          double t = 1.75 * u * 2 * Math.PI + 2 * Math.PI * c / k;
          x[o] = u * Math.sin(t);
          x[o + 1] = u * Math.cos(t);
          y[i] = c;
        }
        case SINE -> {
          double v = rng.uniform(-1, 1);
          x[o] = v;
          y[i] = Math.sin(Math.PI * v) + noise * noiseRng.nextGaussian();
        }
        default -> throw new AssertionError(kind);
      }
      if (kind != DatasetKind.SINE && noise > 0) {
        for (int k = 0; k < in; k++) {
          x[o + k] += noise * noiseRng.nextGaussian();
        }
      }
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    rng.shuffle(order, n);
    int nTrain = spec.trainSize();
    return new DataSplit(spec, part(spec, x, y, order, 0, nTrain),
        part(spec, x, y, order, nTrain, n));
  }

  private static DataSplit custom(DatasetSpec spec) {
    DataPoints p = spec.points();
    int n = p.size();
    int in = p.dimensions();
    double[] x = p.inputs();
    double[] y = p.targets();
    double noise = spec.noise();
    if (noise > 0) {
      Rng noiseRng = Rng.stream(spec.seed(), 3);
      for (int i = 0; i < n; i++) {
        if (p.task() == Task.REGRESSION) {
          y[i] += noise * noiseRng.nextGaussian();
        } else {
          for (int k = 0; k < in; k++) {
            x[i * in + k] += noise * noiseRng.nextGaussian();
          }
        }
      }
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Rng.stream(spec.seed(), 1).shuffle(order, n);
    int nTrain = spec.trainSize();
    return new DataSplit(spec, part(spec, x, y, order, 0, nTrain),
        part(spec, x, y, order, nTrain, n));
  }

  /** N(0, σ²) redrawn until it lies in [−below, above]. */
  private static double gaussianWithin(Rng rng, double sigma, double below, double above) {
    double v;
    do {
      v = sigma * rng.nextGaussian();
    } while (v < -below || v > above);
    return v;
  }

  private static Dataset part(DatasetSpec spec, double[] x, double[] y, int[] order, int from,
      int to) {
    int in = spec.inputSize();
    int m = to - from;
    double[] px = new double[m * in];
    double[] py = new double[m];
    for (int i = 0; i < m; i++) {
      int s = order[from + i];
      System.arraycopy(x, s * in, px, i * in, in);
      py[i] = y[s];
    }
    return new Dataset(spec.kind(), spec.task(), spec.classes(), in, px, py);
  }
}
