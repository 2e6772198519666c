package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import org.activationlab.activation.Catalog;
import org.activationlab.nn.Evaluation;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.TrainingSession;
import org.junit.jupiter.api.Test;

/**
 * Each preset shows its phenomenon within its default step count, for the default seed and
 * (where the phenomenon is statistical) across seeds 1–10, and every figure its explanation
 * states, and the guide's table of presets (docs/guide.md), is produced here by running it.
 * Gradient ratios are last hidden layer over first hidden layer of the mean |δ|, per step (as
 * the heatmap's title shows them) or averaged over the last 20 steps.
 */
class PresetsTest {

  /** The numbers each explanation states (in both languages); each is checked below. */
  private static final Map<String, Set<Double>> STATED = Map.of(
      "playground", Set.of(4.0, 2.0),
      "deep-sigmoid", Set.of(0.25),
      "deep-tanh", Set.of(0.0, 0.15),
      "xavier-tanh", Set.of(2.0),
      "relu-he", Set.of(2.0, 1.0, 7.0, 10.0),
      "dead-relu", Set.of(0.0),
      "leaky-relu", Set.of(0.1, 0.0),
      "exploding", Set.of(0.0, 3.0, 8.0, 0.7, 6.0, 7.0, 1.0));
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Map<String, Outcome> RUNS = new ConcurrentHashMap<>();

  /** {@link #run}, once per preset and seed for the whole class. */
  static Outcome outcome(String preset, long seed) {
    return RUNS.computeIfAbsent(preset + "@" + seed, k -> run(preset, seed));
  }

  /**
   * @param ratio last over first hidden layer's mean |δ|, averaged over the last 20 steps
   * @param initRatio the same at step 0
   * @param minRatio the smallest per-step ratio, steps 0 to the end
   * @param maxRatio the largest per-step ratio
   */
  record Outcome(double ratio, double initRatio, double minRatio, double maxRatio,
      double maxGradNorm, double step1GradNorm, double maxDeadFraction, double overallDead,
      double accuracy, long divergedAt) {}

