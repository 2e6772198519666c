package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Presets;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;
import org.activationlab.training.Run;
import org.activationlab.training.RunAlerts;
import org.activationlab.training.SnapshotRecords;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

/** The run viewer's picture models against the Lab's own and against hand-made runs. */
class RunModelsTest {

  private static final Theme THEME = Theme.light();

  /** A real run's snapshots every 25 steps up to 300. */
  static List<TrainingSnapshot> deepSigmoid() {
    Run run = new Run(Presets.get("deep-sigmoid").scenario());
    List<TrainingSnapshot> out = new ArrayList<>();
    out.add(run.snapshot(false));
    for (int k = 1; k <= 300; k++) {
      run.step();
      if (k % 25 == 0) {
        out.add(run.snapshot(false));
      }
    }
    return out;
  }

  @Test
  void heatmapOfOurRecordedRunIsTheLabsHeatmap() {
    List<TrainingSnapshot> snaps = deepSigmoid();
    RecordedRun run = SnapshotRecords.run(snaps);
    TrainingSnapshot last = snaps.get(snaps.size() - 1);
    GradientHeatmapModel lab = LabModels.heatmap(last, THEME);
    GradientHeatmapModel viewer = RunModels.heatmap(run, run.size() - 1, THEME, 0, 100, 1000);
    assertThat(viewer.rows()).hasSameSizeAs(lab.rows());
    for (int r = 0; r < lab.rows().size(); r++) {
      GradientHeatmapModel.Row a = lab.rows().get(r);
      GradientHeatmapModel.Row b = viewer.rows().get(r);
      assertThat(b.width()).isEqualTo(a.width());
      for (int j = 0; j < a.width(); j++) {
        assertThat(b.magnitude(j)).isEqualTo(a.magnitude(j));
        assertThat(b.isDead(j)).isEqualTo(a.isDead(j));
      }
      assertThat(b.mean()).isCloseTo(a.mean(), within(1e-15 * Math.abs(a.mean()) + 1e-300));
      assertThat(b.deadFraction()).isEqualTo(a.deadFraction());
    }
    assertThat(viewer.decadeMin()).isEqualTo(lab.decadeMin());
    assertThat(viewer.decadeMax()).isEqualTo(lab.decadeMax());
    // the title's first : last hidden ratio is the Lab's
    String ratio = lab.title().substring(lab.title().indexOf(" · "));
    assertThat(viewer.title()).endsWith(ratio);
  }

  @Test
  void activationsOfOurRecordedRunAreTheLabsHistogram() {
    List<TrainingSnapshot> snaps = deepSigmoid();
    RecordedRun run = SnapshotRecords.run(snaps);
    TrainingSnapshot last = snaps.get(snaps.size() - 1);
    ActivationDistributionModel lab = LabModels.activations(last, 2, THEME);
    ActivationDistributionModel viewer = RunModels.activations(run, run.size() - 1, 2, THEME);
    assertThat(viewer.counts()).containsExactly(lab.counts());
    assertThat(viewer.below()).isEqualTo(lab.below());
    assertThat(viewer.above()).isEqualTo(lab.above());
    assertThat(viewer.activation().spec()).isEqualTo(lab.activation().spec());
  }

  @Test
  void lossOfOurRecordedRunFollowsItsRecords() {
    List<TrainingSnapshot> snaps = deepSigmoid();
    RecordedRun run = SnapshotRecords.run(snaps);
    LossChartModel m = RunModels.loss(run, true, THEME, 5);
    assertThat(m.steps()).containsExactly(0, 25, 50, 75, 100, 125);
    for (int i = 0; i < 6; i++) {
      assertThat(m.trainLoss()[i]).isEqualTo(snaps.get(i).scores().trainLoss());
      assertThat(m.accuracy()[i]).isEqualTo(snaps.get(i).scores().accuracy());
    }
  }

  // ------------------------------------------------------------------------ wide layers

  static RecordedRun wide(int units, double[] values) {
    RecordedRun run = RecordedRun.start(RecordedRun.Source.PYTORCH_PROBE, Map.of(),
        List.of(new RecordedLayer(1, "encoder.fc1", "hidden", "linear", units, "relu"),
            new RecordedLayer(2, "head", "output", "linear", 1, "identity")));
    boolean[] dead = new boolean[units];
    for (int j = 0; j < 64; j++) {
      dead[j] = true; // the first 64 units dead: the first cells are all-dead bins
    }
    dead[100] = true; // a lone dead unit does not make its bin dead
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    LayerRecord hidden = LayerRecord.builder().gradMeanAbs(sum / units)
        .neuronGradMeanAbs(values).dead(dead).deadFraction(65.0 / units).build();
    LayerRecord out = LayerRecord.builder().gradMeanAbs(0.5).neuronGradMeanAbs(new double[] {0.5})
        .dead(new boolean[1]).build();
    return run.append(List.of(new RecordedStep(7, 0.3, Double.NaN, Double.NaN,
        List.of(hidden, out))));
  }

