package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  static final Duration LIVENESS = Duration.ofSeconds(30);

  @Test
  void everySettingReadsBackAsTheSameValue() {
    Scenario s = Presets.get("leaky-relu").scenario().toBuilder().activations(
        java.util.List.of("relu", "tanh", "elu")).learningRate(0.37).l2(1e-4).build();
    Scenario.Builder copy = Scenario.defaults().toBuilder();
    for (String key : Scenario.KEYS) {
      copy.set(key, s.setting(key));
    }
    assertThat(copy.build()).isEqualTo(s);
  }

  @Test
  void describesWhatDiffersInSettingOrder() {
    Comparison c = Comparison.ofPresetPair("deep-sigmoid");
    assertThat(c.changes()).extracting(Comparison.Change::key)
        .containsExactly("activation", "init");
    assertThat(c.describe()).isEqualTo(
        "activation sigmoid → relu, init glorot_uniform → he_normal");
    assertThat(Comparison.ofCopy(c.a()).describe()).isEqualTo("no difference yet");
  }

  @Test
  void everyReadyPairIsComparable() {
    for (String first : Comparison.PRESET_PAIR_ORDER) {
      Comparison c = Comparison.ofPresetPair(first);
      assertThat(c.changes()).as(first).isNotEmpty();
      assertThat(c.a().datasetSpec()).isEqualTo(c.b().datasetSpec());
    }
    assertThatThrownBy(() -> Comparison.ofPresetPair("playground"))
        .hasMessageContaining("no ready comparison").hasMessageContaining("deep-sigmoid");
  }

  @Test
  void differentDataIsRefusedWithTheReason() {
    Scenario a = Presets.get("deep-sigmoid").scenario();
    Scenario b = a.withSettings(Map.of("dataset", "xor", "seed", "7"));
    assertThatThrownBy(() -> new Comparison(a, b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same data")
        .hasMessageContaining("dataset circle vs xor")
        .hasMessageContaining("seed 1 vs 7");
  }

  @Test
  void bRunsToAsStepCountAndFollowsAsData() {
    Scenario a = Presets.get("deep-sigmoid").scenario();
    Comparison c = new Comparison(a, a.withSetting("steps", "999").withSetting("activation",
        "relu"));
    assertThat(c.b().steps()).isEqualTo(a.steps());
    Comparison moved = c.withA(a.withSettings(Map.of("noise", "0.2", "steps", "500")));
    assertThat(moved.b().noise()).isEqualTo(0.2);
    assertThat(moved.b().steps()).isEqualTo(500);
    assertThat(moved.b().activation()).isEqualTo("relu");
  }

  @Test
  void sameShapeAndInitialiserMeansTheSameInitialWeights() {
    Scenario a = Presets.get("deep-sigmoid").scenario();
    Comparison c = new Comparison(a, a.withSetting("activation", "relu"));
    assertThat(c.sameInitialWeights()).isTrue();
    Run runA = new Run(c.a());
    Run runB = runA.rebuilt(c.b());
    assertThat(runB.snapshot(false).weights().parameters())
        .isEqualTo(runA.snapshot(false).weights().parameters());
    assertThat(runB.snapshot(false).data()).as("B trains on A's data").isSameAs(
        runA.snapshot(false).data());
  }

  @Test
  void theTrainerStepsBothRunsInLockstepAndEachAsAlone() throws Exception {
    Comparison c = Comparison.ofPresetPair("deep-sigmoid");
    Run aloneA = new Run(c.a());
    Run aloneB = new Run(c.b());
    for (int k = 0; k < 40; k++) {
      aloneA.step();
      aloneB.step();
    }
    try (Trainer t = new Trainer(Presets.get("playground").scenario())) {
      t.submit(new Command.Compare(c, true));
      t.submit(new Command.Step(40));
      TrainingSnapshot s = t.await(x -> x.step() == 40 && x.comparing(), LIVENESS);
      assertThat(s.compared().step()).isEqualTo(40);
      assertThat(s.scenario()).isEqualTo(c.a());
      assertThat(s.compared().scenario()).isEqualTo(c.b());
      assertThat(s.weights().parameters())
          .isEqualTo(aloneA.snapshot(false).weights().parameters());
      assertThat(s.compared().weights().parameters())
          .isEqualTo(aloneB.snapshot(false).weights().parameters());

      t.submit(new Command.Play());
      t.await(x -> x.step() > 40, LIVENESS); // plays to the preset's 300 steps at most
      t.submit(new Command.Pause());
      s = t.await(x -> !x.status().playing(), LIVENESS);
      assertThat(s.compared().step()).as("still in lockstep after play/pause")
          .isEqualTo(s.step());

      t.submit(new Command.View(20));
      s = t.await(x -> x.step() == 20, LIVENESS);
      assertThat(s.compared().step()).isEqualTo(20);

      t.submit(new Command.Reset());
      s = t.await(x -> x.step() == 0 && x.status().liveStep() == 0, LIVENESS);
      assertThat(s.compared().step()).isZero();

      t.submit(new Command.EndCompare());
      s = t.await(x -> !x.comparing(), LIVENESS);
      assertThat(s.scenario()).isEqualTo(c.a());
    }
  }

  @Test
  void playedOnTwoThreadsBothRunsEndExactlyAsEachAlone() throws Exception {
    Comparison c = Comparison.ofPresetPair("dead-relu");
    Run aloneA = new Run(c.a());
    Run aloneB = new Run(c.b());
    for (int k = 0; k < c.a().steps(); k++) {
      aloneA.step();
      aloneB.step();
    }
    try (Trainer t = new Trainer(c.a())) {
      t.submit(new Command.Compare(c, true));
      t.submit(new Command.SetSpeed(0)); // as fast as possible: B on the partner thread
      t.submit(new Command.Play());
      TrainingSnapshot s = t.await(x -> x.comparing() && !x.status().playing()
          && x.step() == c.a().steps(), LIVENESS);
      assertThat(s.compared().step()).isEqualTo(s.step());
      assertThat(s.weights().parameters())
          .isEqualTo(aloneA.snapshot(false).weights().parameters());
      assertThat(s.compared().weights().parameters())
          .isEqualTo(aloneB.snapshot(false).weights().parameters());
      assertThat(java.util.Arrays.stream(Thread.getAllStackTraces().keySet().toArray(
          new Thread[0])).map(Thread::getName)).contains(Trainer.THREAD_NAME + "-b");
    }
  }

  @Test
  void liveChangesOfBKeepBothRunsWhereTheyAre() throws Exception {
    Comparison c = Comparison.ofPresetPair("dead-relu");
    try (Trainer t = new Trainer(c.a())) {
      t.submit(new Command.Compare(c, true));
      t.submit(new Command.Step(10));
      t.await(x -> x.step() == 10 && x.comparing(), LIVENESS);
      Comparison faster = c.withB(c.b().withSetting("learningRate", "0.5"));
      t.submit(new Command.Compare(faster, false));
      TrainingSnapshot s = t.await(x -> x.comparing()
          && x.compared().scenario().learningRate() == 0.5, LIVENESS);
      assertThat(s.step()).isEqualTo(10);
      assertThat(s.compared().step()).isEqualTo(10);
      Comparison deeper = c.withB(c.b().withSetting("hidden", "16,16"));
      t.submit(new Command.Compare(deeper, false));
      s = t.await(x -> x.comparing() && x.compared().layers().size() == 3, LIVENESS);
      assertThat(s.step()).as("a new network for B starts both again").isZero();
    }
  }

  @Test
  void aDivergedRunStopsWhileTheOtherGoesOn() throws Exception {
    Scenario a = Presets.get("exploding").scenario();
    Comparison c = new Comparison(a, a.withSetting("init", "he_normal"));
    try (Trainer t = new Trainer(a)) {
      t.submit(new Command.Compare(c, true));
      t.submit(new Command.Step(100));
      TrainingSnapshot s = t.await(x -> x.comparing() && x.status().liveStep() == 100
          && !x.status().playing(), LIVENESS);
      assertThat(s.diverged()).as("A explodes").isTrue();
      assertThat(s.step()).isLessThan(100);
      assertThat(s.compared().diverged()).isFalse();
      assertThat(s.compared().step()).isEqualTo(100);
    }
  }
}
