package org.activationlab.render;

import java.util.function.ToDoubleFunction;
import org.activationlab.training.LayerRecord;

/** Which per-layer value the gradient history of a recorded run shows. */
public enum RunMetric {
  /** Mean |δ| over the batch and the layer's units. */
  MEAN_ABS_DELTA("meanAbsDelta", LayerRecord::gradMeanAbs),
  /** RMS of ∂L/∂W over the layer's weights. */
  WEIGHT_RMS("weightRms", LayerRecord::gradWeightRms),
  /** ‖∂L/∂W‖₂ (what Lightning's grad_norm logs). */
  WEIGHT_NORM("weightNorm", LayerRecord::gradWeightNorm),
  /** ‖ΔW‖/‖W‖ of the step's update. */
  UPDATE_RATIO("updateRatio", LayerRecord::updateRatio);

  private final String id;
  private final ToDoubleFunction<LayerRecord> value;

  RunMetric(String id, ToDoubleFunction<LayerRecord> value) {
    this.id = id;
    this.value = value;
  }

  public String id() {
    return id;
  }

  /** The layer record's value of this metric; NaN for a missing record. */
  public double of(LayerRecord r) {
    return r == null ? Double.NaN : value.applyAsDouble(r);
  }

  /** The name in {@code locale}'s language. */
  public String label(java.util.Locale locale) {
    return Texts.get(locale, "run.metric." + id);
  }

  /**
   * The metric named {@code id} (as the command line takes it).
   *
   * @throws IllegalArgumentException naming the valid ids
   */
  public static RunMetric parse(String id) {
    for (RunMetric m : values()) {
      if (m.id.equalsIgnoreCase(id.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + id
        + "'; valid: meanAbsDelta, weightRms, weightNorm, updateRatio");
  }
}
