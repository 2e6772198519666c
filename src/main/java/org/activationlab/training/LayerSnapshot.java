package org.activationlab.training;

import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.StepStatistics;

/**
 * One layer's statistics in a snapshot (copies; array accessors return fresh copies). Gradient
 * values come from the last step's mini-batch (or, at step 0, from the first mini-batch without
 * an update); dead/saturated flags, pre-activation moments and the histogram come from the probe
 * set at publish time. Definitions: {@link StepStatistics}, {@link ProbeStatistics}.
 *
 * @param index layer index, input side first (0 = first hidden layer; the last is the output)
 * @param output whether this is the output layer
 * @param activation catalog spec of the layer's activation ({@code output} for the output layer)
 */
public record LayerSnapshot(
    int index,
    boolean output,
    String activation,
    int width,
    double gradMeanAbs,
    double gradWeightRms,
    double gradBiasRms,
    double updateRatio,
    double activationMean,
    double activationStd,
    double deadFraction,
    double saturatedFraction,
    double preActivationMean,
    double preActivationStd,
    double[] neuronGradMeanAbs,
    boolean[] dead,
    boolean[] saturated,
    int[] histogram,
    int below,
    int above) {

  public LayerSnapshot {
    neuronGradMeanAbs = neuronGradMeanAbs.clone();
    dead = dead.clone();
    saturated = saturated.clone();
    histogram = histogram.clone();
  }

  /** Builds layer {@code l} from the session's holders (copying). */
  static LayerSnapshot of(int l, boolean output, String activation, StepStatistics s,
      ProbeStatistics p) {
    return new LayerSnapshot(l, output, activation, s.neuronGradMeanAbs[l].length,
        s.gradMeanAbs[l], s.gradWeightRms[l], s.gradBiasRms[l], s.updateRatio[l],
        s.activationMean[l], s.activationStd[l], p.deadFraction[l], p.saturatedFraction[l],
        p.preActivationMean[l], p.preActivationStd[l], s.neuronGradMeanAbs[l], p.dead[l],
        p.saturated[l], p.histogram[l], p.below[l], p.above[l]);
  }

  @Override
  public double[] neuronGradMeanAbs() {
    return neuronGradMeanAbs.clone();
  }

  @Override
  public boolean[] dead() {
    return dead.clone();
  }

  @Override
  public boolean[] saturated() {
    return saturated.clone();
  }

  @Override
  public int[] histogram() {
    return histogram.clone();
  }

  /** Mean |δ| of unit {@code j} (no copy). */
  public double neuronGrad(int j) {
    return neuronGradMeanAbs[j];
  }

  public boolean isDead(int j) {
    return dead[j];
  }

  public boolean isSaturated(int j) {
    return saturated[j];
  }

  public int deadCount() {
    int n = 0;
    for (boolean d : dead) {
      n += d ? 1 : 0;
    }
    return n;
  }
}
