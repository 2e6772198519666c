package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rebuilding past steps of a run: exact, across live changes of settings, bounded. */
class RunTimelineTest {

  @Test
  void everyPastStepIsRebuiltBitForBitAcrossLiveChanges() {
    Scenario start = Scenario.defaults().withSettings(Map.of("hidden", "6,4", "samples", "120",
        "optimizer", "momentum", "batchSize", "7"));
    Run run = new Run(start);
    List<double[]> params = new ArrayList<>();
    List<Double> firstGrad = new ArrayList<>();
    params.add(run.snapshot(false).weights().parameters());
    firstGrad.add(run.snapshot(false).layers().get(0).gradMeanAbs());
    Scenario[] changes = {
      start.withSetting("learningRate", "0.3"),
      start.withSetting("optimizer", "adam").withSetting("learningRate", "0.01"),
      start.withSetting("optimizer", "adam").withSetting("activation", "relu")
          .withSetting("batchSize", "16"),
    };
    for (int phase = 0; phase <= changes.length; phase++) {
      for (int k = 0; k < 70; k++) {
        assertThat(run.step()).isTrue();
        TrainingSnapshot s = run.snapshot(false);
        params.add(s.weights().parameters());
        firstGrad.add(s.layers().get(0).gradMeanAbs());
      }
      if (phase < changes.length) {
        run.configure(changes[phase]);
      }
    }
    assertThat(run.stepCount()).isEqualTo(280);
    SplittableRandom r = new SplittableRandom(5);
    List<Long> steps = new ArrayList<>(List.of(0L, 1L, 16L, 70L, 71L, 140L, 141L, 279L, 280L));
    for (int i = 0; i < 25; i++) {
      steps.add((long) r.nextInt(281));
    }
    steps.add(3L); // backwards after forwards
    for (long step : steps) {
      TrainingSnapshot past = run.at(step);
      assertThat(past.step()).isEqualTo(step);
      assertThat(past.weights().parameters()).as("step %d", step)
          .isEqualTo(params.get((int) step));
      assertThat(past.layers().get(0).gradMeanAbs()).as("the gradients of step %d", step)
          .isEqualTo(firstGrad.get((int) step));
      assertThat(past.history().lastStep(past.history().size() - 1)).isLessThanOrEqualTo(step);
    }
    assertThat(run.at(100).scenario().learningRate()).isEqualTo(0.3);
    assertThat(run.at(200).scenario().optimizer().id()).isEqualTo("adam");
    assertThat(run.at(250).layers().get(0).activation()).startsWith("relu");
    assertThat(run.stepCount()).as("the run itself is untouched").isEqualTo(280);

    // continue from step 150: the branch repeats the run until it is changed
    Run branch = run.branchAt(150);
    assertThat(branch.stepCount()).isEqualTo(150);
    assertThat(branch.snapshot(false).weights().parameters()).isEqualTo(params.get(150));
    for (int k = 151; k <= 160; k++) {
      branch.step();
      assertThat(branch.snapshot(false).weights().parameters()).isEqualTo(params.get(k));
    }
    assertThat(branch.snapshot().history().lastStep(branch.snapshot().history().size() - 1))
        .isEqualTo(160);
    branch.configure(branch.scenario().withSetting("activation", "gelu"));
    branch.step();
    assertThat(branch.snapshot(false).weights().parameters()).isNotEqualTo(params.get(161));
    assertThat(branch.at(100).weights().parameters()).as("the branch's own past")
        .isEqualTo(params.get(100));
    assertThat(run.at(200).weights().parameters()).as("the old branch is still there")
        .isEqualTo(params.get(200));
    assertThat(branch.snapshot(false).runId()).isNotEqualTo(run.snapshot(false).runId());
  }

  @Test
  void stepsOutsideTheRunAreRefused() {
    Run run = new Run(Scenario.defaults());
    run.step();
    assertThatThrownBy(() -> run.at(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> run.at(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkpointsStayBoundedAndThinned() {
    Timeline t = new Timeline();
    Run run = new Run(Scenario.defaults().withSettings(Map.of("hidden", "8,8,8,8,8,8,8,8")));
    t.start(sessionCheckpoint(0), Scenario.defaults());
    for (long step = 1; step <= 1_000_000; step++) {
      if (t.due(step)) {
        t.add(sessionCheckpoint(step));
      }
    }
    assertThat(t.size()).isLessThanOrEqualTo(Timeline.MAX_CHECKPOINTS);
    assertThat(t.interval()).isEqualTo(16_384); // 1e6 / 16384 = 61 checkpoints
    assertThat(t.atOrBefore(999_999).step()).isGreaterThan(999_999 - 2 * t.interval());
    assertThat(t.atOrBefore(5).step()).isZero();
    assertThat(run.stepCount()).isZero();
  }

  private static org.activationlab.nn.TrainingSession.Checkpoint sessionCheckpoint(long step) {
    return new org.activationlab.nn.TrainingSession.Checkpoint(step, 0, new double[1],
        new org.activationlab.nn.Optimizer.State(org.activationlab.nn.OptimizerSpec.Kind.SGD,
            null, null, step, null, 1), new int[1], new org.activationlab.nn.Rng(1).state(), 0,
        Double.NaN);
  }
}
