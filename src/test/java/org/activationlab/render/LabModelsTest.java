package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.activationlab.training.Command;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Presets;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

class LabModelsTest {

  private static TrainingSnapshot trained(String preset, int steps) throws Exception {
    try (Trainer t = new Trainer(Presets.get(preset).scenario())) {
      t.submit(new Command.Step(steps));
      return t.await(s -> s.step() == steps, Duration.ofSeconds(30));
    }
  }

  @Test
  void everyModelMirrorsTheSnapshot() throws Exception {
    TrainingSnapshot s = trained("deep-sigmoid", 40);
    Theme theme = Theme.light();

    GradientHeatmapModel heat = LabModels.heatmap(s, theme);
    assertThat(heat.rows()).hasSize(9);
    assertThat(heat.title()).isEqualTo("mean |δ| per neuron · step 40");
    assertThat(LabModels.heatmap(s, theme.withLocale(java.util.Locale.CHINESE)).title())
        .isEqualTo("每个神经元的平均 |δ| · 第 40 步");
    assertThat(heat.rows().get(0).magnitude(3)).isEqualTo(s.layers().get(0).neuronGrad(3));

    NetworkDiagramModel net = LabModels.network(s, theme);
    assertThat(net.widths()).containsExactly(2, 8, 8, 8, 8, 8, 8, 8, 8, 1);
    // weight from input 1 into unit 5 of the second hidden layer, and into the output
    assertThat(net.weights()[1][5 * 8 + 1]).isEqualTo(s.weights().weight(1, 5, 1));
    assertThat(net.weights()[8][7]).isEqualTo(s.weights().weight(8, 0, 7));
    assertThat(net.magnitudes()[2][4]).isEqualTo(s.layers().get(2).neuronGrad(4));

    GradientHistoryModel hist = LabModels.history(s, HistoryMetric.WEIGHT_RMS, theme);
    assertThat(hist.layers()).isEqualTo(9);
    assertThat(hist.columns()).isEqualTo(s.history().size()).isPositive();
    assertThat(hist.values()[0][hist.columns() - 1])
        .isEqualTo(s.history().gradWeightRms(0, hist.columns() - 1));
    assertThat(hist.layerLabels()[8]).isEqualTo("out");
    assertThat(hist.steps()[hist.columns() - 1]).isEqualTo(40);

    LossChartModel loss = LabModels.loss(s, true, theme);
    assertThat(loss.steps()).hasSize(s.history().size());
    assertThat(loss.trainLoss()[0]).isEqualTo(s.history().loss(0));

    assertThat(LabModels.boundary(s, theme).grid()).isEqualTo(s.grid());
    assertThat(LabModels.boundary(s, theme).title())
        .isEqualTo("boundary · test accuracy " + LabModels.percent(s.scores().accuracy()));

    ActivationDistributionModel dist = LabModels.activations(s, 3, theme);
    LayerSnapshot l3 = s.layers().get(3);
    long counted = dist.below() + dist.above();
    for (long c : dist.counts()) {
      counted += c;
    }
    long probed = l3.below() + l3.above();
    for (int i = 0; i < l3.bins(); i++) {
      probed += l3.histogram(i);
    }
    assertThat(counted).isEqualTo(probed);
    assertThat(dist.maxAbsDerivative()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    assertThatThrownBy(() -> LabModels.activations(s, 8, theme))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..7");
  }
}
