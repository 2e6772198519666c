package org.activationlab.nn;

/** Loss and accuracy of the network over a data set; a mutable holder filled on demand. */
public final class Evaluation {
  /** Mean loss over the samples (the training loss function). NaN for an empty set. */
  public double loss = Double.NaN;
  /**
   * Fraction of samples classified correctly (binary: logit &gt; 0 means class 1; multi-class:
   * arg max). NaN for regression and for an empty set.
   */
  public double accuracy = Double.NaN;
  /** Samples evaluated. */
  public int samples;

  public Evaluation copy() {
    Evaluation e = new Evaluation();
    e.loss = loss;
    e.accuracy = accuracy;
    e.samples = samples;
    return e;
  }
}
