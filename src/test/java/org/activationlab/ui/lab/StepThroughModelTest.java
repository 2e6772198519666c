package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.activationlab.nn.SampleTrace;
import org.activationlab.render.FormulaPicture;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.SampleTraces.Split;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.lab.StepThroughModel.Kind;
import org.activationlab.ui.lab.StepThroughModel.Stage;
import org.activationlab.ui.lab.StepThroughModel.Sum;
import org.junit.jupiter.api.Test;

/** The step-through view's stages and formulas, without JavaFX. */
class StepThroughModelTest {

  /** The playground preset: 2 inputs, hidden layers of 4 and 2 tanh units, 1 output. */
  private static Run playground(int steps) {
    Run run = new Run(Presets.get("playground").scenario());
    for (int k = 0; k < steps; k++) {
      run.step();
    }
    return run;
  }

  @Test
  void aTwoFourTwoOneNetworkHasTenStagesInOrder() {
    StepThroughModel m = StepThroughModel.of(playground(0).snapshot(), Split.TRAIN, 0);
    assertThat(m.trace().layerCount()).isEqualTo(3);
    assertThat(m.trace().width(0)).isEqualTo(4);
    assertThat(m.stages()).containsExactly(
        new Stage(Kind.FORWARD, 0), new Stage(Kind.FORWARD, 1), new Stage(Kind.FORWARD, 2),
        new Stage(Kind.LOSS, 2),
        new Stage(Kind.BACKWARD, 2), new Stage(Kind.BACKWARD, 1), new Stage(Kind.BACKWARD, 0),
        new Stage(Kind.UPDATE, 0), new Stage(Kind.UPDATE, 1), new Stage(Kind.UPDATE, 2));
    assertThat(m.showsAllUnits(new Stage(Kind.FORWARD, 0))).as("4 units: all shown").isTrue();
    assertThat(m.showsAllUnits(new Stage(Kind.UPDATE, 0))).as("a chosen weight").isFalse();
  }

  @Test
  void steppingStaysWithinTheStages() {
    StepThroughModel m = StepThroughModel.of(playground(0).snapshot(), Split.TEST, 3);
    assertThat(m.index()).isZero();
    assertThat(m.previous()).as("back from the first stage").isFalse();
    assertThat(m.index()).isZero();
    assertThat(m.next()).isTrue();
    assertThat(m.stage()).isEqualTo(new Stage(Kind.FORWARD, 1));
    assertThat(m.previous()).isTrue();
    assertThat(m.index()).isZero();
    m.go(100);
    assertThat(m.index()).isEqualTo(m.stages().size() - 1);
    assertThat(m.next()).as("on from the last stage").isFalse();
    assertThat(m.stage()).isEqualTo(new Stage(Kind.UPDATE, 2));
  }

  /** Every number written in a formula, in order (LaTeX: −x written "-x", parentheses). */
  private static List<Double> numbers(String latex) {
    List<Double> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?<![\\w{^_])-?\\d+(\\.\\d+)?(\\\\times 10\\^\\{-?\\d+\\})?")
        .matcher(latex.replaceAll("\\^\\{\\[\\d+\\]\\}_\\{\\d+\\}", "")
            .replaceAll("_\\{[\\d,]+\\}", "").replace("(", " ").replace(")", " "));
    while (m.find()) {
      String s = m.group();
      int t = s.indexOf("\\times");
      out.add(t < 0 ? Double.parseDouble(s) : Double.parseDouble(s.substring(0, t))
          * Math.pow(10, Double.parseDouble(s.substring(s.indexOf('{') + 1, s.length() - 1))));
    }
    return out;
  }

