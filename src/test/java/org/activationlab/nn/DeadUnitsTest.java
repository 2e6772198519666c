package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;

class DeadUnitsTest {
  private static final DataSplit CIRCLE =
      Datasets.generate(new DatasetSpec(DatasetKind.CIRCLE, 400, 0.05, 0.2, 11));

  private static TrainingSession session(Activation f, Initializer w, Initializer b) {
    NetworkSpec spec = new NetworkSpec(2, List.of(6, 5), List.of(f), Task.BINARY, 1, w, b);
    return new TrainingSession(spec, CIRCLE, OptimizerSpec.sgd(0.1), 16, 3);
  }

  @Test
  void negativeBiasesAndZeroWeightsKillEveryReluAndZeroTheirGradients() {
    TrainingSession s = session(Catalog.get("relu").withDefaults(), Initializer.zeros(),
        Initializer.constant(-10));
    Mlp net = s.network();
    ProbeStatistics probe = ProbeStatistics.of(net);
    s.probe(probe);
    assertEquals(320, probe.samples);
    for (int l = 0; l < 2; l++) {
      assertEquals(1.0, probe.deadFraction[l], "layer " + l);
      for (boolean d : probe.dead[l]) {
        assertTrue(d);
      }
      // all pre-activations are −10: far below the histogram range
      assertEquals(320 * net.width(l), probe.below[l]);
    }
    assertEquals(0.0, probe.deadFraction[2], "the output layer is never dead");
    assertEquals(1.0, probe.deadFractionOverall());

    double[] before = net.parameters().clone();
    for (int i = 0; i < 5; i++) {
      s.step();
      StepStatistics st = s.stepStatistics();
      for (int l = 0; l < 2; l++) {
        assertEquals(0.0, st.gradMeanAbs[l]);
        assertEquals(0.0, st.gradWeightRms[l]);
        assertEquals(0.0, st.gradBiasRms[l]);
        for (double g : st.neuronGradMeanAbs[l]) {
          assertEquals(0.0, g);
        }
      }
      assertTrue(st.gradMeanAbs[2] > 0, "the output layer still learns its bias");
    }
    double[] after = net.parameters();
    for (int k = 0; k < net.biasOffset(1) + net.width(1); k++) {
      assertEquals(before[k], after[k], 0.0, "hidden parameter " + k + " moved");
    }
    assertTrue(after[net.biasOffset(2)] != before[net.biasOffset(2)]);
  }

  @Test
  void leakyReluNeverCountsAsDead() {
    TrainingSession s = session(Catalog.parse("leaky_relu:negative_slope=0.01"),
        Initializer.zeros(), Initializer.constant(-10));
    ProbeStatistics probe = ProbeStatistics.of(s.network());
    s.probe(probe);
    for (int l = 0; l < 3; l++) {
      assertEquals(0.0, probe.deadFraction[l]);
    }
    // every unit sits at slope 0.01, 1 % of the largest: neither off (f′ ≠ 0) nor saturated
    // (Leaky ReLU does not saturate, so no saturated share is reported at all)
    assertEquals(0.0, probe.inactiveFraction[0]);
    assertTrue(Double.isNaN(probe.saturatedFraction[0]));
    assertFalse(probe.saturated[0][0]);
    s.steps(50);
    s.probe(probe);
    assertEquals(0.0, probe.deadFractionOverall());
    assertTrue(s.stepStatistics().gradMeanAbs[0] > 0, "leaky units still pass gradient");
  }

  @Test
  void exactlyTheSilencedUnitIsDead() {
    TrainingSession s = session(Catalog.get("relu").withDefaults(),
        Initializer.of(Initializer.Kind.HE_NORMAL), Initializer.constant(0.1));
    Mlp net = s.network();
    double[] p = net.parameters(); // live: silence unit 2 of the first layer, bias −1
    for (int i = 0; i < net.fanIn(0); i++) {
      p[net.weightOffset(0) + 2 * net.fanIn(0) + i] = 0;
    }
    p[net.biasOffset(0) + 2] = -1;
    ProbeStatistics probe = ProbeStatistics.of(net);
    s.probe(probe);
    assertTrue(probe.dead[0][2]);
    for (int j = 0; j < net.width(0); j++) {
      if (j != 2) {
        assertFalse(probe.dead[0][j], "unit " + j);
      }
    }
    assertEquals(1.0 / 6, probe.deadFraction[0], 1e-15);
    s.step();
    assertEquals(0.0, s.stepStatistics().neuronGradMeanAbs[0][2]);
  }

  @Test
  void switchingDeadRelusToLeakyReviveThemWithoutTouchingWeights() {
    TrainingSession s = session(Catalog.get("relu").withDefaults(),
        Initializer.of(Initializer.Kind.HE_NORMAL), Initializer.constant(-3));
    ProbeStatistics probe = ProbeStatistics.of(s.network());
    s.probe(probe);
    assertTrue(probe.deadFractionOverall() > 0.5, "most units start dead");
    double[] weights = s.network().parameters().clone();
    s.setActivation(Catalog.parse("leaky_relu:negative_slope=0.1"));
    assertEquals(0, java.util.Arrays.compare(weights, s.network().parameters()));
    s.probe(probe);
    assertEquals(0.0, probe.deadFractionOverall());
    s.step();
    for (double g : s.stepStatistics().neuronGradMeanAbs[0]) {
      assertTrue(g > 0);
    }
  }

  @Test
  void sigmoidWithHugeWeightsSaturatesAndWithSmallWeightsDoesNot() {
    Activation sigmoid = Catalog.get("sigmoid").withDefaults();
    TrainingSession big = session(sigmoid, Initializer.normal(30), Initializer.zeros());
    ProbeStatistics probe = ProbeStatistics.of(big.network());
    big.probe(probe);
    assertTrue(probe.saturatedFraction[1] >= 0.8, "saturated " + probe.saturatedFraction[1]);
    assertEquals(0.0, probe.deadFractionOverall(), "sigmoid' is never exactly 0 here");
    TrainingSession small = session(sigmoid, Initializer.normal(0.1), Initializer.zeros());
    small.probe(probe);
    assertEquals(0.0, probe.saturatedFraction[0]);
    assertEquals(0.0, probe.saturatedFraction[1]);
    // the pre-activations sit in the middle bins of the histogram
    int inside = 0;
    for (int c : probe.histogram[0]) {
      inside += c;
    }
    assertEquals(320 * 6, inside);
    assertTrue(probe.histogram[0][ProbeStatistics.BINS / 2] + probe.histogram[0][ProbeStatistics.BINS / 2 - 1]
        == inside, "all |z| < 0.5");
  }
}
