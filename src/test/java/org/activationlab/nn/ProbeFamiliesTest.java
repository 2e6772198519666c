package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoublePredicate;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.Flatness;
import org.junit.jupiter.api.Test;

/**
 * "Inactive" and "saturated" by the layer's function: the probe's counts against counts made
 * independently, from the pre-activations of the readable {@link ReferenceMlp} and the textbook
 * derivatives written out here (ReLU′(z) = 0 for z ≤ 0, σ′ = σ(1 − σ) with maximum 1/4, tanh′ =
 * 1 − tanh² with maximum 1).
 */
class ProbeFamiliesTest {
  private static final DataSplit CIRCLE =
      Datasets.generate(new DatasetSpec(DatasetKind.CIRCLE, 400, 0.05, 0.2, 11));

  private static TrainingSession session(Activation f, Initializer w, Initializer b) {
    NetworkSpec spec = new NetworkSpec(2, List.of(6, 5), List.of(f), Task.BINARY, 1, w, b);
    return new TrainingSession(spec, CIRCLE, OptimizerSpec.sgd(0.1), 16, 3);
  }

  /** Pre-activations {@code z[l][b][j]} of the probe set (the first ≤ 512 training samples). */
  private static double[][][] referencePreActivations(Mlp net) {
    Dataset train = CIRCLE.train();
    int n = Math.min(train.size(), ProbeStatistics.MAX_PROBE_SAMPLES);
    double[][] x = new double[n][train.inputSize()];
    for (int b = 0; b < n; b++) {
      for (int k = 0; k < train.inputSize(); k++) {
        x[b][k] = train.input(b, k);
      }
    }
    ReferenceMlp ref = new ReferenceMlp(net);
    ref.forward(x);
    return ref.z;
  }

  /** Per unit of layer l, how many probe samples satisfy {@code test} on z. */
  private static int[] countPerUnit(double[][][] z, int l, DoublePredicate test) {
    int[] c = new int[z[l][0].length];
    for (double[] sample : z[l]) {
      for (int j = 0; j < c.length; j++) {
        c[j] += test.test(sample[j]) ? 1 : 0;
      }
    }
    return c;
  }

  @Test
  void reluInactiveShareIsTheShareOfNonPositivePreActivations() {
    TrainingSession s = session(Catalog.get("relu").withDefaults(),
        Initializer.of(Initializer.Kind.HE_NORMAL), Initializer.constant(-0.3));
    Mlp net = s.network();
    // unit 4 of the first layer always off: no weights, bias −1
    double[] p = net.parameters();
    for (int i = 0; i < net.fanIn(0); i++) {
      p[net.weightOffset(0) + 4 * net.fanIn(0) + i] = 0;
    }
    p[net.biasOffset(0) + 4] = -1;
    ProbeStatistics probe = ProbeStatistics.of(net);
    s.probe(probe);

    double[][][] z = referencePreActivations(net);
    int n = z[0].length;
    assertEquals(n, probe.samples);
    for (int l = 0; l < 2; l++) {
      int[] off = countPerUnit(z, l, v -> v <= 0);
      int total = 0;
      for (int j = 0; j < off.length; j++) {
        total += off[j];
        assertEquals((double) off[j] / n, probe.unitInactiveFraction[l][j], 0.0, "unit " + j);
        assertEquals(off[j] == n, probe.dead[l][j], "dead " + j);
        assertFalse(probe.saturated[l][j], "a ReLU unit is never saturated");
      }
      assertTrue(total > 0 && total < n * off.length, "some but not all pairs off: " + total);
      assertEquals((double) total / (n * off.length), probe.inactiveFraction[l], 0.0,
          "layer " + l);
      assertEquals(Flatness.SWITCHES_OFF, probe.flatness[l]);
      assertTrue(Double.isNaN(probe.saturatedFraction[l]), "no saturated share for ReLU");
      assertTrue(Double.isNaN(probe.saturatedPairFraction[l]));
    }
    assertEquals(1.0, probe.unitInactiveFraction[0][4]);
    assertTrue(probe.dead[0][4]);
    // the output layer: no activation, nothing off, saturation not applicable
    assertEquals(0.0, probe.inactiveFraction[2]);
    assertTrue(Double.isNaN(probe.saturatedFraction[2]));
    assertEquals(Flatness.NEITHER, probe.flatness[2]);
  }

