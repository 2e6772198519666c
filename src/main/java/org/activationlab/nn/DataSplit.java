package org.activationlab.nn;

/** Generated data split into a training and a test part (the test part may be empty). */
public record DataSplit(DatasetSpec spec, Dataset train, Dataset test) {

  /** Smallest value of feature k over both parts. */
  public double min(int k) {
    return test.size() == 0 ? train.min(k) : Math.min(train.min(k), test.min(k));
  }

  /** Largest value of feature k over both parts. */
  public double max(int k) {
    return test.size() == 0 ? train.max(k) : Math.max(train.max(k), test.max(k));
  }
}
