package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.StepStatistics;
import org.activationlab.nn.TrainingSession;
import org.junit.jupiter.api.Test;

class RunTest {

  static Scenario small() {
    return Scenario.defaults().withSettings(Map.of("hidden", "6,4", "samples", "200"));
  }

  @Test
  void stepsLikeItsSessionAndRecordsEveryStep() {
    Run run = new Run(small());
    TrainingSession ref = small().session();
    for (int k = 0; k < 25; k++) {
      assertThat(run.step()).isTrue();
      ref.step();
    }
    TrainingSnapshot s = run.snapshot();
    assertThat(s.step()).isEqualTo(25);
    assertThat(s.weights().parameters()).isEqualTo(ref.network().parameters());
    assertThat(s.history().recorded()).isEqualTo(25);
    assertThat(s.layers().get(0).neuronGrad(1))
        .isEqualTo(ref.stepStatistics().neuronGradMeanAbs[0][1]);
    assertThat(s.status()).isEqualTo(TrainingSnapshot.Status.IDLE);
  }

  @Test
  void stepZeroShowsTheFirstBatchsGradientsWithoutAnUpdate() {
    Scenario sc = small();
    Run run = new Run(sc);
    TrainingSnapshot s = run.snapshot();
    // an independent computation: the first batchSize training samples in stored order
    TrainingSession t = sc.session();
    Mlp net = t.network();
    int m = sc.batchSize();
    Mlp.Workspace ws = net.newWorkspace(m);
    double[] in = new double[m * net.inputSize()];
    double[] targets = new double[m * net.targetWidth()];
    t.data().train().copyInputs(0, m, in);
    t.data().train().copyTargets(0, m, targets);
    net.loadInputs(ws, in, 0, m);
    StepStatistics expected = StepStatistics.of(net);
    net.gradient(ws, targets, m, expected);
    for (int l = 0; l < net.layerCount(); l++) {
      assertThat(s.layers().get(l).gradMeanAbs()).isEqualTo(expected.gradMeanAbs[l]);
    }
    assertThat(s.weights().parameters()).as("no update").isEqualTo(net.parameters());
    assertThat(s.history().recorded()).as("step 0 is in the history").isEqualTo(1);
    assertThat(run.snapshot().history().recorded()).as("once").isEqualTo(1);
  }

  @Test
  void liveChangesKeepTheRunAndRebuildsAreRefused() {
    Run run = new Run(small());
    run.step();
    long id = run.snapshot().runId();
    run.configure(small().toBuilder().learningRate(0.5).activation(1, "relu").build());
    TrainingSnapshot s = run.snapshot();
    assertThat(s.runId()).isEqualTo(id);
    assertThat(s.step()).isEqualTo(1);
    assertThat(s.layers().get(1).activation()).isEqualTo("relu");
    assertThat(s.scenario().learningRate()).isEqualTo(0.5);
    assertThatThrownBy(() -> run.configure(small().withSetting("hidden", "3")))
        .hasMessageContaining("new network");
    run.reset();
    assertThat(run.snapshot().runId()).as("a reset starts a new run").isNotEqualTo(id);
  }

  @Test
  void rebuiltSharesTheDataWhenItsSettingsAreTheSame() {
    Run run = new Run(small());
    Run wider = run.rebuilt(small().withSetting("hidden", "9"));
    assertThat(wider.snapshot().data()).isSameAs(run.snapshot().data());
    Run other = run.rebuilt(small().withSetting("noise", "0.2"));
    assertThat(other.snapshot().data()).isNotSameAs(run.snapshot().data());
  }

  @Test
  void divergenceStopsTheRunUntilReset() {
    Run run = new Run(small().withSettings(Map.of("init", "normal:stddev=3",
        "activation", "leaky_relu:negative_slope=0.1", "hidden", "8x6", "learningRate", "10")));
    int steps = 0;
    while (run.step() && steps < 10_000) {
      steps++;
    }
    assertThat(run.diverged()).isTrue();
    long at = run.divergedAtStep();
    assertThat(at).isPositive();
    assertThat(run.step()).as("no step after divergence").isFalse();
    assertThat(run.stepCount()).isEqualTo(at);
    assertThat(run.snapshot().hintKey()).isEqualTo(TrainingSnapshot.HINT_DIVERGED);
    run.reset();
    assertThat(run.diverged()).isFalse();
    assertThat(run.step()).isTrue();
  }

  @Test
  void theGridIsComputedOnlyWhenAskedAndHistoryCanBeLeftOut() {
    Run run = new Run(small());
    assertThat(run.snapshot().grid()).isNull();
    run.refreshGrid(Run.GRID_RESOLUTION);
    assertThat(run.snapshot().grid().resolution()).isEqualTo(Run.GRID_RESOLUTION);
    assertThat(run.snapshot(false).history()).isNull();
  }
}