  static Outcome run(String preset, long seed) {
    Scenario s = Presets.get(preset).scenario().toBuilder().seed(seed).build();
    TrainingSession t = s.session();
    int layers = t.network().layerCount();
    int lastHidden = layers - 2;
    // step 0 as the Lab shows it: the first mini-batch's gradients without an update
    TrainingSnapshot step0 = new Run(s).snapshot();
    double initRatio = step0.layers().get(lastHidden).gradMeanAbs()
        / step0.layers().get(0).gradMeanAbs();
    double minRatio = initRatio;
    double maxRatio = initRatio;
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
      double r = t.stepStatistics().gradMeanAbs[lastHidden] / t.stepStatistics().gradMeanAbs[0];
      minRatio = Math.min(minRatio, r);
      maxRatio = Math.max(maxRatio, r);
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
    return new Outcome(avg[lastHidden] / avg[0], initRatio, minRatio, maxRatio, maxNorm,
        step1Norm, maxDead, p.deadFractionOverall(), e.accuracy, diverged);
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
    Scenario s = Presets.get("playground").scenario();
    // "two hidden tanh layers (4 and 2 units)"
    assertThat(s.hidden()).containsExactly(4, 2);
    assertThat(s.activation()).isEqualTo("tanh");
    Outcome r = outcome("playground", s.seed());
    assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.divergedAt()).isEqualTo(-1);
    // "gradients are of similar size in both layers": within a factor of 3 at every step
    assertThat(r.minRatio()).isGreaterThan(1 / 3.0);
    assertThat(r.maxRatio()).isLessThan(3);
  }

  @Test
  void everyNumberOfAnExplanationIsOneTheseTestsCheck() {
    for (Presets.Preset p : Presets.all()) {
      Set<Double> en = numbers(p.explanation(Locale.ENGLISH));
      Set<Double> zh = numbers(p.explanation(Locale.CHINESE));
      assertThat(zh).as(p.name() + ": the Chinese states the English numbers").isEqualTo(en);
      assertThat(STATED.get(p.name())).as(p.name() + ": checked numbers").isEqualTo(en);
    }
  }

  static Set<Double> numbers(String text) {
    Set<Double> out = new TreeSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(Double.parseDouble(m.group()));
    }
    return out;
  }

  @Test
  void deepSigmoidGradientsVanish() {
    // "sigmoid′ is at most 0.25"
    assertThat(Catalog.parse("sigmoid").derivative(0)).isEqualTo(0.25);
    assertThat(Presets.get("deep-sigmoid").scenario().activation()).isEqualTo("sigmoid");
    for (long seed = 1; seed <= 10; seed++) {
      Outcome r = outcome("deep-sigmoid", seed);
      // "more than ten thousand times smaller than the last hidden layer's", at every step
      assertThat(r.minRatio()).as("seed " + seed).isGreaterThan(10_000);
    }
  }

  @Test
  void deepTanhVanishesAndXavierFixesIt() {
    for (long seed = 1; seed <= 10; seed++) {
      Outcome deep = outcome("deep-tanh", seed);
      Outcome xavier = outcome("xavier-tanh", seed);
      // "orders of magnitude below the last one", at every step
      assertThat(deep.minRatio()).as("deep-tanh seed " + seed).isGreaterThanOrEqualTo(100);
      assertThat(xavier.ratio()).as("xavier-tanh seed " + seed).isBetween(0.05, 20.0);
      assertThat(deep.ratio() / xavier.ratio()).as("seed " + seed).isGreaterThan(100);
    }
  }

  @Test
  void reluHeKeepsTheHeatmapsRowsWithinOneDecadeAtSevenOfTenSteps() {
    Scenario s = Presets.get("relu-he").scenario();
    assertThat(s.activation()).isEqualTo("relu");
    assertThat(s.init().spec()).isEqualTo("he_normal"); // variance 2/fan_in: MlpTest
    assertThat(Catalog.parse("relu").derivative(0.5)).isEqualTo(1);
    Run run = new Run(s);
    int within = 0;
    for (int i = 0; i <= s.steps(); i++) {
      if (i > 0) {
        assertThat(run.step()).isTrue();
      }
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (LayerSnapshot l : run.snapshot(false).layers()) { // every row, the output's too
        min = Math.min(min, l.gradMeanAbs());
        max = Math.max(max, l.gradMeanAbs());
      }
      within += max <= 10 * min ? 1 : 0;
    }
    double share = within / (s.steps() + 1.0);
    assertThat(Math.round(share * 10)).as("steps of 10 within one decade: " + share)
        .isEqualTo(7);
  }

  @Test
  void reluHeKeepsGradientsAlive() {
    for (long seed = 1; seed <= 10; seed++) {
      Outcome r = outcome("relu-he", seed);
      assertThat(r.ratio()).as("seed " + seed).isBetween(1 / 50.0, 50.0);
      assertThat(r.initRatio()).as("seed " + seed + " at step 0").isBetween(1 / 50.0, 50.0);
    }
    assertThat(outcome("relu-he", 1).accuracy()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void deadFirstLayerUnitsNeverRecoverAndLeakyUnitsNeverDie() {
    for (long seed = 1; seed <= 10; seed++) {
      for (String preset : List.of("dead-relu", "leaky-relu")) {
        Scenario s = Presets.get(preset).scenario().toBuilder().seed(seed).build();
        TrainingSession t = s.session();
        ProbeStatistics p = ProbeStatistics.of(t.network());
        boolean[] wasDead = new boolean[s.hidden().get(0)];
        for (int i = 0; i <= s.steps(); i++) {
          if (i > 0) {
            t.step();
          }
          t.probe(p);
          if (preset.equals("leaky-relu")) { // "the dead % stays at 0"
            assertThat(p.deadFractionOverall()).as("seed " + seed + ", step " + i).isZero();
            continue;
          }
          for (int j = 0; j < wasDead.length; j++) { // "in the first layer they never recover"
            if (wasDead[j]) {
              assertThat(p.dead[0][j]).as("seed " + seed + ", unit " + j + ", step " + i)
                  .isTrue();
            }
            wasDead[j] = p.dead[0][j];
          }
        }
      }
    }
    // "slope 0.1 for z < 0"
    assertThat(Catalog.parse("leaky_relu:negative_slope=0.1").derivative(-2)).isEqualTo(0.1);
    assertThat(Presets.get("leaky-relu").scenario().activation())
        .isEqualTo("leaky_relu:negative_slope=0.1");
  }

  @Test
  void deadReluKillsUnitsAndLeakyReluDoesNot() {
    double reluAcc = 0;
    double leakyAcc = 0;
    for (long seed = 1; seed <= 10; seed++) {
      Outcome relu = outcome("dead-relu", seed);
      Outcome leaky = outcome("leaky-relu", seed);
      assertThat(relu.maxDeadFraction()).as("dead-relu seed " + seed).isGreaterThanOrEqualTo(0.3);
      assertThat(leaky.maxDeadFraction()).as("leaky-relu seed " + seed).isZero();
      reluAcc += relu.accuracy() / 10;
      leakyAcc += leaky.accuracy() / 10;
    }
    assertThat(outcome("dead-relu", 1).overallDead()).isGreaterThanOrEqualTo(0.3);
    assertThat(leakyAcc).as("mean test accuracy, leaky vs relu").isGreaterThan(reluAcc + 0.1);
  }

  @Test
  void explodingGradientsGrowTowardsTheInputAndDiverge() {
    for (long seed = 1; seed <= 10; seed++) {
      Outcome r = outcome("exploding", seed);
      assertThat(r.initRatio()).as("seed " + seed + ": last/first at step 0").isLessThan(0.01);
      assertThat(r.step1GradNorm()).as("seed " + seed).isGreaterThan(1e3);
      assertThat(r.divergedAt()).as("seed " + seed).isBetween(1L, 20L);
      // "within two or three steps the loss is over a thousand times its first value"
      Run run = new Run(Presets.get("exploding").scenario().toBuilder().seed(seed).build());
      while (run.step()) {
        assertThat(run.stepCount()).isLessThan(3);
      }
      assertThat(run.divergence().reason()).isEqualTo(Divergence.Reason.LOSS_BLOW_UP);
      assertThat(run.divergedAtStep()).as("seed " + seed).isBetween(2L, 3L);
    }
    // "weights from N(0, 3²). Each layer multiplies the signal by about 3·√8·0.7 ≈ 6"
    Scenario s = Presets.get("exploding").scenario();
    assertThat(s.init().spec()).isEqualTo("normal:stddev=3.0");
    assertThat(s.hidden()).containsExactly(8, 8, 8, 8, 8, 8);
    double gain = Math.sqrt((1 + 0.1 * 0.1) / 2); // Leaky ReLU 0.1 on a symmetric z
    assertThat(Math.round(gain * 10) / 10.0).isEqualTo(0.7);
    assertThat(Math.round(3 * Math.sqrt(8) * 0.7)).isEqualTo(6);
    // "(7 in this network at step 0, seed 1)": the activations' spread, layer over layer
    TrainingSnapshot step0 = new Run(s).snapshot(false);
    double growth = Math.pow(step0.layers().get(5).activationStd()
        / step0.layers().get(0).activationStd(), 1 / 5.0);
    assertThat(Math.round(growth)).as("growth per layer " + growth).isEqualTo(7);
    // "at step 0 the heatmap is brightest at the first layer"
    double first = step0.layers().get(0).gradMeanAbs();
    assertThat(step0.layers()).allSatisfy(l -> assertThat(l.gradMeanAbs())
        .isLessThanOrEqualTo(first));
  }

  /**
   * The table of presets in docs/guide.md: the ranges over seeds 1–10 (the ≈ of the guide: each
   * stated end within 10 % of the measured one) and the seed-1 figures.
   */
  @Test
  void theGuidesTableOfPresets() {
    assertThat(outcome("playground", 1).accuracy()).isEqualTo(1.0);
    assertRange("deep-sigmoid", Outcome::ratio, 1.4e4, 8.5e4);
    assertRange("deep-tanh", Outcome::ratio, 120, 2100);
    assertRange("xavier-tanh", Outcome::ratio, 0.2, 0.8);
    assertRange("relu-he", Outcome::ratio, 0.08, 0.5);
    assertThat(outcome("relu-he", 1).accuracy()).isEqualTo(1.0);
    assertRange("dead-relu", Outcome::maxDeadFraction, 0.44, 1.0);
    assertThat(Math.round(outcome("dead-relu", 1).maxDeadFraction() * 100)).isEqualTo(63);
    assertThat(Math.round(outcome("dead-relu", 1).overallDead() * 100)).isEqualTo(42);
    double leaky = LongStream.rangeClosed(1, 10).mapToDouble(
        seed -> outcome("leaky-relu", seed).accuracy()).average().orElseThrow();
    double relu = LongStream.rangeClosed(1, 10).mapToDouble(
        seed -> outcome("dead-relu", seed).accuracy()).average().orElseThrow();
    assertThat(Math.round(leaky * 100)).isEqualTo(85);
    assertThat(Math.round(relu * 100)).isEqualTo(59);
    // exploding: at step 0 the first layer's mean |δ| is ~1e4 × the last hidden layer's
    assertThat(Math.round(Math.log10(1 / outcome("exploding", 1).initRatio()))).isEqualTo(4);
  }

  private static void assertRange(String preset, java.util.function.ToDoubleFunction<Outcome> f,
      double low, double high) {
    double[] v = LongStream.rangeClosed(1, 10).mapToDouble(seed -> f.applyAsDouble(
        outcome(preset, seed))).toArray();
    double min = DoubleStream.of(v).min().orElseThrow();
    double max = DoubleStream.of(v).max().orElseThrow();
    assertThat(low).as(preset + ": lowest " + min).isCloseTo(min,
        org.assertj.core.data.Percentage.withPercentage(10));
    assertThat(high).as(preset + ": highest " + max).isCloseTo(max,
        org.assertj.core.data.Percentage.withPercentage(10));
  }
}
