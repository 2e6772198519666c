package org.activationlab.nn;

/**
 * Immutable samples: inputs (sample-major, {@link #inputSize()} per sample: the point's
 * coordinates) and targets ({@link #targetWidth()} per sample: the class index for
 * classification, the value for regression), and what the network reads of each sample: its
 * {@link InputFeatures} ({@link #networkInputSize()} per sample). With the default features the
 * network reads the inputs themselves (the same array).
 */
public final class Dataset {
  private final DatasetKind kind;
  private final Task task;
  private final int classes;
  private final int inputSize;
  private final int targetWidth;
  private final double[] inputs;
  private final double[] targets;
  private final InputFeatures features;
  private final int networkInputSize;
  private final double[] networkInputs;

  Dataset(DatasetKind kind, Task task, int classes, int inputSize, double[] inputs,
      double[] targets) {
    this(kind, task, classes, inputSize, inputs, targets, InputFeatures.DEFAULT, inputSize,
        inputs);
  }

  private Dataset(DatasetKind kind, Task task, int classes, int inputSize, double[] inputs,
      double[] targets, InputFeatures features, int networkInputSize, double[] networkInputs) {
    this.kind = kind;
    this.task = task;
    this.classes = classes;
    this.inputSize = inputSize;
    this.targetWidth = 1;
    this.inputs = inputs;
    this.targets = targets;
    this.features = features;
    this.networkInputSize = networkInputSize;
    this.networkInputs = networkInputs;
  }

  /** A data set of a generated kind from given arrays (copied). */
  public static Dataset of(DatasetKind kind, double[] inputs, double[] targets) {
    int in = kind.inputSize();
    if (inputs.length % in != 0 || targets.length != inputs.length / in) {
      throw new IllegalArgumentException("inputs and targets do not match " + kind.id());
    }
    return new Dataset(kind, kind.task(), kind.classes(), in, inputs.clone(), targets.clone());
  }

  /**
   * The same samples read by the network through {@code f} (2-D data only; the default features
   * give this data set back).
   *
   * @throws IllegalArgumentException for other features of 1-D data
   */
  public Dataset withFeatures(InputFeatures f) {
    if (f.equals(features)) {
      return this;
    }
    if (f.isDefault()) {
      return new Dataset(kind, task, classes, inputSize, inputs, targets);
    }
    checkFeatures(f, inputSize);
    double[] net = new double[size() * f.size()];
    f.apply(inputs, size(), net);
    return new Dataset(kind, task, classes, inputSize, inputs, targets, f, f.size(), net);
  }

  /** Refuses features other than the default for data that is not 2-D. */
  static void checkFeatures(InputFeatures f, int inputSize) {
    if (!f.isDefault() && inputSize != 2) {
      throw new IllegalArgumentException("input features are for 2-D data; this data has "
          + inputSize + " input (use features=x1,x2)");
    }
  }

  public DatasetKind kind() {
    return kind;
  }

  public Task task() {
    return task;
  }

  /** Number of classes (0 for regression). */
  public int classes() {
    return classes;
  }

  /** What the network reads of each sample. */
  public InputFeatures features() {
    return features;
  }

  /** Values the network reads per sample: the feature count (2-D) or 1. */
  public int networkInputSize() {
    return networkInputSize;
  }

  /** The network's input of sample {@code i} (its features) into {@code dst[at..]}. */
  public void copyNetworkInput(int i, double[] dst, int at) {
    System.arraycopy(networkInputs, i * networkInputSize, dst, at, networkInputSize);
  }

  /** Copies the network inputs of samples [from, from+n) to {@code dst[0..)}. */
  public void copyNetworkInputs(int from, int n, double[] dst) {
    System.arraycopy(networkInputs, from * networkInputSize, dst, 0, n * networkInputSize);
  }

  /** The live network input array (package-private: the session gathers batches from it). */
  double[] rawNetworkInputs() {
    return networkInputs;
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
