package org.activationlab.nn;

/**
 * What data to generate.
 *
 * @param kind the data set
 * @param samples total samples before the split (≥ 4)
 * @param noise standard deviation of Gaussian jitter added to every input coordinate (for {@code
 *     sine}: to the target instead), in input units (the clean data fits in about [−1, 1]); ≥ 0
 * @param testFraction fraction of samples held out for testing, in [0, 0.9]
 * @param seed random seed: the same spec gives the same data, bit for bit
 * @param points the user's points for {@link DatasetKind#CUSTOM} (then {@code samples} is their
 *     count), null for the generated sets
 */
public record DatasetSpec(DatasetKind kind, int samples, double noise, double testFraction,
    long seed, DataPoints points) {

  public static final int MAX_SAMPLES = 100_000;

  public DatasetSpec {
    if (kind == null) {
      throw new IllegalArgumentException("dataset is required");
    }
    if (samples < 4 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be in 4.." + MAX_SAMPLES + " (got "
          + samples + ")");
    }
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new IllegalArgumentException("noise must be ≥ 0 (got " + noise + ")");
    }
    if (!(testFraction >= 0 && testFraction <= 0.9)) {
      throw new IllegalArgumentException("test fraction must be in [0, 0.9] (got " + testFraction
          + ")");
    }
    if (kind == DatasetKind.CUSTOM && points == null) {
      throw new IllegalArgumentException("dataset custom needs points: load them with "
          + "dataset=csv:FILE or from a scenario file");
    }
    if (kind != DatasetKind.CUSTOM && points != null) {
      throw new IllegalArgumentException("points belong to dataset custom, not " + kind.id());
    }
    if (points != null && samples != points.size()) {
      throw new IllegalArgumentException("samples of custom data is the number of points ("
          + points.size() + "; got " + samples + ")");
    }
  }

  /** A generated data set. */
  public DatasetSpec(DatasetKind kind, int samples, double noise, double testFraction,
      long seed) {
    this(kind, samples, noise, testFraction, seed, null);
  }

  /** The user's points ({@link DatasetKind#CUSTOM}). */
  public static DatasetSpec custom(DataPoints points, double noise, double testFraction,
      long seed) {
    return new DatasetSpec(DatasetKind.CUSTOM, points.size(), noise, testFraction, seed, points);
  }

  /** Coordinates per sample: 2 for the plane, 1 for regression along x. */
  public int inputSize() {
    return points != null ? points.dimensions() : kind.inputSize();
  }

  public Task task() {
    return points != null ? points.task() : kind.task();
  }

  /** Number of classes (0 for regression). */
  public int classes() {
    return points != null ? points.classes() : kind.classes();
  }

  /** Output units a network needs: 1 (binary, regression) or the class count. */
  public int outputSize() {
    return points != null ? points.outputSize() : kind.outputSize();
  }

  /** 500 samples, no noise, a fifth held out. */
  public static DatasetSpec of(DatasetKind kind, long seed) {
    return new DatasetSpec(kind, 500, 0.0, 0.2, seed);
  }

  /** Samples in the training part. */
  public int trainSize() {
    return samples - testSize();
  }

  /** Samples in the test part: round(samples × testFraction). */
  public int testSize() {
    return (int) Math.round(samples * testFraction);
  }
}
