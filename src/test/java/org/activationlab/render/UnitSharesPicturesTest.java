package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.activation.Flatness;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.TrainingSnapshot;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;

/**
 * The heatmap's row labels and the activations picture say "inactive" for ReLU-like layers,
 * "saturated" for saturating ones and neither for the rest, with the snapshot's numbers, in
 * English and Chinese.
 */
class UnitSharesPicturesTest {

  private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

  private static TrainingSnapshot snapshot(String preset) {
    Run run = new Run(Presets.get(preset).scenario());
    for (int k = 0; k < 5; k++) {
      run.step();
    }
    return run.snapshot();
  }

  private static List<String> texts(LabDrawings.Kind kind, TrainingSnapshot s, Theme theme) {
    SVGGraphics2D g = new SVGGraphics2D(1400, 800);
    kind.of(new LabDrawings(new LabDrawings.Fixed(s, HistoryMetric.MEAN_ABS_DELTA, false, 0)))
        .draw(g, 1400, 800, theme);
    List<String> out = new ArrayList<>();
    Matcher m = TEXT.matcher(g.getSVGElement());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** As the activations caption rounds (half up). */
  private static String percent(double fraction) {
    return Math.round(100 * fraction) + " %";
  }

  /** As the heatmap's row pattern {0,number,#} rounds (half even). */
  private static String rowPercent(double fraction) {
    return new java.text.DecimalFormat("#",
        java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(100 * fraction) + " %";
  }

  @Test
  void reluRowsShowTheInactiveShareAndNoSaturation() {
    TrainingSnapshot s = snapshot("dead-relu");
    Theme theme = Theme.light();
    GradientHeatmapModel m = LabModels.heatmap(s, theme);
    List<String> drawn = texts(LabDrawings.Kind.HEATMAP, s, theme);
    for (int l = 0; l < s.layers().size() - 1; l++) {
      LayerSnapshot layer = s.layers().get(l);
      GradientHeatmapModel.Row row = m.rows().get(l);
      assertThat(layer.flatness()).isEqualTo(Flatness.SWITCHES_OFF);
      assertThat(row.inactiveFraction()).isEqualTo(layer.inactiveFraction());
      assertThat(row.saturatedFraction()).isNaN();
      String label = "dead " + rowPercent(layer.deadFraction()) + " · inactive "
          + rowPercent(layer.inactiveFraction());
      assertThat(GradientHeatmapRenderer.shares(row, theme)).isEqualTo(label);
      assertThat(drawn).as("layer " + l).anyMatch(t -> t.contains(label));
    }
    // only the output layer, which has no function of its own, says "sat —"
    assertThat(drawn).filteredOn(t -> t.contains("sat ")).containsExactly("dead 0 % · sat —");
    Theme zh = theme.withLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(GradientHeatmapRenderer.shares(m.rows().get(0), zh)).contains("未激活")
        .doesNotContain("饱和");
  }

  @Test
  void sigmoidRowsShowTheSaturatedShareAndLeakyRowsNeither() {
    TrainingSnapshot s = snapshot("deep-sigmoid");
    Theme theme = Theme.light();
    GradientHeatmapModel m = LabModels.heatmap(s, theme);
    for (int l = 0; l < s.layers().size() - 1; l++) {
      LayerSnapshot layer = s.layers().get(l);
      GradientHeatmapModel.Row row = m.rows().get(l);
      assertThat(layer.flatness()).isEqualTo(Flatness.SATURATES);
      assertThat(row.inactiveFraction()).isNaN();
      assertThat(GradientHeatmapRenderer.shares(row, theme)).isEqualTo("dead "
          + rowPercent(layer.deadFraction()) + " · sat " + rowPercent(layer.saturatedFraction()));
    }
    assertThat(texts(LabDrawings.Kind.HEATMAP, s, theme)).noneMatch(t -> t.contains("inactive"));

    TrainingSnapshot leaky = snapshot("leaky-relu");
    GradientHeatmapModel lm = LabModels.heatmap(leaky, theme);
    assertThat(GradientHeatmapRenderer.shares(lm.rows().get(0), theme)).isEqualTo("dead 0 % · sat —");
    assertThat(GradientHeatmapRenderer.shares(lm.rows().get(0),
        theme.withLocale(Locale.SIMPLIFIED_CHINESE))).isEqualTo("死亡 0 % · 饱和 —");
    // the output layer has no function of its own: neither share
    GradientHeatmapModel.Row out = lm.rows().get(lm.rows().size() - 1);
    assertThat(GradientHeatmapRenderer.shares(out, theme)).isEqualTo("dead 0 % · sat —");
  }

  @Test
  void theActivationsPictureShadesAndCountsTheFamilysZone() {
    Theme theme = Theme.light();
    TrainingSnapshot relu = snapshot("dead-relu");
    ActivationDistributionModel rm = LabModels.activations(relu, 0, theme);
    LayerSnapshot first = relu.layers().get(0);
    assertThat(rm.flatness()).isEqualTo(Flatness.SWITCHES_OFF);
    assertThat(rm.zoneShare()).isEqualTo(first.inactiveFraction());
    assertThat(texts(LabDrawings.Kind.ACTIVATIONS, relu, theme))
        .contains("inactive (f′ = 0): " + percent(first.inactiveFraction()))
        .noneMatch(t -> t.contains("saturated"));

    TrainingSnapshot sigmoid = snapshot("deep-sigmoid");
    ActivationDistributionModel sm = LabModels.activations(sigmoid, 0, theme);
    LayerSnapshot s0 = sigmoid.layers().get(0);
    assertThat(sm.zoneShare()).isEqualTo(s0.saturatedPairFraction());
    assertThat(texts(LabDrawings.Kind.ACTIVATIONS, sigmoid, theme))
        .contains("saturated (|f′| ≤ 5 % of max): " + percent(s0.saturatedPairFraction()))
        .noneMatch(t -> t.contains("inactive ("));

    TrainingSnapshot leaky = snapshot("leaky-relu");
    assertThat(texts(LabDrawings.Kind.ACTIVATIONS, leaky, theme))
        .contains("neither inactive nor saturating");
  }
}
