package org.activationlab.nn;

/**
 * Immutable samples: inputs (sample-major, {@link #inputSize()} per sample) and targets ({@link
 * #targetWidth()} per sample: the class index for classification, the value for regression).
 */
public final class Dataset {
  private final DatasetKind kind;
  private final int inputSize;
  private final int targetWidth;
  private final double[] inputs;
  private final double[] targets;

  Dataset(DatasetKind kind, int inputSize, int targetWidth, double[] inputs, double[] targets) {
    this.kind = kind;
    this.inputSize = inputSize;
    this.targetWidth = targetWidth;
    this.inputs = inputs;
    this.targets = targets;
  }

  /** A data set from given arrays (copied). */
  public static Dataset of(DatasetKind kind, double[] inputs, double[] targets) {
    int in = kind.inputSize();
    if (inputs.length % in != 0 || targets.length != inputs.length / in) {
      throw new IllegalArgumentException("inputs and targets do not match " + kind.id());
    }
    return new Dataset(kind, in, 1, inputs.clone(), targets.clone());
  }

  public DatasetKind kind() {
    return kind;
  }

  public Task task() {
    return kind.task();
  }

  public int size() {
    return targets.length / targetWidth;
  }

  public int inputSize() {
    return inputSize;
  }

  public int targetWidth() {
    return targetWidth;
  }

  /** Feature {@code k} of sample {@code i}. */
  public double input(int i, int k) {
    return inputs[i * inputSize + k];
  }

  /** Target of sample {@code i} (class index as a double for classification). */
  public double target(int i) {
    return targets[i * targetWidth];
  }

  /** Class of sample {@code i}. */
  public int label(int i) {
    return (int) targets[i * targetWidth];
  }

  /** The live input array (package-private: the session gathers batches from it). */
  double[] rawInputs() {
    return inputs;
  }

  /** The live target array. */
  double[] rawTargets() {
    return targets;
  }

  /** A copy of all inputs, sample-major. */
  public double[] inputs() {
    return inputs.clone();
  }

  /** A copy of all targets. */
  public double[] targets() {
    return targets.clone();
  }

  /** Copies sample {@code i}'s inputs to {@code dst[at..]}, its targets to {@code tdst[tat..]}. */
  public void copySample(int i, double[] dst, int at, double[] tdst, int tat) {
    System.arraycopy(inputs, i * inputSize, dst, at, inputSize);
    System.arraycopy(targets, i * targetWidth, tdst, tat, targetWidth);
  }

  /** Copies inputs of samples [from, from+n) to {@code dst[0..)}. */
  public void copyInputs(int from, int n, double[] dst) {
    System.arraycopy(inputs, from * inputSize, dst, 0, n * inputSize);
  }

  /** Copies targets of samples [from, from+n) to {@code dst[0..)}. */
  public void copyTargets(int from, int n, double[] dst) {
    System.arraycopy(targets, from * targetWidth, dst, 0, n * targetWidth);
  }

  /** Smallest value of feature {@code k}. */
  public double min(int k) {
    double m = Double.POSITIVE_INFINITY;
    for (int i = k; i < inputs.length; i += inputSize) {
      m = Math.min(m, inputs[i]);
    }
    return m;
  }

  /** Largest value of feature {@code k}. */
  public double max(int k) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = k; i < inputs.length; i += inputSize) {
      m = Math.max(m, inputs[i]);
    }
    return m;
  }

  /** Samples of class {@code c}. */
  public int count(int c) {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      n += label(i) == c ? 1 : 0;
    }
    return n;
  }
}
