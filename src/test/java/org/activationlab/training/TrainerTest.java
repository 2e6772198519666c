package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.nn.TrainingSession;
import org.junit.jupiter.api.Test;

class TrainerTest {

  static final Duration LIVENESS = Duration.ofSeconds(30);

  /** A small network that plays on (its designed step count is the largest allowed). */
  static Scenario small() {
    return Scenario.defaults().withSettings(java.util.Map.of("hidden", "6,4", "samples", "200",
        "steps", String.valueOf(Scenario.MAX_STEPS)));
  }

  @Test
  void aBurstOfCommandsStillLetsSnapshotsThrough() throws Exception {
    Scenario deep = Presets.get("deep-sigmoid").scenario();
    int burst = 2000;
    try (Trainer t = new Trainer(deep)) {
      for (int k = 0; k < burst; k++) {
        assertThat(t.submit(new Command.Step(20))).isTrue(); // ~40 000 steps in all
      }
      long seenMidway = 0;
      TrainingSnapshot last = t.latest();
      while (last.status().commandsApplied() < burst) {
        TrainingSnapshot s = t.await(x -> x.status().sequence() > 0, LIVENESS);
        long applied = s.status().commandsApplied();
        if (applied > 0 && applied < burst) {
          seenMidway++;
          assertThat(s.step()).as("each Step(20) applied in order").isEqualTo(20 * applied);
        }
        last = t.await(x -> x.status().sequence() > s.status().sequence()
            || x.status().commandsApplied() >= burst, LIVENESS);
      }
      assertThat(seenMidway).as("snapshots published while the burst was applied")
          .isGreaterThan(1);
      assertThat(t.await(x -> x.step() == 20L * burst, LIVENESS).step()).isEqualTo(40_000);
    }
  }

  @Test
  void firstSnapshotIsReadyAtConstruction() {
    try (Trainer t = new Trainer(small())) {
      TrainingSnapshot s = t.latest();
      assertThat(s).isNotNull();
      assertThat(s.step()).isZero();
      assertThat(s.status().playing()).isFalse();
      assertThat(s.layers()).hasSize(3);
      assertThat(s.layers().get(0).gradMeanAbs()).as("step-0 gradients measured").isPositive();
      assertThat(s.grid()).isNotNull();
      assertThat(s.grid().resolution()).isEqualTo(Run.GRID_RESOLUTION);
      assertThat(s.weights().layerCount()).isEqualTo(3);
      assertThat(t.thread().getName()).isEqualTo(Trainer.THREAD_NAME);
      assertThat(t.thread().isDaemon()).isTrue();
    }
  }

