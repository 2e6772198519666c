package org.activationlab.training;

import java.util.List;

/**
 * One record of a recorded run: the step, the scalars and one {@link LayerRecord} per layer of
 * the run (in the order of {@link RecordedRun#layers()}; null where the source recorded nothing
 * for a layer at this step).
 *
 * @param step optimiser steps done (0 = the initial network)
 * @param loss training loss (of the batch or the set, as the source says); NaN if not recorded
 * @param testLoss NaN if not recorded
 * @param accuracy 0–1, NaN if not recorded
 */
public record RecordedStep(long step, double loss, double testLoss, double accuracy,
    List<LayerRecord> layers) {

  public RecordedStep {
    layers = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(layers));
  }

  /** Layer l's values, or null when this record has none for it. */
  public LayerRecord layer(int l) {
    return l < layers.size() ? layers.get(l) : null;
  }

  /** Numbers held, for memory accounting. */
  public long numbers() {
    long n = 4;
    for (LayerRecord r : layers) {
      n += r == null ? 0 : r.numbers();
    }
    return n;
  }
}