  private static void saturatedSharesMatch(String function, double maxSlope,
      java.util.function.DoubleUnaryOperator slope) {
    TrainingSession s = session(Catalog.get(function).withDefaults(), Initializer.normal(4),
        Initializer.zeros());
    Mlp net = s.network();
    ProbeStatistics probe = ProbeStatistics.of(net);
    s.probe(probe);
    double[][][] z = referencePreActivations(net);
    int n = z[0].length;
    double level = 0.05 * maxSlope;
    boolean anySaturated = false;
    for (int l = 0; l < 2; l++) {
      int[] flat = countPerUnit(z, l, v -> Math.abs(slope.applyAsDouble(v)) <= level);
      int units = 0;
      int pairs = 0;
      for (int j = 0; j < flat.length; j++) {
        boolean saturated = 2 * flat[j] > n;
        assertEquals(saturated, probe.saturated[l][j], function + " layer " + l + " unit " + j);
        units += saturated ? 1 : 0;
        pairs += flat[j];
      }
      assertEquals((double) units / flat.length, probe.saturatedFraction[l], 0.0,
          function + " layer " + l);
      assertEquals((double) pairs / (n * flat.length), probe.saturatedPairFraction[l], 0.0);
      anySaturated |= units > 0;
      assertEquals(Flatness.SATURATES, probe.flatness[l]);
      // far out in the tails the engine's f′ can round to exactly 0 (σ(z) = 1 for z > 37): such
      // pairs count as inactive too, and are saturated all the same
      assertTrue(probe.inactiveFraction[l] <= probe.saturatedPairFraction[l]);
      assertTrue(probe.deadFraction[l] <= probe.saturatedFraction[l]);
    }
    assertTrue(anySaturated, function + " with weights of std 4 saturates");
  }

  @Test
  void sigmoidWithLargeWeightsSaturatesAsCountedByHand() {
    saturatedSharesMatch("sigmoid", 0.25, v -> {
      double sigma = 1 / (1 + Math.exp(-v));
      return sigma * (1 - sigma);
    });
  }

  @Test
  void tanhWithLargeWeightsSaturatesAsCountedByHand() {
    saturatedSharesMatch("tanh", 1, v -> 1 - Math.tanh(v) * Math.tanh(v));
  }

  @Test
  void leakyReluIsNeverInactiveWhereReluIsAlwaysInactive() {
    for (String spec : List.of("leaky_relu", "leaky_relu:negative_slope=0.3", "elu", "gelu")) {
      TrainingSession s = session(Catalog.parse(spec), Initializer.zeros(),
          Initializer.constant(-10));
      ProbeStatistics probe = ProbeStatistics.of(s.network());
      s.probe(probe);
      for (int l = 0; l < 2; l++) {
        assertEquals(0.0, probe.inactiveFraction[l], spec);
        assertEquals(0.0, probe.deadFraction[l], spec);
        assertTrue(Double.isNaN(probe.saturatedFraction[l]), spec + " does not saturate");
        assertEquals(Flatness.NEITHER, probe.flatness[l], spec);
      }
    }
    // every z is −10: ReLU (and Leaky ReLU with slope 0, which is ReLU) is off for every pair
    for (String spec : List.of("relu", "leaky_relu:negative_slope=0")) {
      TrainingSession s = session(Catalog.parse(spec), Initializer.zeros(),
          Initializer.constant(-10));
      ProbeStatistics probe = ProbeStatistics.of(s.network());
      s.probe(probe);
      assertEquals(1.0, probe.inactiveFraction[0], spec);
      assertEquals(1.0, probe.deadFraction[0], spec);
      assertTrue(Double.isNaN(probe.saturatedFraction[0]), spec);
    }
  }

  @Test
  void aHardTanhUnitStuckBeyondItsBoundIsSaturatedAndDead() {
    // every z = 3: hard tanh sits at its bound 1 with f′ = 0 — a saturation, and no gradient
    TrainingSession s = session(Catalog.get("hard_tanh").withDefaults(), Initializer.zeros(),
        Initializer.constant(3));
    ProbeStatistics probe = ProbeStatistics.of(s.network());
    s.probe(probe);
    assertEquals(Flatness.SATURATES, probe.flatness[0]);
    assertEquals(1.0, probe.saturatedFraction[0]);
    assertEquals(1.0, probe.saturatedPairFraction[0]);
    assertEquals(1.0, probe.deadFraction[0]);
    assertEquals(1.0, probe.inactiveFraction[0], "f′ = 0 for every pair, measured all the same");
  }

  @Test
  void aCopyKeepsTheNewShares() {
    TrainingSession s = session(Catalog.get("relu").withDefaults(),
        Initializer.of(Initializer.Kind.HE_NORMAL), Initializer.constant(-0.3));
    ProbeStatistics probe = ProbeStatistics.of(s.network());
    s.probe(probe);
    ProbeStatistics c = probe.copy();
    for (int l = 0; l < 3; l++) {
      assertEquals(probe.inactiveFraction[l], c.inactiveFraction[l]);
      assertEquals(probe.saturatedFraction[l], c.saturatedFraction[l]);
      assertEquals(probe.flatness[l], c.flatness[l]);
      assertEquals(probe.unitInactiveFraction[l][0], c.unitInactiveFraction[l][0]);
    }
  }
}