  @Test
  void theNumbersOfZsFormulaAreTheTracesAndSumToItsZ() {
    StepThroughModel m = StepThroughModel.of(playground(150).snapshot(), Split.TRAIN, 7);
    SampleTrace t = m.trace();
    for (int l = 0; l < t.layerCount(); l++) {
      for (int j = 0; j < t.width(l); j++) {
        Sum z = m.zSum(l, j);
        // the values used are the trace's, and added in its order give its z, bit for bit
        for (int i = 0; i < t.fanIn(l); i++) {
          assertThat(z.factors()[i]).isEqualTo(t.weight(l, j, i));
          assertThat(z.values()[i]).isEqualTo(t.input(l, i));
        }
        assertThat(z.constant()).isEqualTo(t.bias(l, j));
        assertThat(z.recomputed()).isEqualTo(t.z(l, j));
        // the numbers written: w1, a1, w2, a2, …, b, z; rounded to 4 digits, they add up to z
        String line = m.unitFormulas(new Stage(Kind.FORWARD, l), j, 0).get(0);
        List<Double> n = numbers(line.substring(line.indexOf('=') + 1));
        assertThat(n).as(line).hasSize(2 * t.fanIn(l) + 2);
        double sum = n.get(n.size() - 2);
        double slack = 0;
        for (int i = 0; i < t.fanIn(l); i++) {
          sum += n.get(2 * i) * n.get(2 * i + 1);
          slack += 1e-3 * Math.abs(n.get(2 * i) * n.get(2 * i + 1));
        }
        slack += 1e-3 * (Math.abs(n.get(n.size() - 2)) + Math.abs(t.z(l, j)));
        assertThat(sum).as(line).isCloseTo(t.z(l, j), org.assertj.core.data.Offset.offset(slack));
        assertThat(n.get(n.size() - 1)).as(line).isCloseTo(t.z(l, j),
            org.assertj.core.data.Offset.offset(5e-4 * Math.abs(t.z(l, j))));
        assertThat(new FormulaPicture(line, 20).typeset()).as(line).isTrue();
      }
    }
  }