  @Test
  void viewingAPastStepAndContinuingFromIt() throws Exception {
    Scenario sc = small();
    Run reference = new Run(sc);
    for (int k = 0; k < 30; k++) {
      reference.step();
    }
    double[] at30 = reference.snapshot(false).weights().parameters();
    try (Trainer t = new Trainer(sc)) {
      t.submit(new Command.Step(80));
      t.await(s -> s.step() == 80, Duration.ofSeconds(30));
      t.submit(new Command.View(30));
      TrainingSnapshot past = t.await(s -> s.step() == 30, Duration.ofSeconds(30));
      assertThat(past.status().liveStep()).as("the run itself is at 80").isEqualTo(80);
      assertThat(past.weights().parameters()).isEqualTo(at30);
      assertThat(past.history().lastStep(past.history().size() - 1)).isLessThanOrEqualTo(30);
      t.submit(new Command.View(500)); // beyond the run: live again
      assertThat(t.await(s -> s.step() == 80 && s.status().commandsApplied() >= 3,
          Duration.ofSeconds(30)).status().liveStep()).isEqualTo(80);
      t.submit(new Command.ContinueFrom(30));
      TrainingSnapshot branch = t.await(s -> s.status().liveStep() == 30,
          Duration.ofSeconds(30));
      assertThat(branch.step()).isEqualTo(30);
      assertThat(branch.weights().parameters()).isEqualTo(at30);
      t.submit(new Command.Step(1));
      reference.step();
      TrainingSnapshot at31 = t.await(s -> s.step() == 31, Duration.ofSeconds(30));
      assertThat(at31.weights().parameters()).as("the branch goes on like the run did")
          .isEqualTo(reference.snapshot(false).weights().parameters());
      assertThat(at31.status().otherBranch()).as("parted after step 30").isEqualTo(30);
      // the old branch is still there, at its step 80, and the new one comes back
      t.submit(new Command.SwitchBranch());
      TrainingSnapshot old = t.await(s -> s.status().liveStep() == 80, Duration.ofSeconds(30));
      for (int k = 31; k < 80; k++) {
        reference.step();
      }
      assertThat(old.weights().parameters()).isEqualTo(
          reference.snapshot(false).weights().parameters());
      t.submit(new Command.SwitchBranch());
      assertThat(t.await(s -> s.status().liveStep() == 31, Duration.ofSeconds(30))
          .weights().parameters()).isEqualTo(at31.weights().parameters());
      t.submit(new Command.Reset());
      assertThat(t.await(s -> s.step() == 0, Duration.ofSeconds(30)).status().otherBranch())
          .as("a reset forgets the other branch").isEqualTo(-1);
    }
    assertThatThrownBy(() -> new Command.View(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void commandsApplyInOrderAndMatchASynchronousSession() throws Exception {
    Scenario sc = small();
    TrainingSnapshot s;
    try (Trainer t = new Trainer(sc)) {
      Scenario fast = sc.toBuilder().learningRate(0.2).build();
      Scenario reluBatch5 = fast.toBuilder().batchSize(5).activation(1, "relu").build();
      t.submit(Command.Configure.to(fast));
      t.submit(new Command.Step(7));
      t.submit(Command.Configure.to(reluBatch5));
      t.submit(new Command.Step(5));
      t.submit(Command.Configure.to(
          reluBatch5.toBuilder().optimizer(OptimizerSpec.adam(0.01)).build()));
      t.submit(new Command.Step(3));
      s = t.await(x -> x.status().commandsApplied() == 6, LIVENESS);
    }
    TrainingSession ref = sc.session();
    ref.setLearningRate(0.2);
    ref.steps(7);
    ref.setBatchSize(5);
    ref.setActivation(1, org.activationlab.activation.Catalog.parse("relu"));
    ref.steps(5);
    ref.setOptimizer(OptimizerSpec.adam(0.01));
    ref.steps(3);
    assertThat(s.step()).isEqualTo(15);
    assertThat(s.weights().parameters()).isEqualTo(ref.network().parameters());
    assertThat(s.scenario().batchSize()).isEqualTo(5);
    assertThat(s.scenario().optimizer()).isEqualTo(OptimizerSpec.Kind.ADAM);
    assertThat(s.scenario().learningRate()).isEqualTo(0.01);
    assertThat(s.scenario().activationOf(1)).isEqualTo("relu");
    assertThat(s.layers().get(1).activation()).isEqualTo("relu");
    assertThat(s.history().recorded()).as("step 0 and 15 steps").isEqualTo(16);
  }

  @Test
  void sameCommandsGiveBitIdenticalResults() throws Exception {
    double[][] params = new double[2][];
    double[] loss = new double[2];
    for (int run = 0; run < 2; run++) {
      try (Trainer t = new Trainer(small().toBuilder().seed(42).build())) {
        t.submit(new Command.Step(20));
        t.submit(Command.Configure.to(small().toBuilder().seed(42).learningRate(0.5).build()));
        t.submit(new Command.Step(11));
        t.submit(new Command.Reset());
        t.submit(new Command.Step(9));
        TrainingSnapshot s = t.await(x -> x.status().commandsApplied() == 5, LIVENESS);
        params[run] = s.weights().parameters();
        loss[run] = s.scores().trainLoss();
        assertThat(s.step()).isEqualTo(9);
      }
    }
    assertThat(params[1]).isEqualTo(params[0]);
    assertThat(Double.doubleToRawLongBits(loss[1])).isEqualTo(Double.doubleToRawLongBits(loss[0]));
  }

  @Test
  void publishedSnapshotsAreNeverMutated() throws Exception {
    try (Trainer t = new Trainer(small())) {
      t.submit(new Command.Step(10));
      TrainingSnapshot s = t.await(x -> x.step() == 10, LIVENESS);
      double[] params = s.weights().parameters();
      double[] grid = s.grid().values();
      List<double[]> neuron = new ArrayList<>();
      List<boolean[]> dead = new ArrayList<>();
      for (LayerSnapshot l : s.layers()) {
        neuron.add(neurons(l));
        dead.add(deadFlags(l));
      }
      double[] hist = s.history().lossSeries();
      double loss = s.scores().trainLoss();
      // mutating what the accessors return does not reach the snapshot
      s.weights().parameters()[0] = 1e9;
      assertThatThrownBy(() -> s.layers().clear()).isInstanceOf(UnsupportedOperationException.class);
      t.submit(new Command.Play());
      t.await(x -> x.step() > 200, LIVENESS);
      t.submit(Command.Configure.to(small().toBuilder().activation("relu").build()));
      t.submit(new Command.Step(50));
      t.await(x -> x.status().commandsApplied() == 4, LIVENESS);
      assertThat(s.weights().parameters()).isEqualTo(params);
      assertThat(s.grid().values()).isEqualTo(grid);
      for (int l = 0; l < s.layers().size(); l++) {
        assertThat(neurons(s.layers().get(l))).isEqualTo(neuron.get(l));
        assertThat(deadFlags(s.layers().get(l))).isEqualTo(dead.get(l));
      }
      assertThat(s.history().lossSeries()).isEqualTo(hist);
      assertThat(s.scores().trainLoss()).isEqualTo(loss);
      assertThat(s.step()).isEqualTo(10);
    }
  }

  static double[] neurons(LayerSnapshot l) {
    double[] v = new double[l.width()];
    for (int j = 0; j < v.length; j++) {
      v[j] = l.neuronGrad(j);
    }
    return v;
  }

  static boolean[] deadFlags(LayerSnapshot l) {
    boolean[] v = new boolean[l.width()];
    for (int j = 0; j < v.length; j++) {
      v[j] = l.isDead(j);
    }
    return v;
  }

  @Test
  void playTrainsAndPausePublishesAtOnce() throws Exception {
    try (Trainer t = new Trainer(small())) {
      t.submit(new Command.Play());
      // a playing trainer measures its speed (every quarter of a second)
      TrainingSnapshot playing = t.await(x -> x.status().stepsPerSecond() > 0, LIVENESS);
      assertThat(playing.status().playing()).isTrue();
      assertThat(playing.step()).isPositive();
      t.submit(new Command.Pause());
      TrainingSnapshot paused = t.await(x -> !x.status().playing(), LIVENESS);
      assertThat(paused.status().stepsPerSecond()).isZero();
      // nothing trains while paused: a later command sees the same step count
      t.submit(new Command.SetSpeed(10));
      TrainingSnapshot later = t.await(x -> x.status().commandsApplied() == 3, LIVENESS);
      assertThat(later.step()).isEqualTo(paused.step());
    }
  }

  @Test
  void playingStopsAtTheDesignedStepAndPlayAgainContinues() throws Exception {
    Scenario fifty = small().toBuilder().steps(50).build();
    try (Trainer t = new Trainer(fifty)) {
      t.submit(new Command.Play());
      TrainingSnapshot stopped = t.await(x -> x.status().commandsApplied() == 1
          && !x.status().playing() && x.step() > 0, LIVENESS);
      assertThat(stopped.step()).as("exactly the designed step").isEqualTo(50);
      t.submit(new Command.Play());
      t.submit(new Command.SetSpeed(1000));
      TrainingSnapshot on = t.await(x -> x.step() > 60, LIVENESS);
      assertThat(on.status().playing()).as("Play again continues past it").isTrue();
      // a later stop step set while playing applies at once
      int stop = (int) on.step() + 500;
      t.submit(Command.Configure.to(fifty.toBuilder().steps(stop).build()));
      TrainingSnapshot later = t.await(x -> !x.status().playing() && x.step() >= stop, LIVENESS);
      assertThat(later.step()).isEqualTo(stop);
    }
  }

  @Test
  void speedLimitStillTrains() throws Exception {
    try (Trainer t = new Trainer(small())) {
      t.submit(new Command.SetSpeed(200));
      t.submit(new Command.Play());
      TrainingSnapshot s = t.await(x -> x.step() >= 5, LIVENESS);
      assertThat(s.status().speedLimit()).isEqualTo(200);
      t.submit(new Command.SetSpeed(Double.POSITIVE_INFINITY));
      TrainingSnapshot unlimited = t.await(x -> x.status().commandsApplied() == 3, LIVENESS);
      assertThat(unlimited.status().speedLimit()).as("+inf means no limit").isZero();
    }
  }

  @Test
  void divergencePausesWithStepAndHint() throws Exception {
    Scenario blowUp = small().withSettings(java.util.Map.of("init", "normal:stddev=3",
        "activation", "leaky_relu:negative_slope=0.1", "hidden", "8x6", "learningRate", "0.01"));
    try (Trainer t = new Trainer(blowUp)) {
      t.submit(new Command.Play());
      TrainingSnapshot s = t.await(TrainingSnapshot::diverged, LIVENESS);
      assertThat(s.status().playing()).isFalse();
      assertThat(s.divergedAtStep()).isPositive();
      assertThat(s.hintKey()).isEqualTo(TrainingSnapshot.HINT_DIVERGED);
      assertThat(java.util.ResourceBundle.getBundle("org.activationlab.training.presets",
          java.util.Locale.ROOT).getString(s.hintKey())).contains("learning rate");
      // play is refused until reset
      t.submit(new Command.Play());
      TrainingSnapshot still = t.await(x -> x.status().commandsApplied() == 2, LIVENESS);
      assertThat(still.diverged()).isTrue();
      assertThat(still.step()).isEqualTo(s.step());
      t.submit(new Command.Reset());
      TrainingSnapshot reset = t.await(x -> x.status().commandsApplied() == 3, LIVENESS);
      assertThat(reset.diverged()).isFalse();
      assertThat(reset.step()).isZero();
    }
  }

  @Test
  void liveSettingsKeepTheRunAndOthersRebuildIt() throws Exception {
    try (Trainer t = new Trainer(small())) {
      t.submit(new Command.Step(5));
      t.submit(Command.Configure.to(small().toBuilder().learningRate(0.1).build()));
      TrainingSnapshot live = t.await(x -> x.status().commandsApplied() == 2, LIVENESS);
      assertThat(live.step()).as("a live change keeps the step").isEqualTo(5);
      assertThat(live.scenario().learningRate()).isEqualTo(0.1);
      t.submit(Command.Configure.to(small().withSetting("hidden", "5x3").withSetting("dataset",
          "sine")));
      TrainingSnapshot s = t.await(x -> x.status().commandsApplied() == 3, LIVENESS);
      assertThat(s.runId()).isNotEqualTo(live.runId());
      assertThat(s.step()).isZero();
      assertThat(s.layers()).hasSize(4);
      assertThat(s.grid().dimensions()).isEqualTo(1);
      assertThat(Double.isNaN(s.scores().accuracy())).isTrue();
      assertThat(s.history().recorded()).as("only step 0 of the new run").isEqualTo(1);
      t.submit(Command.Configure.fresh(s.scenario()));
      TrainingSnapshot fresh = t.await(x -> x.status().commandsApplied() == 4, LIVENESS);
      assertThat(fresh.runId()).as("fresh: a new run even with the same settings")
          .isNotEqualTo(s.runId());
    }
  }

  @Test
  void tenThousandRandomCommandsFromAnotherThread() throws Exception {
    try (Trainer t = new Trainer(small())) {
      Random r = new Random(7);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      int[] accepted = new int[1];
      Thread sender = new Thread(() -> {
        try {
          for (int i = 0; i < 10_000; i++) {
            if (t.submit(randomCommand(r))) {
              accepted[0]++;
            }
          }
        } catch (Throwable e) {
          failure.set(e);
        } finally {
          done.countDown();
        }
      });
      sender.start();
      assertThat(done.await(LIVENESS.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(failure.get()).isNull();
      assertThat(accepted[0]).isEqualTo(10_000);
      t.submit(new Command.Pause());
      TrainingSnapshot s = t.await(x -> x.status().commandsApplied() == 10_001, LIVENESS);
      assertThat(s.status().playing()).isFalse();
      assertThat(s.status().error()).isNull();
      assertThat(t.isAlive()).isTrue();
    }
  }

  private static Command randomCommand(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> new Command.Play();
      case 1 -> new Command.Pause();
      case 2 -> new Command.Step(1 + r.nextInt(5));
      case 3 -> new Command.Reset();
      case 4 -> Command.Configure.to(
          small().toBuilder().learningRate(0.001 + r.nextDouble()).build());
      case 5 -> Command.Configure.to(r.nextBoolean()
          ? small().toBuilder().activation(r.nextBoolean() ? "relu" : "tanh").build()
          : small().toBuilder().activation(r.nextInt(2), "sigmoid").build());
      case 6 -> Command.Configure.to(small().toBuilder().batchSize(1 + r.nextInt(40)).build());
      case 7 -> Command.Configure.to(small().toBuilder().optimizer(OptimizerSpec.of(
          OptimizerSpec.Kind.values()[r.nextInt(5)], 0.001 + r.nextDouble() * 0.1)).build());
      case 8 -> new Command.SetSpeed(r.nextBoolean() ? 0 : 1 + r.nextInt(10_000));
      case 9 -> new Command.Configure(small().toBuilder().seed(r.nextInt(3)).build(),
          r.nextBoolean());
      case 10 -> Command.Configure.to(small().withSetting("hidden", 1 + r.nextInt(5) + "x2"));
      default -> new Command.Step(1);
    };
  }

  @Test
  void closeEndsTheThreadWithinOneSecond() throws Exception {
    Trainer t = new Trainer(small());
    t.submit(new Command.Play());
    t.await(x -> x.step() > 10, LIVENESS);
    t.close(); // joins for at most ~1.2 s
    t.thread().join(1000);
    assertThat(t.thread().isAlive()).isFalse();
    assertThat(t.submit(new Command.Play())).as("closed trainer refuses commands").isFalse();
    t.close(); // idempotent
  }

  @Test
  void closeWhilePausedAndDuringALongStep() throws Exception {
    Trainer paused = new Trainer(small());
    paused.close();
    assertThat(paused.isAlive()).isFalse();
    Trainer busy = new Trainer(small());
    busy.submit(new Command.Step(Command.Step.MAX));
    busy.close();
    busy.thread().join(1000);
    assertThat(busy.isAlive()).isFalse();
  }

  @Test
  void invalidCommandsAreRefusedAtConstruction() {
    assertThatThrownBy(() -> new Command.Step(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Command.SetSpeed(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Command.Configure.to(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> small().toBuilder().activation("sigmod").build())
        .hasMessageContaining("sigmoid");
  }

}