  @Test
  void aWideLayerIsBinnedIntoCellsThatAverageItsUnits() {
    int units = 2048;
    double[] values = new double[units];
    for (int j = 0; j < units; j++) {
      values[j] = 1e-6 * (j + 1);
    }
    RecordedRun run = wide(units, values.clone());
    GradientHeatmapModel m = RunModels.heatmap(run, 0, THEME, 0, 10, 64);
    GradientHeatmapModel.Row row = m.rows().get(0);
    assertThat(row.width()).isEqualTo(64);
    // one function in every hidden layer: the module name alone (the function is said elsewhere)
    assertThat(row.label()).isEqualTo("encoder.fc1");
    assertThat(m.title()).contains("64");
    for (int c = 0; c < 64; c++) {
      double expected = 0;
      for (int j = c * 32; j < (c + 1) * 32; j++) {
        expected += values[j];
      }
      assertThat(row.magnitude(c)).isCloseTo(expected / 32, within(1e-18));
    }
    assertThat(row.isDead(0)).isTrue();
    assertThat(row.isDead(1)).isTrue();
    assertThat(row.isDead(3)).as("unit 100 alone is dead in cell 3").isFalse();
    // the label's mean is the layer's exact mean |δ|, not a mean of bins
    assertThat(row.mean()).isEqualTo(run.record(0).layer(0).gradMeanAbs());
    double[] stats = RunModels.cellStats(run.record(0).layer(0), 32, 64);
    assertThat(stats[0]).isEqualTo(values[32]);
    assertThat(stats[2]).isEqualTo(values[63]);
    // a narrow layer keeps one cell per unit
    assertThat(m.rows().get(1).width()).isEqualTo(1);
  }

