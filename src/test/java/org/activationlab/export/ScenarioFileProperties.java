package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.activationlab.activation.Catalog;
import org.activationlab.render.HistoryMetric;
import org.activationlab.training.Scenario;

class ScenarioFileProperties {

  /** Any valid document comes back equal from its own bytes, with no warning. */
  @Property(tries = 200)
  void documentsRoundTripThroughTheirBytes(
      @ForAll @IntRange(min = 0, max = 26) int first, @ForAll @IntRange(min = 1, max = 6) int count,
      @ForAll @DoubleRange(min = -1e5, max = 1e5) double xMin,
      @ForAll @DoubleRange(min = 1e-3, max = 1e5) @Scale(6) double xSpan,
      @ForAll @DoubleRange(min = -1e5, max = 1e5) double yMin,
      @ForAll @DoubleRange(min = 1e-3, max = 1e5) @Scale(6) double ySpan,
      @ForAll @Size(min = 3, max = 6) List<@DoubleRange(min = -1000, max = 1000) Double> logits,
      @ForAll @DoubleRange(min = 0.01, max = 100) @Scale(6) double temperature,
      @ForAll boolean showValue, @ForAll boolean showDerivative, @ForAll boolean dark,
      @ForAll boolean weightRms, @ForAll boolean log, @ForAll boolean presentation,
      @ForAll @DoubleRange(min = 1e-6, max = 10) @Scale(9) double learningRate,
      @ForAll long seed, @ForAll @StringLength(max = 200) String notes) throws Exception {
    List<String> ids = Catalog.ids();
    List<String> functions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      functions.add(ids.get((first + i) % ids.size()));
    }
    ExplorerState e = new ExplorerState(functions, ids.get(first), showValue, showDerivative,
        xMin, xMin + xSpan, yMin, yMin + ySpan, logits, temperature);
    Scenario lab = Scenario.defaults().toBuilder().learningRate(learningRate).seed(seed).build();
    ViewState v = new ViewState(weightRms ? HistoryMetric.WEIGHT_RMS
        : HistoryMetric.MEAN_ABS_DELTA, log, dark ? ViewState.ThemeName.DARK
        : ViewState.ThemeName.LIGHT, presentation,
        presentation ? ViewState.Tab.LAB : ViewState.Tab.EXPLORER);
    ScenarioDocument d = new ScenarioDocument(e, lab, v, notes);
    ScenarioFile.Loaded back = ScenarioFile.parse(ScenarioFile.toBytes(d), "generated");
    assertThat(back.document()).isEqualTo(d);
    assertThat(back.warnings()).isEmpty();
  }
}
