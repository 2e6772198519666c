package org.activationlab.training;

/**
 * One layer's values in one record of a recorded run, as the file gave them (definitions:
 * docs/formats.md, "The statistics"). A value the source did not record is NaN; per-unit lists
 * and the histogram are null when absent. Arrays are owned by the record (the reader hands them
 * over and keeps no reference) and read through getters.
 */
public final class LayerRecord {

  /**
   * Pre-activations z of the layer in equal bins over [min, max]; values outside counted
   * below and above.
   */
  public record Histogram(double min, double max, long[] counts, long below, long above) {
    public Histogram {
      if (!(max > min) || counts.length == 0) {
        throw new IllegalArgumentException("a histogram needs min < max and at least one bin");
      }
    }

    public long count(int bin) {
      return counts[bin];
    }

    public int bins() {
      return counts.length;
    }
  }

  private final double gradMeanAbs;
  private final double gradWeightRms;
  private final double gradWeightNorm;
  private final double updateRatio;
  private final double deadFraction;
  private final double inactiveFraction;
  private final double saturatedFraction;
  private final double activationMean;
  private final double activationStd;
  private final double[] neuronGradMeanAbs;
  private final boolean[] dead;
  private final Histogram histogram;

  /** Builds a record; use {@link #builder()} for readability. */
  private LayerRecord(Builder b) {
    this.gradMeanAbs = b.gradMeanAbs;
    this.gradWeightRms = b.gradWeightRms;
    this.gradWeightNorm = b.gradWeightNorm;
    this.updateRatio = b.updateRatio;
    this.deadFraction = b.deadFraction;
    this.inactiveFraction = b.inactiveFraction;
    this.saturatedFraction = b.saturatedFraction;
    this.activationMean = b.activationMean;
    this.activationStd = b.activationStd;
    this.neuronGradMeanAbs = b.neuronGradMeanAbs;
    this.dead = b.dead;
    this.histogram = b.histogram;
    if (dead != null && neuronGradMeanAbs != null && dead.length != neuronGradMeanAbs.length) {
      throw new IllegalArgumentException("one dead flag per unit: " + dead.length + " flags, "
          + neuronGradMeanAbs.length + " units");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The layer's mean |δ| (mean over its units of their mean |δ| over the batch). */
  public double gradMeanAbs() {
    return gradMeanAbs;
  }

  /** RMS of ∂L/∂W over the layer's weights. */
  public double gradWeightRms() {
    return gradWeightRms;
  }

  /** ‖∂L/∂W‖₂ (e.g. Lightning's {@code grad_2.0_norm}); NaN when not recorded. */
  public double gradWeightNorm() {
    return gradWeightNorm;
  }

  /** ‖ΔW‖/‖W‖ of the step's update. */
  public double updateRatio() {
    return updateRatio;
  }

  public double deadFraction() {
    return deadFraction;
  }

  public double inactiveFraction() {
    return inactiveFraction;
  }

  public double saturatedFraction() {
    return saturatedFraction;
  }

  public double activationMean() {
    return activationMean;
  }

  public double activationStd() {
    return activationStd;
  }

  /** Whether per-unit mean |δ| was recorded. */
  public boolean hasUnits() {
    return neuronGradMeanAbs != null;
  }

  /** Units with a recorded mean |δ| (0 when none). */
  public int units() {
    return neuronGradMeanAbs == null ? 0 : neuronGradMeanAbs.length;
  }

  /** Unit j's mean |δ| over the batch. */
  public double neuronGrad(int j) {
    return neuronGradMeanAbs[j];
  }

  /** Whether unit j was dead; false when dead flags were not recorded. */
  public boolean isDead(int j) {
    return dead != null && dead[j];
  }

  public boolean hasDeadFlags() {
    return dead != null;
  }

  /** The histogram of pre-activations, or null. */
  public Histogram histogram() {
    return histogram;
  }

  /** Numbers held (for memory accounting): scalars, per-unit values and histogram bins. */
  public long numbers() {
    return 9L + units() + (dead == null ? 0 : dead.length)
        + (histogram == null ? 0 : histogram.bins() + 4L);
  }

  /** Builder; every value starts as not recorded. */
  public static final class Builder {
    private double gradMeanAbs = Double.NaN;
    private double gradWeightRms = Double.NaN;
    private double gradWeightNorm = Double.NaN;
    private double updateRatio = Double.NaN;
    private double deadFraction = Double.NaN;
    private double inactiveFraction = Double.NaN;
    private double saturatedFraction = Double.NaN;
    private double activationMean = Double.NaN;
    private double activationStd = Double.NaN;
    private double[] neuronGradMeanAbs;
    private boolean[] dead;
    private Histogram histogram;

    public Builder gradMeanAbs(double v) {
      gradMeanAbs = v;
      return this;
    }

    public Builder gradWeightRms(double v) {
      gradWeightRms = v;
      return this;
    }

    public Builder gradWeightNorm(double v) {
      gradWeightNorm = v;
      return this;
    }

    public Builder updateRatio(double v) {
      updateRatio = v;
      return this;
    }

    public Builder deadFraction(double v) {
      deadFraction = v;
      return this;
    }

    public Builder inactiveFraction(double v) {
      inactiveFraction = v;
      return this;
    }

    public Builder saturatedFraction(double v) {
      saturatedFraction = v;
      return this;
    }

    public Builder activationMean(double v) {
      activationMean = v;
      return this;
    }

    public Builder activationStd(double v) {
      activationStd = v;
      return this;
    }

    /** Per-unit mean |δ|; the array is taken over, not copied. */
    public Builder neuronGradMeanAbs(double[] v) {
      neuronGradMeanAbs = v;
      return this;
    }

    /** Per-unit dead flags; the array is taken over, not copied. */
    public Builder dead(boolean[] v) {
      dead = v;
      return this;
    }

    public Builder histogram(Histogram h) {
      histogram = h;
      return this;
    }

    public LayerRecord build() {
      return new LayerRecord(this);
    }
  }
}
