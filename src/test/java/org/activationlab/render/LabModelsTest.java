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
    // each row's number is its layer's mean |δ|; the title has last over first hidden layer
    for (int l = 0; l < 9; l++) {
      assertThat(heat.rows().get(l).mean()).isCloseTo(s.layers().get(l).gradMeanAbs(),
          org.assertj.core.data.Percentage.withPercentage(1e-10));
    }
    double ratio = s.layers().get(7).gradMeanAbs() / s.layers().get(0).gradMeanAbs();
    assertThat(ratio).as("deep sigmoid: the last hidden layer's gradient is larger").isGreaterThan(10);
    assertThat(heat.title()).endsWith(" · first : last = 1 : "
        + NiceTicks.significant(ratio, 2));
    // the colour range: whole decades around the smallest and largest unit shown
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (LayerSnapshot l : s.layers()) {
      for (int j = 0; j < l.width(); j++) {
        lo = Math.min(lo, l.neuronGrad(j));
        hi = Math.max(hi, l.neuronGrad(j));
      }
    }
    assertThat(heat.decadeMin()).isEqualTo((int) Math.floor(Math.log10(lo)));
    assertThat(heat.decadeMax()).isEqualTo((int) Math.ceil(Math.log10(hi)));
    assertThat(heat.decadeMax() - heat.decadeMin()).as("fitted, not 14 fixed decades")
        .isLessThan(10);
    assertThat(heat.locked()).isFalse();
    assertThat(heat.exceeds(1) || heat.exceeds(-1)).isFalse();
    // a locked range is kept, and the model says which ends the values pass
    GradientHeatmapModel locked = LabModels.heatmap(s, theme,
        java.util.Optional.of(new DecadeRange(heat.decadeMin() + 1, heat.decadeMin() + 3)));
    assertThat(locked.decadeMin()).isEqualTo(heat.decadeMin() + 1);
    assertThat(locked.locked()).isTrue();
    assertThat(locked.exceeds(-1)).isTrue();
    assertThat(locked.exceeds(1)).isEqualTo(Math.log10(hi) > heat.decadeMin() + 3);
    assertThat(heat.title()).startsWith("mean |δ| per neuron · step 40 · ");
    assertThat(LabModels.heatmap(s, theme.withLocale(java.util.Locale.CHINESE)).title())
        .startsWith("每个神经元的平均 |δ| · 第 40 步 · 首层 : 末层 = 1 : ");
    assertThat(heat.rows().get(0).magnitude(3)).isEqualTo(s.layers().get(0).neuronGrad(3));

    NetworkDiagramModel net = LabModels.network(s, theme);
    assertThat(net.widths()).containsExactly(2, 8, 8, 8, 8, 8, 8, 8, 8, 1);
    // weight from input 1 into unit 5 of the second hidden layer, and into the output
    assertThat(net.weights()[1][5 * 8 + 1]).isEqualTo(s.weights().weight(1, 5, 1));
    assertThat(net.weights()[8][7]).isEqualTo(s.weights().weight(8, 0, 7));
    assertThat(net.magnitudes()[2][4]).isEqualTo(s.layers().get(2).neuronGrad(4));
    assertThat(net.scale().minExponent()).as("the heatmap's colours").isEqualTo(heat.decadeMin());
    assertThat(net.scale().maxExponent()).isEqualTo(heat.decadeMax());

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

  @Test
  void theHeatmapsScaleWidensInsteadOfClippingAndNonFiniteValuesHaveTheirOwnColour() {
    org.activationlab.training.Run run = new org.activationlab.training.Run(
        org.activationlab.training.Presets.get("exploding").scenario());
    TrainingSnapshot s = run.snapshot(); // step 0: huge gradients near the input
    double largest = 0;
    for (var l : s.layers()) {
      for (int j = 0; j < l.width(); j++) {
        largest = Math.max(largest, l.neuronGrad(j));
      }
    }
    assertThat(largest).as("beyond the default top of 1e2").isGreaterThan(100);
    GradientHeatmapModel m = LabModels.heatmap(s, Theme.light());
    assertThat(Math.pow(10, m.decadeMax())).isGreaterThanOrEqualTo(largest);
    assertThat(GradientHeatmapRenderer.t(largest, m)).isLessThanOrEqualTo(1.0);
    assertThat(GradientHeatmapRenderer.color(Double.NaN, m))
        .isEqualTo(GradientHeatmapRenderer.NON_FINITE_COLOR);
    assertThat(GradientHeatmapRenderer.color(Double.POSITIVE_INFINITY, m))
        .isEqualTo(GradientHeatmapRenderer.NON_FINITE_COLOR);
    assertThat(GradientHeatmapRenderer.color(0, m)).isEqualTo(GradientHeatmapRenderer.ZERO_COLOR);
  }
}
