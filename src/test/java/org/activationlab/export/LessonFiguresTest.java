package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.render.DecadeRange;
import org.activationlab.render.GradientHeatmapModel;
import org.activationlab.render.HistoryMetric;
import org.activationlab.render.LabDrawings;
import org.activationlab.render.LabModels;
import org.activationlab.render.Theme;
import org.activationlab.training.Comparison;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Every figure the sample lessons state, produced by running them: each lesson's scenario is
 * trained with {@link Run} to its designed step, measured at every step as the Lab measures it
 * (the heatmap's first : last ratio is the last hidden layer's mean |δ| over the first's), and
 * each number of its notes is checked with the precision it is written with. The English and
 * Chinese notes state the same numbers, and no number is stated that this test does not check.
 */
class LessonFiguresTest {

  private static final Path LESSONS = Path.of("assets", "scenarios");
  /** A number as the notes write it: 0.43, 12.5, 75 000 (a no-break space between groups). */
  private static final Pattern NUMBER =
      Pattern.compile("\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})+(?![\\d.])|\\d+(?:\\.\\d+)?");

  private static ScenarioDocument lesson(String file) throws Exception {
    return ScenarioFile.read(LESSONS.resolve(file)).document();
  }

  /** The snapshots of steps 0 to the scenario's designed step, as the Lab would show them. */
  static List<TrainingSnapshot> trace(Scenario s) {
    Run run = new Run(s);
    List<TrainingSnapshot> out = new ArrayList<>();
    out.add(run.snapshot(false));
    for (int i = 1; i <= s.steps(); i++) {
      assertThat(run.step()).as("step " + i + " of a lesson does not diverge").isTrue();
      out.add(run.snapshot(false));
    }
    return out;
  }

  /** Last hidden layer's mean |δ| over the first's: "first : last = 1 : ratio". */
  static double ratio(TrainingSnapshot s) {
    List<LayerSnapshot> l = s.layers();
    return l.get(l.size() - 2).gradMeanAbs() / l.get(0).gradMeanAbs();
  }

  /** Rounded to two significant digits, as the heatmap's title and the notes give ratios. */
  static double twoDigits(double v) {
    return new BigDecimal(v).round(new MathContext(2)).doubleValue();
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /** The numbers written in a text (0.15, 75 000 → 75000), in order of first appearance. */
  static Set<Double> numbers(String text) {
    Set<Double> out = new TreeSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(Double.parseDouble(m.group().replaceAll("[\\u00a0\\u202f ]", "")));
    }
    return out;
  }

  /** Both languages state the same numbers, and only {@code checked} ones. */
  private static void statesOnly(ScenarioDocument doc, double... checked) {
    Set<Double> en = numbers(doc.notes().en());
    Set<Double> zh = numbers(doc.notes().zh());
    assertThat(zh).as("the Chinese notes state the English notes' numbers").isEqualTo(en);
    Set<Double> known = new TreeSet<>();
    Arrays.stream(checked).forEach(known::add);
    assertThat(known).as("every number of the notes is checked here").containsAll(en);
  }

  private static double[] ratios(List<TrainingSnapshot> trace) {
    return trace.stream().mapToDouble(LessonFiguresTest::ratio).toArray();
  }

  // -------------------------------------------------------------------------- the lessons

  @Test
  void vanishingGradients() throws Exception {
    ScenarioDocument doc = lesson("vanishing-gradients.json");
    Scenario s = doc.lab();
    // "eight sigmoid layers of 8 units, Glorot-uniform weights, SGD with learning rate 0.1"
    assertThat(s).isEqualTo(Presets.get("deep-sigmoid").scenario());
    assertThat(s.hidden()).containsExactly(8, 8, 8, 8, 8, 8, 8, 8);
    assertThat(s.activation()).isEqualTo("sigmoid");
    assertThat(s.init().spec()).isEqualTo("glorot_uniform");
    assertThat(s.optimizer().id()).isEqualTo("sgd");
    assertThat(s.learningRate()).isEqualTo(0.1);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.steps()).isEqualTo(300);
    // Explorer: σ′ at most 0.25, at x = 0; below 0.007 for |x| ≥ 5
    Activation sigmoid = Catalog.parse("sigmoid");
    assertThat(sigmoid.derivative(0)).isEqualTo(0.25);
    for (double x = -20; x <= 20; x += 0.01) {
      assertThat(sigmoid.derivative(x)).isLessThanOrEqualTo(0.25);
      if (Math.abs(x) >= 5) {
        assertThat(sigmoid.derivative(x)).as("σ′(" + x + ")").isLessThan(0.007);
      }
    }

    List<TrainingSnapshot> trace = trace(s);
    assertThat(trace).hasSize(301);
    for (TrainingSnapshot t : trace) {
      // every layer's mean |δ| is smaller than the next one's
      for (int l = 0; l + 1 < t.layers().size(); l++) {
        assertThat(t.layers().get(l).gradMeanAbs()).as("step " + t.step() + ", layer " + l)
            .isLessThan(t.layers().get(l + 1).gradMeanAbs());
      }
      // between 75 000 and 93 000 times below, at every one of the 300 steps
      assertThat(twoDigits(ratio(t))).as("step " + t.step()).isBetween(75_000.0, 93_000.0);
      // the test accuracy stays at chance: 0.43 or 0.57
      assertThat(t.scores().accuracy()).as("step " + t.step()).isIn(0.43, 0.57);
    }
    double[] r = ratios(trace);
    assertThat(twoDigits(Arrays.stream(r).min().orElseThrow())).isEqualTo(75_000);
    assertThat(twoDigits(Arrays.stream(r).max().orElseThrow())).isEqualTo(93_000);
    // 0.43 and 0.57 are the shares of the two classes in the test set
    var test = trace.get(0).data().test();
    assertThat((double) test.count(0) / test.size()).isEqualTo(0.43);
    assertThat((double) test.count(1) / test.size()).isEqualTo(0.57);
    statesOnly(doc, 0, 0.25, 0.007, 5, 8, 0.1, 1, 75_000, 93_000, 300, 0.43, 0.57);
  }

  @Test
  void deadRelus() throws Exception {
    ScenarioDocument doc = lesson("dead-relus.json");
    Scenario s = doc.lab();
    // "three ReLU layers of 16 units start with bias −0.5 and train with SGD at 1.5"
    assertThat(s).isEqualTo(Presets.get("dead-relu").scenario());
    assertThat(s.hidden()).containsExactly(16, 16, 16);
    assertThat(s.activation()).isEqualTo("relu");
    assertThat(s.biasInit().spec()).isEqualTo("constant:value=-0.5");
    assertThat(s.optimizer().id()).isEqualTo("sgd");
    assertThat(s.learningRate()).isEqualTo(1.5);
    assertThat(s.steps()).isEqualTo(300);
    // Explorer: ReLU′ exactly 0 for x < 0, Leaky ReLU′ keeps 0.1
    Activation relu = Catalog.parse("relu");
    Activation leaky = Catalog.parse("leaky_relu:negative_slope=0.1");
    for (double x = -10; x < 0; x += 0.01) {
      assertThat(relu.derivative(x)).isZero();
      assertThat(leaky.derivative(x)).isEqualTo(0.1);
    }

    List<TrainingSnapshot> trace = trace(s);
    TrainingSnapshot start = trace.get(0);
    // at step 0 the bias kills 2, 4 and 11 of the 16 units (seed 1)
    assertThat(start.layers().subList(0, 3)).extracting(LayerSnapshot::deadCount)
        .containsExactly(2, 4, 11);
    // the heatmap rounds 12.5 % to 12 %
    assertThat(Theme.light().text("heatmap.row", 100 * start.layers().get(0).deadFraction(),
        0)).startsWith("dead 12 %");
    // in the first layer a dead unit stays dead; its dead units grow from 2 to 7 of 16 (44 %)
    boolean[] dead = new boolean[16];
    int revived = 0;
    int died = 0;
    boolean[][] deeper = new boolean[2][16];
    for (TrainingSnapshot t : trace) {
      for (int j = 0; j < 16; j++) {
        if (dead[j]) {
          assertThat(t.layers().get(0).isDead(j)).as("unit " + j + " at step " + t.step())
              .isTrue();
        }
        dead[j] = t.layers().get(0).isDead(j);
        for (int l = 1; l <= 2; l++) { // deeper layers: dead units come and go
          boolean now = t.layers().get(l).isDead(j);
          revived += t.step() > 0 && deeper[l - 1][j] && !now ? 1 : 0;
          died += t.step() > 0 && !deeper[l - 1][j] && now ? 1 : 0;
          deeper[l - 1][j] = now;
        }
      }
    }
    TrainingSnapshot end = trace.get(300);
    assertThat(end.layers().get(0).deadCount()).isEqualTo(7);
    assertThat(Math.round(100 * end.layers().get(0).deadFraction())).isEqualTo(44);
    assertThat(revived).as("deeper units that come back").isPositive();
    assertThat(died).as("deeper units that die").isPositive();
    // with Leaky ReLU 0.1 (preset leaky-relu) the dead % stays at 0 at every step
    Scenario leakyLesson = s.toBuilder().activation("leaky_relu:negative_slope=0.1").build();
    assertThat(leakyLesson).isEqualTo(Presets.get("leaky-relu").scenario());
    for (TrainingSnapshot t : trace(leakyLesson)) {
      assertThat(t.deadFraction()).as("step " + t.step()).isZero();
    }
    statesOnly(doc, 0, 0.1, 16, 0.5, 1.5, 2, 4, 11, 1, 12.5, 12, 7, 44, 300);
  }

  @Test
  void initialisation() throws Exception {
    ScenarioDocument doc = lesson("initialisation.json");
    Scenario s = doc.lab();
    // "eight tanh layers of 8 units with weights drawn from N(0, 0.15²)"
    assertThat(s).isEqualTo(Presets.get("deep-tanh").scenario());
    assertThat(s.hidden()).containsExactly(8, 8, 8, 8, 8, 8, 8, 8);
    assertThat(s.activation()).isEqualTo("tanh");
    assertThat(s.init().spec()).isEqualTo("normal:stddev=0.15");
    assertThat(s.steps()).isEqualTo(300);
    // each layer multiplies the error by about 0.15·√8 ≈ 0.42 on its way back
    assertThat(twoDigits(0.15 * Math.sqrt(8))).isEqualTo(0.42);
    List<TrainingSnapshot> small = trace(s);
    for (TrainingSnapshot t : small) {
      double perLayer = Math.pow(1 / ratio(t), 1.0 / 7); // seven layers between first and last
      assertThat(perLayer).as("step " + t.step()).isCloseTo(0.42, org.assertj.core.data.Offset
          .offset(0.042));
      // the heatmap's title: first : last between 1 : 320 and 1 : 360 at every step
      assertThat(twoDigits(ratio(t))).as("step " + t.step()).isBetween(320.0, 360.0);
    }
    // before training the signal shrinks layer by layer on its way forward too
    for (int l = 1; l < 8; l++) {
      assertThat(small.get(0).layers().get(l).activationStd()).as("layer " + l)
          .isLessThan(small.get(0).layers().get(l - 1).activationStd());
    }
    double[] r = ratios(small);
    assertThat(twoDigits(Arrays.stream(r).min().orElseThrow())).isEqualTo(320);
    assertThat(twoDigits(Arrays.stream(r).max().orElseThrow())).isEqualTo(360);
    assertThat(twoDigits(median(r))).as("about 340 times below").isEqualTo(340);
    assertThat(small.get(300).scores().accuracy()).isEqualTo(0.43);

    // glorot_normal (preset xavier-tanh): first : last from 8.3 : 1 to 1 : 2.1, median 2.7 : 1
    Scenario glorot = s.withSetting("init", "glorot_normal");
    assertThat(glorot).isEqualTo(Presets.get("xavier-tanh").scenario());
    List<TrainingSnapshot> fixed = trace(glorot);
    double[] g = ratios(fixed);
    double[] firstOverLast = Arrays.stream(g).map(x -> 1 / x).toArray();
    assertThat(twoDigits(Arrays.stream(firstOverLast).max().orElseThrow())).isEqualTo(8.3);
    assertThat(twoDigits(Arrays.stream(g).max().orElseThrow())).isEqualTo(2.1);
    assertThat(twoDigits(median(firstOverLast))).isEqualTo(2.7);
    for (double x : g) { // of the same order: within a factor of 10 at every step
      assertThat(Math.max(x, 1 / x)).isLessThan(10);
    }
    assertThat(fixed.get(300).scores().accuracy()).isEqualTo(0.87);
    statesOnly(doc, 0, 0.15, 2, 8, 0.42, 1, 320, 360, 340, 300, 0.43, 8.3, 2.1, 2.7, 10, 0.87);
  }

  @Test
  void compareSigmoidRelu() throws Exception {
    ScenarioDocument doc = lesson("compare-sigmoid-relu.json");
    // "the deep sigmoid network (A) and the same network with ReLU and He-normal weights (B)"
    Comparison pair = doc.comparison().orElseThrow();
    assertThat(pair).isEqualTo(Comparison.ofPresetPair("deep-sigmoid"));
    assertThat(pair.a()).isEqualTo(Presets.get("deep-sigmoid").scenario());
    assertThat(pair.b()).isEqualTo(Presets.get("relu-he").scenario());
    assertThat(pair.describe()).isEqualTo(
        "activation sigmoid → relu, init glorot_uniform → he_normal");
    // same data, same seed 1, the same 300 steps
    assertThat(pair.a().seed()).isEqualTo(1);
    assertThat(pair.b().seed()).isEqualTo(1);
    assertThat(pair.a().steps()).isEqualTo(300);
    assertThat(pair.b().steps()).isEqualTo(300);
    // Explorer: σ′ at most 0.25, ReLU′(x) = 1 for x > 0
    Activation sigmoid = Catalog.parse("sigmoid");
    Activation relu = Catalog.parse("relu");
    assertThat(sigmoid.derivative(0)).isEqualTo(0.25);
    for (double x = -20; x <= 20; x += 0.01) {
      assertThat(sigmoid.derivative(x)).isLessThanOrEqualTo(0.25);
      if (x > 0) {
        assertThat(relu.derivative(x)).isEqualTo(1);
      }
    }

    List<TrainingSnapshot> a = trace(pair.a());
    List<TrainingSnapshot> b = trace(pair.b());
    assertThat(a).hasSize(301);
    assertThat(b).hasSize(301);
    for (int k = 0; k <= 300; k++) {
      TrainingSnapshot ta = a.get(k);
      TrainingSnapshot tb = b.get(k);
      // A fades towards the input: between 75 000 and 93 000 times below, at every step
      assertThat(twoDigits(ratio(ta))).as("A, step " + k).isBetween(75_000.0, 93_000.0);
      for (int l = 0; l + 1 < ta.layers().size(); l++) {
        assertThat(ta.layers().get(l).gradMeanAbs()).as("A, step " + k + ", layer " + l)
            .isLessThan(ta.layers().get(l + 1).gradMeanAbs());
      }
      // B stays even: first and last hidden layer within a factor of 20, at every step
      assertThat(Math.max(ratio(tb), 1 / ratio(tb))).as("B, step " + k).isLessThan(20);
      // A's darkest rows are smaller than every row of B
      for (LayerSnapshot row : tb.layers()) {
        assertThat(ta.layers().get(0).gradMeanAbs()).as("step " + k)
            .isLessThan(row.gradMeanAbs());
      }
      // A's test accuracy stays at chance
      assertThat(ta.scores().accuracy()).as("A, step " + k).isIn(0.43, 0.57);
    }
    double[] r = ratios(a);
    assertThat(twoDigits(Arrays.stream(r).min().orElseThrow())).isEqualTo(75_000);
    assertThat(twoDigits(Arrays.stream(r).max().orElseThrow())).isEqualTo(93_000);
    // B: 0.94 at step 100, 1.0 at step 300
    assertThat(b.get(100).scores().accuracy()).isEqualTo(0.94);
    assertThat(b.get(300).scores().accuracy()).isEqualTo(1.0);
    // one colour scale for both halves: the range holding both runs' values
    LabDrawings d = new LabDrawings(new LabDrawings.Fixed(a.get(300).comparedWith(b.get(300)),
        HistoryMetric.MEAN_ABS_DELTA, true, 0));
    GradientHeatmapModel left = d.heatmapModel(Theme.light());
    GradientHeatmapModel right = d.side(1).heatmapModel(Theme.light());
    DecadeRange union = LabModels.gradientRange(a.get(300))
        .union(LabModels.gradientRange(b.get(300)));
    assertThat(new int[] {left.decadeMin(), left.decadeMax()})
        .containsExactly(union.min(), union.max());
    assertThat(new int[] {right.decadeMin(), right.decadeMax()})
        .containsExactly(union.min(), union.max());
    statesOnly(doc, 1, 300, 0.25, 0, 75_000, 93_000, 20, 0.43, 0.57, 0.94, 100, 1.0);
  }

  /** Test accuracy after the scenario's designed steps (measured once, at the end). */
  static double accuracyAtEnd(Scenario s) {
    Run run = new Run(s);
    for (int i = 0; i < s.steps(); i++) {
      assertThat(run.step()).isTrue();
    }
    return run.snapshot(false).scores().accuracy();
  }

  @Test
  void spiralFeatures() throws Exception {
    ScenarioDocument doc = lesson("spiral-features.json");
    Comparison pair = doc.comparison().orElseThrow();
    Scenario a = pair.a();
    Scenario b = pair.b();
    assertThat(a.dataset().id()).isEqualTo("spiral");
    assertThat(a.hidden()).containsExactly(8);
    assertThat(a.activation()).isEqualTo("tanh");
    assertThat(a.learningRate()).isEqualTo(0.02);
    assertThat(a.seed()).isEqualTo(1);
    assertThat(a.steps()).isEqualTo(5000);
    assertThat(a.features().size()).isEqualTo(7);
    assertThat(a.setting("features")).isEqualTo("x1,x2,x1sq,x2sq,x1x2,sin1,sin2");
    assertThat(b.setting("features")).isEqualTo("x1,x2");
    assertThat(pair.describe()).isEqualTo("features x1,x2,x1sq,x2sq,x1x2,sin1,sin2 → x1,x2");
    double[] withF = new double[5];
    double[] without = new double[5];
    for (int seed = 1; seed <= 5; seed++) {
      withF[seed - 1] = accuracyAtEnd(a.toBuilder().seed(seed).build());
      without[seed - 1] = accuracyAtEnd(b.toBuilder().seed(seed).build());
    }
    // seed 1, the lesson's own runs
    assertThat(withF[0]).isCloseTo(0.88, within(1e-12));
    assertThat(without[0]).isCloseTo(0.65, within(1e-12));
    // seeds 1 to 5
    assertThat(Arrays.stream(withF).min().getAsDouble()).isCloseTo(0.85, within(1e-12));
    assertThat(Arrays.stream(withF).max().getAsDouble()).isCloseTo(0.97, within(1e-12));
    assertThat(Arrays.stream(without).min().getAsDouble()).isCloseTo(0.52, within(1e-12));
    assertThat(Arrays.stream(without).max().getAsDouble()).isCloseTo(0.65, within(1e-12));
    statesOnly(doc, 8, 0.02, 1, 2, 5000, 7, 0.65, 0.88, 5, 0.85, 0.97, 0.52);
  }

  @Test
  void numbersAreFoundAsTheNotesWriteThem() {
    assertThat(numbers("between 75\u00a0000 and 93\u00a0000 times, 0.43 or 0.57; 1\u00a0:\u00a0320"
        + " of 16 units, 12.5\u00a0% $0.15\\sqrt{8}\\approx 0.42$"))
        .containsExactly(0.15, 0.42, 0.43, 0.57, 1.0, 8.0, 12.5, 16.0, 320.0, 75_000.0,
            93_000.0);
  }
}