  @Property(tries = 300)
  void binsCoverEveryUnitOnceWithSizesWithinOne(@ForAll @IntRange(min = 1, max = 100_000) int units,
      @ForAll @IntRange(min = 1, max = 600) int maxCells) {
    RunModels.Binning b = RunModels.Binning.of(units, maxCells);
    assertThat(b.cells()).isEqualTo(Math.min(units, maxCells));
    int next = 0;
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int c = 0; c < b.cells(); c++) {
      assertThat(b.from(c)).isEqualTo(next);
      next = b.to(c);
      smallest = Math.min(smallest, b.to(c) - b.from(c));
      largest = Math.max(largest, b.to(c) - b.from(c));
      assertThat(b.cellOf(b.from(c))).isEqualTo(c);
      assertThat(b.cellOf(b.to(c) - 1)).isEqualTo(c);
    }
    assertThat(next).isEqualTo(units);
    assertThat(largest - smallest).isLessThanOrEqualTo(1);
    assertThat(smallest).isGreaterThanOrEqualTo(1);
  }

  @Test
  void manyLayersAreShownAWindowAtATime() {
    List<RecordedLayer> layers = new ArrayList<>();
    List<LayerRecord> values = new ArrayList<>();
    for (int l = 1; l <= 224; l++) {
      layers.add(new RecordedLayer(l, "blocks." + l + ".fc", l == 224 ? "output" : "hidden",
          "linear", 4, "gelu"));
      values.add(LayerRecord.builder().gradMeanAbs(l).neuronGradMeanAbs(new double[] {l, l, l, l})
          .build());
    }
    RecordedRun run = RecordedRun.start(RecordedRun.Source.PYTORCH_PROBE, Map.of(), layers)
        .append(List.of(new RecordedStep(3, 1, Double.NaN, Double.NaN, values)));
    GradientHeatmapModel m = RunModels.heatmap(run, 0, THEME, 100, 40, 64);
    assertThat(m.rows()).hasSize(40);
    assertThat(m.rows().get(0).label()).startsWith("blocks.101.fc");
    assertThat(m.title()).contains("101").contains("140").contains("224");
    // past the end: the window ends at the last layer
    assertThat(RunModels.heatmap(run, 0, THEME, 220, 40, 64).rows()).hasSize(4);
  }

  // ----------------------------------------------------------------------------- alerts

  /** Two layers over 8 records with trouble placed by hand. */
  static RecordedRun troubled() {
    RecordedRun run = RecordedRun.start(RecordedRun.Source.PYTORCH_PROBE, Map.of(),
        List.of(new RecordedLayer(1, "a", "hidden", "linear", 2, "relu"),
            new RecordedLayer(2, "b", "output", "linear", 1, "identity")));
    List<RecordedStep> steps = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      double a = i >= 2 && i <= 5 ? 1e-9 * (i == 4 ? 0.1 : 1) : 1e-3; // vanishing at 2..5
      double dead = i == 1 ? 0.6 : 0.0; // more than half dead at 1
      double ratio = i == 0 ? Double.NaN : i == 7 ? 0.05 : 1e-3; // too fast at 7
      steps.add(new RecordedStep(10L * i, 1.0 / (i + 1), Double.NaN, Double.NaN, List.of(
          LayerRecord.builder().gradMeanAbs(a).deadFraction(dead).updateRatio(ratio).build(),
          LayerRecord.builder().gradMeanAbs(1.0).deadFraction(0)
              .updateRatio(i == 0 ? Double.NaN : 2e-5).build())));
    }
    return run.append(steps);
  }

  @Test
  void alertsSpanTheRecordsWhereEachThresholdIsCrossed() {
    List<RunAlerts.Span> alerts = RunAlerts.of(troubled());
    RunAlerts.Span vanishing = alerts.stream()
        .filter(a -> a.kind() == RunAlerts.Kind.VANISHING).findFirst().orElseThrow();
    assertThat(vanishing.layer()).isZero();
    assertThat(vanishing.from()).isEqualTo(2);
    assertThat(vanishing.to()).isEqualTo(5);
    assertThat(vanishing.toStep()).isEqualTo(50);
    assertThat(vanishing.worst()).isCloseTo(1e-10, within(1e-20)); // the smallest share: record 4
    assertThat(alerts).contains(
        new RunAlerts.Span(RunAlerts.Kind.DEAD, 0, 1, 1, 10, 10, 0.6),
        new RunAlerts.Span(RunAlerts.Kind.UPDATE_RATIO_HIGH, 0, 7, 7, 70, 70, 0.05),
        new RunAlerts.Span(RunAlerts.Kind.UPDATE_RATIO_LOW, 1, 1, 7, 10, 70, 2e-5));
    assertThat(alerts).hasSize(4);
  }

  @Test
  void aValueHoveringAtAThresholdMakesOneAlertNotMany() {
    RecordedRun run = RecordedRun.start(RecordedRun.Source.PYTORCH_PROBE, Map.of(),
        List.of(new RecordedLayer(1, "a", "output", "linear", 1, "identity")));
    List<RecordedStep> steps = new ArrayList<>();
    // above 1e-2 at records 0, 2, 4, 5, 9 and 20: gaps of 1, 1, 3 fine records are bridged,
    // the gap of 10 is not
    java.util.Set<Integer> high = java.util.Set.of(0, 2, 4, 5, 9, 20);
    for (int i = 0; i < 25; i++) {
      steps.add(new RecordedStep(i, 1, Double.NaN, Double.NaN, List.of(LayerRecord.builder()
          .gradMeanAbs(1).updateRatio(high.contains(i) ? 0.02 + i * 1e-4 : 1e-3).build())));
    }
    List<RunAlerts.Span> alerts = RunAlerts.of(run.append(steps));
    assertThat(alerts).extracting(RunAlerts.Span::from, RunAlerts.Span::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 9),
            org.assertj.core.groups.Tuple.tuple(20, 20));
    assertThat(alerts.get(0).worst()).isEqualTo(0.02 + 9e-4);
  }

  @Test
  void historyOutlinesTheAlertsOfItsMetric() {
    RecordedRun run = troubled();
    List<RunAlerts.Span> alerts = RunAlerts.of(run);
    GradientHistoryModel delta = RunModels.history(run, RunMetric.MEAN_ABS_DELTA, THEME, 7, alerts);
    assertThat(delta.markers()).containsExactlyInAnyOrder(
        new GradientHistoryModel.Marker(0, 2, 5), new GradientHistoryModel.Marker(0, 1, 1));
    GradientHistoryModel ratio = RunModels.history(run, RunMetric.UPDATE_RATIO, THEME, 7, alerts);
    assertThat(ratio.markers()).containsExactlyInAnyOrder(
        new GradientHistoryModel.Marker(0, 6, 6), new GradientHistoryModel.Marker(1, 0, 6));
    // step 0 has no update ratio: its column is left out, not drawn as "not a number"
    assertThat(ratio.columns()).isEqualTo(7);
    assertThat(ratio.steps()[0]).isEqualTo(10);
    assertThat(ratio.values()[1][2]).isEqualTo(2e-5);
    // shown up to record 3: later alerts are not there yet, a running one is cut at 3
    GradientHistoryModel early = RunModels.history(run, RunMetric.MEAN_ABS_DELTA, THEME, 3, alerts);
    assertThat(early.columns()).isEqualTo(4);
    assertThat(early.markers()).contains(new GradientHistoryModel.Marker(0, 2, 3));
  }

  @Test
  void alertsOfNeighbouringLayersOverTheSameStepsMakeOneBox() {
    List<GradientHistoryModel.Marker> m = RunModels.merged(List.of(
        new GradientHistoryModel.Marker(2, 5, 9), new GradientHistoryModel.Marker(0, 5, 9),
        new GradientHistoryModel.Marker(1, 5, 9), new GradientHistoryModel.Marker(4, 5, 9),
        new GradientHistoryModel.Marker(3, 5, 8)));
    assertThat(m).containsExactly(new GradientHistoryModel.Marker(3, 3, 5, 8),
        new GradientHistoryModel.Marker(0, 2, 5, 9), new GradientHistoryModel.Marker(4, 4, 5, 9));
  }

  @Test
  void aRunRecordedWithoutTestSetDrawsNoTestKeyNorAccuracyAxis() {
    RecordedRun run = RecordedRunSamples.probeLike(3, 16, 20, "relu");
    Picture p = new RunDrawings(new RunDrawings.Fixed(run, run.size() - 1, RunMetric.MEAN_ABS_DELTA,
        false, 0, 0, List.of())).loss();
    List<String> texts = TextLayoutTest.record(p, 1110, 355, THEME).stream()
        .map(TextRecorder.Text::text).toList();
    assertThat(texts).contains(THEME.text("loss.train")).doesNotContain(THEME.text("loss.test"),
        THEME.text("loss.accuracy"), "100%");
    // ours has all three
    RecordedRun ours = SnapshotRecords.run(deepSigmoid());
    List<String> all = TextLayoutTest.record(new RunDrawings(new RunDrawings.Fixed(ours,
        ours.size() - 1, RunMetric.MEAN_ABS_DELTA, false, 0, 0, List.of())).loss(), 1110, 355,
        THEME).stream().map(TextRecorder.Text::text).toList();
    assertThat(all).contains(THEME.text("loss.train"), THEME.text("loss.test"),
        THEME.text("loss.accuracy"), "100%");
  }

  @Test
  void aLongHistoryMergesRecordsIntoAtMostTwoThousandColumns() {
    RecordedRun run = RecordedRun.start(RecordedRun.Source.ACTIVATION_LAB, Map.of(),
        List.of(new RecordedLayer(1, "1", "output", "dense", 1, "sigmoid")));
    List<RecordedStep> steps = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      steps.add(new RecordedStep(i, 1, Double.NaN, Double.NaN,
          List.of(LayerRecord.builder().gradMeanAbs(i).build())));
    }
    run = run.append(steps);
    GradientHistoryModel m = RunModels.history(run, RunMetric.MEAN_ABS_DELTA, THEME, 4999,
        List.of());
    assertThat(m.columns()).isEqualTo(RunModels.MAX_HISTORY_COLUMNS);
    // column 0 holds records 0..1 (5000 / 2000 = 2.5 per column): mean 0.5, labelled step 1
    assertThat(m.values()[0][0]).isEqualTo(0.5);
    assertThat(m.steps()[0]).isEqualTo(1);
    assertThat(m.steps()[m.columns() - 1]).isEqualTo(4999);
  }

  @Test
  void aRecordWithoutSomeLayerLeavesAGapNotAnError() {
    RecordedRun run = troubled();
    RecordedRun partial = RecordedRun.start(run.source(), Map.of(), run.layers())
        .append(List.of(new RecordedStep(0, 1, Double.NaN, Double.NaN,
            List.of(LayerRecord.builder().gradMeanAbs(1).build()))));
    GradientHistoryModel m = RunModels.history(partial, RunMetric.MEAN_ABS_DELTA, THEME, 0,
        List.of());
    assertThat(m.values()[1][0]).isNaN();
    GradientHeatmapModel h = RunModels.heatmap(partial, 0, THEME, 0, 10, 64);
    assertThat(h.rows()).hasSize(2);
    assertThat(h.rows().get(1).magnitude(0)).isNaN();
  }

  @Test
  void layerSnapshotsBecomeRecordsValueForValue() {
    TrainingSnapshot s = deepSigmoid().get(3);
    RecordedStep r = SnapshotRecords.record(s);
    for (int l = 0; l < s.layers().size(); l++) {
      LayerSnapshot a = s.layers().get(l);
      LayerRecord b = r.layer(l);
      assertThat(Double.valueOf(b.gradMeanAbs())).isEqualTo(Double.valueOf(a.gradMeanAbs()));
      assertThat(Double.valueOf(b.gradWeightRms())).isEqualTo(Double.valueOf(a.gradWeightRms()));
      assertThat(Double.valueOf(b.updateRatio())).isEqualTo(Double.valueOf(a.updateRatio()));
      assertThat(Double.valueOf(b.saturatedFraction())).isEqualTo(Double.valueOf(a.saturatedFraction()));
      assertThat(b.units()).isEqualTo(a.width());
      assertThat(b.histogram().below()).isEqualTo(a.below());
    }
    assertThat(r.step()).isEqualTo(75);
  }
}
