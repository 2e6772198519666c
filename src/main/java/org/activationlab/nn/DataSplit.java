package org.activationlab.nn;

/** Generated data split into a training and a test part (the test part may be empty). */
public record DataSplit(DatasetSpec spec, Dataset train, Dataset test) {

  /**
   * The same samples read by the network through {@code f} (the coordinates shared, the features
   * computed once here).
   *
   * @throws IllegalArgumentException for features other than the default on 1-D data
   */
  public DataSplit withFeatures(InputFeatures f) {
    Dataset.checkFeatures(f, spec.inputSize());
    if (f.equals(features())) {
      return this;
    }
    return new DataSplit(spec, train.withFeatures(f), test.withFeatures(f));
  }

  /** What the network reads of each sample. */
  public InputFeatures features() {
    return train.features();
  }

  /** Values the network reads per sample. */
  public int networkInputSize() {
    return train.networkInputSize();
  }

  /** Smallest value of feature k over both parts. */
  public double min(int k) {
    return test.size() == 0 ? train.min(k) : Math.min(train.min(k), test.min(k));
  }

  /** Largest value of feature k over both parts. */
  public double max(int k) {
    return test.size() == 0 ? train.max(k) : Math.max(train.max(k), test.max(k));
  }
}
