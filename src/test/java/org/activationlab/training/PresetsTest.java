package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.activationlab.nn.Evaluation;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.TrainingSession;
import org.junit.jupiter.api.Test;

/**
 * Each preset shows its phenomenon within its default step count, for the default seed and
 * (where the phenomenon is statistical) across seeds 1–10. Gradient ratios are last hidden layer
 * over first hidden layer of the mean |δ| averaged over the last 20 steps.
 */
class PresetsTest {

  record Outcome(double ratio, double initRatio, double maxGradNorm, double step1GradNorm,
      double maxDeadFraction, double overallDead, double accuracy, long divergedAt) {}

  static Outcome run(String preset, long seed) {
    Scenario s = Presets.get(preset).scenario().toBuilder().seed(seed).build();
    TrainingSession t = s.session();
    int layers = t.network().layerCount();
    int lastHidden = layers - 2;
    // step 0 as the Lab shows it: the first mini-batch's gradients without an update
    TrainingSnapshot step0 = new Run(s).snapshot();
    double initRatio = step0.layers().get(lastHidden).gradMeanAbs()
        / step0.layers().get(0).gradMeanAbs();
    double[] avg = new double[layers];
    double maxNorm = 0;
    double step1Norm = Double.NaN;
    long diverged = -1;
    for (int i = 1; i <= s.steps(); i++) {
      double loss = t.step();
      if (!Double.isFinite(loss) || !t.isFinite()) {
        diverged = i;
        break;
      }
      maxNorm = Math.max(maxNorm, t.stepStatistics().gradNorm);
      step1Norm = i == 1 ? t.stepStatistics().gradNorm : step1Norm;
      if (i > s.steps() - 20) {
        for (int l = 0; l < layers; l++) {
          avg[l] += t.stepStatistics().gradMeanAbs[l] / 20;
        }
      }
    }
    ProbeStatistics p = ProbeStatistics.of(t.network());
    t.probe(p);
    double maxDead = 0;
    for (int l = 0; l < layers - 1; l++) {
      maxDead = Math.max(maxDead, p.deadFraction[l]);
    }
    Evaluation e = new Evaluation();
    t.evaluateTest(e);
    return new Outcome(avg[lastHidden] / avg[0], initRatio, maxNorm, step1Norm, maxDead,
        p.deadFractionOverall(), e.accuracy, diverged);
  }

  @Test
  void allPresetsHaveTextsInBothLanguagesAndBuild() {
    assertThat(Presets.names()).containsExactly("playground", "deep-sigmoid", "deep-tanh",
        "xavier-tanh", "relu-he", "dead-relu", "leaky-relu", "exploding");
    for (Presets.Preset p : Presets.all()) {
      for (Locale l : new Locale[] {Locale.ENGLISH, Locale.CHINESE}) {
        assertThat(p.title(l)).isNotBlank().isNotEqualTo(p.name() + ".title");
        assertThat(p.explanation(l)).hasSizeGreaterThan(40);
      }
      assertThat(p.title(Locale.CHINESE)).isNotEqualTo(p.title(Locale.ENGLISH));
      assertThat(p.steps()).isPositive();
      assertThat(p.scenario().session()).isNotNull();
    }
    assertThat(Presets.text(TrainingSnapshot.HINT_DIVERGED, Locale.CHINESE)).contains("学习率");
    assertThatThrownBy(() -> Presets.get("deep-relu")).hasMessageContaining("deep-sigmoid");
  }

  @Test
  void playgroundLearnsTheCircle() {
    Outcome r = run("playground", Presets.get("playground").scenario().seed());
    assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.divergedAt()).isEqualTo(-1);
  }

  @Test
  void deepSigmoidGradientsVanish() {
    for (long seed = 1; seed <= 10; seed++) {
      Outcome r = run("deep-sigmoid", seed);
      assertThat(r.ratio()).as("seed " + seed).isGreaterThanOrEqualTo(1000);
      assertThat(r.initRatio()).as("seed " + seed + " at step 0").isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void deepTanhVanishesAndXavierFixesIt() {
    for (long seed = 1; seed <= 10; seed++) {
      Outcome deep = run("deep-tanh", seed);
      Outcome xavier = run("xavier-tanh", seed);
      assertThat(deep.ratio()).as("deep-tanh seed " + seed).isGreaterThanOrEqualTo(100);
      assertThat(xavier.ratio()).as("xavier-tanh seed " + seed).isBetween(0.05, 20.0);
      assertThat(deep.ratio() / xavier.ratio()).as("seed " + seed).isGreaterThan(100);
    }
  }

  @Test
  void reluHeKeepsGradientsAlive() {
    for (long seed = 1; seed <= 10; seed++) {
      Outcome r = run("relu-he", seed);
      assertThat(r.ratio()).as("seed " + seed).isBetween(1 / 50.0, 50.0);
      assertThat(r.initRatio()).as("seed " + seed + " at step 0").isBetween(1 / 50.0, 50.0);
    }
    assertThat(run("relu-he", 1).accuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void deadReluKillsUnitsAndLeakyReluDoesNot() {
    double reluAcc = 0;
    double leakyAcc = 0;
    for (long seed = 1; seed <= 10; seed++) {
      Outcome relu = run("dead-relu", seed);
      Outcome leaky = run("leaky-relu", seed);
      assertThat(relu.maxDeadFraction()).as("dead-relu seed " + seed).isGreaterThanOrEqualTo(0.3);
      assertThat(leaky.maxDeadFraction()).as("leaky-relu seed " + seed).isZero();
      reluAcc += relu.accuracy() / 10;
      leakyAcc += leaky.accuracy() / 10;
    }
    assertThat(run("dead-relu", 1).overallDead()).isGreaterThanOrEqualTo(0.3);
    assertThat(leakyAcc).as("mean test accuracy, leaky vs relu").isGreaterThan(reluAcc + 0.1);
  }

  @Test
  void explodingGradientsGrowTowardsTheInputAndDiverge() {
    for (long seed = 1; seed <= 10; seed++) {
      Outcome r = run("exploding", seed);
      assertThat(r.initRatio()).as("seed " + seed + ": last/first at step 0").isLessThan(0.01);
      assertThat(r.step1GradNorm()).as("seed " + seed).isGreaterThan(1e3);
      assertThat(r.divergedAt()).as("seed " + seed).isBetween(1L, 20L);
    }
  }
}
