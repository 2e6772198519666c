package org.activationlab.runs.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.activationlab.runs.tensorboard.Sample.Quantity;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.junit.jupiter.api.Test;

/** Samples gathered by step: modules in order of appearance, the preferred loss, gaps. */
class StepTableTest {

  @Test
  void samplesAreMergedByStepWhateverTheirOrder() {
    StepTable t = new StepTable();
    t.add(new Sample(5, "b", Quantity.GRAD_BIAS_RMS, 9)); // a bias alone still names its module
    t.add(new Sample(5, "a", Quantity.GRAD_WEIGHT_RMS, 0.5));
    t.add(new Sample(2, "a", Quantity.GRAD_WEIGHT_NORM, 3));
    t.add(new Sample(2, "train_loss", Quantity.LOSS, 0.9));
    t.add(new Sample(2, "loss", Quantity.LOSS, 0.7));
    t.add(new Sample(2, "Loss/train", Quantity.LOSS, 0.8));
    t.add(new Sample(5, "a", Quantity.GRAD_WEIGHT_RMS, 0.25)); // logged again: the later wins

    RecordedRun run = t.toRun(Map.of("file", "x"));
    assertThat(run.layers()).extracting(RecordedLayer::name).containsExactly("b", "a");
    assertThat(run.size()).isEqualTo(2);
    assertThat(run.record(0).step()).isEqualTo(2);
    assertThat(run.record(0).loss()).isEqualTo(0.7);
    assertThat(run.record(0).layer(0)).isNull();
    assertThat(run.record(0).layer(1).gradWeightNorm()).isEqualTo(3);
    assertThat(run.record(0).layer(1).gradWeightRms()).isNaN();
    assertThat(run.record(1).step()).isEqualTo(5);
    assertThat(run.record(1).loss()).isNaN();
    assertThat(run.record(1).layer(0)).isNull();
    assertThat(run.record(1).layer(1).gradWeightRms()).isEqualTo(0.25);
  }
}