  @Test
  void deltaOfEveryHiddenUnitIsFPrimeTimesTheWeightedDeltasAbove() {
    StepThroughModel m = StepThroughModel.of(playground(150).snapshot(), Split.TRAIN, 11);
    SampleTrace t = m.trace();
    for (int l = 0; l < t.outputLayer(); l++) {
      for (int j = 0; j < t.width(l); j++) {
        // independently, from the trace's weights and the next layer's δ
        double s = 0;
        for (int k = 0; k < t.width(l + 1); k++) {
          s += t.weight(l + 1, k, j) * t.delta(l + 1, k);
        }
        double delta = t.derivative(l, j) * s;
        assertThat(t.delta(l, j)).isCloseTo(delta, org.assertj.core.data.Offset.offset(1e-12));
        Sum b = m.backSum(l, j);
        assertThat(b.recomputed()).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(b.total()).isEqualTo(t.backSum(l, j));
        // the formula shows f′(z), the back-sum and δ
        List<String> lines = m.unitFormulas(new Stage(Kind.BACKWARD, l), j, 0);
        assertThat(lines).hasSize(2);
        List<Double> n = numbers(lines.get(1).substring(lines.get(1).indexOf('=') + 1));
        assertThat(n).hasSize(3);
        assertThat(n.get(0)).isCloseTo(t.derivative(l, j),
            org.assertj.core.data.Offset.offset(5e-4 * Math.abs(t.derivative(l, j))));
        assertThat(n.get(1)).isCloseTo(s, org.assertj.core.data.Offset.offset(5e-4 * Math.abs(s)));
        assertThat(n.get(2)).isCloseTo(delta,
            org.assertj.core.data.Offset.offset(5e-4 * Math.abs(delta)));
      }
    }
    assertThatThrownBy(() -> m.backSum(t.outputLayer(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    // the output layer: δ = ŷ − y for the binary cross-entropy
    int last = t.outputLayer();
    assertThat(t.delta(last, 0)).isEqualTo(t.a(last, 0) - t.target()[0]);
    String out = m.unitFormulas(new Stage(Kind.BACKWARD, last), 0, 0).get(0);
    assertThat(numbers(out.substring(out.indexOf('=') + 1))).hasSize(3);
  }

  @Test
  void theUpdateIsMinusLearningRateTimesDeltaTimesTheInput() {
    StepThroughModel m = StepThroughModel.of(playground(40).snapshot(), Split.TRAIN, 2);
    SampleTrace t = m.trace();
    assertThat(t.learningRate()).isEqualTo(0.1);
    for (int l = 0; l < t.layerCount(); l++) {
      for (int j = 0; j < t.width(l); j++) {
        for (int i = 0; i < t.fanIn(l); i++) {
          double dw = -t.learningRate() * t.delta(l, j) * t.input(l, i);
          assertThat(t.weightUpdate(l, j, i)).isCloseTo(dw,
              org.assertj.core.data.Offset.offset(1e-15));
          List<String> lines = m.unitFormulas(new Stage(Kind.UPDATE, l), j, i);
          assertThat(lines).hasSize(3);
          // Δw = −η · δ · a = Δw: the numbers written are η, δ, a and the result
          List<Double> n = numbers(lines.get(1).substring(lines.get(1).indexOf('=') + 1));
          assertThat(n).as(lines.get(1)).hasSize(4);
          assertThat(n.get(0)).isEqualTo(-0.1);
          assertThat(n.get(3)).isCloseTo(dw, org.assertj.core.data.Offset.offset(
              5e-4 * Math.abs(dw)));
          assertThat(n.get(0) * n.get(1) * n.get(2)).isCloseTo(dw,
              org.assertj.core.data.Offset.offset(2e-3 * Math.abs(dw) + 1e-12));
        }
        List<String> bias = m.unitFormulas(new Stage(Kind.UPDATE, l), j, -1);
        assertThat(bias.get(1)).contains("\\Delta b");
      }
    }
    // the diagram: an update reads δ_j and a_i and writes the weight between them
    StepThroughModel.Highlight h = m.highlight(new Stage(Kind.UPDATE, 1), 1, 3);
    assertThat(h.reads()).containsExactlyInAnyOrder(new int[] {2, 1}, new int[] {1, 3});
    assertThat(h.writes()).isEmpty();
    assertThat(h.weight()).containsExactly(1, 3, 1);
  }

  @Test
  void worksAtAScrubbedPastStepWithThatStepsWeights() {
    Run run = playground(200);
    TrainingSnapshot past = run.at(150);
    StepThroughModel m = StepThroughModel.of(past, Split.TEST, 5);
    assertThat(m.step()).isEqualTo(150);
    assertThat(m.trace().weight(1, 1, 2)).isEqualTo(past.weights().weight(1, 1, 2))
        .isNotEqualTo(run.snapshot().weights().weight(1, 1, 2));
    StepThroughModel now = StepThroughModel.of(run.snapshot(), Split.TEST, 5);
    assertThat(now.step()).isEqualTo(200);
    assertThat(now.trace().z(2, 0)).isNotEqualTo(m.trace().z(2, 0));
  }

  @Test
  void longSumsShowTheirFirstTermsAnEllipsisAndTheTotal() {
    Scenario wide = Presets.get("playground").scenario().withSettings(Map.of("hidden", "12,3"));
    StepThroughModel m = StepThroughModel.of(new Run(wide).snapshot(), Split.TRAIN, 0);
    Stage forward = new Stage(Kind.FORWARD, 1);
    assertThat(m.terms(forward)).isEqualTo(12);
    assertThat(m.zSum(1, 0).shortened()).isTrue();
    String z = m.unitFormulas(forward, 0, 0).get(0);
    assertThat(z).contains("\\cdots").endsWith(" = " + StepThroughModel.num(m.trace().z(1, 0)));
    assertThat(numbers(z.substring(z.indexOf('=') + 1))).as(z)
        .hasSize(2 * StepThroughModel.LEAD_TERMS + 2);
    assertThat(m.showsAllUnits(new Stage(Kind.FORWARD, 0))).as("12 units: one chosen").isFalse();
    assertThat(m.showsAllUnits(forward)).isTrue();
    for (Stage s : m.stages()) {
      for (String latex : m.general(s)) {
        assertThat(new FormulaPicture(latex, 20).typeset()).as(latex).isTrue();
      }
      for (String latex : m.unitFormulas(s, 0, s.kind() == Kind.UPDATE ? -1 : 0)) {
        assertThat(new FormulaPicture(latex, 20).typeset()).as(latex).isTrue();
      }
    }
  }

  @Test
  void numbersAreWrittenForLatex() {
    assertThat(StepThroughModel.num(-0.98123)).isEqualTo("-0.9812");
    assertThat(StepThroughModel.num(1.5e-7)).isEqualTo("1.5\\times 10^{-7}");
    assertThat(StepThroughModel.factor(-2)).isEqualTo("(-2)");
    assertThat(StepThroughModel.factor(0.5)).isEqualTo("0.5");
  }
}
