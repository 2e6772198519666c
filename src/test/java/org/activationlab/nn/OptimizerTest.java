package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;

/**
 * Update rules against values computed by hand (and checked in Python) on a 1-[1]-1 network
 * whose parameters are [w0, b0, w1, b1] = [0.5, −0.2, 1.5, 0.1].
 */
class OptimizerTest {
  private static final double[] P = {0.5, -0.2, 1.5, 0.1};
  private static final double[] G1 = {0.1, -0.2, 0.3, 0.4};
  private static final double[] G2 = {-0.3, 0.1, 0.3, 0.0};
  private static final double EPS = 1e-12;

  private static Mlp net() {
    Mlp m = new Mlp(new NetworkSpec(1, List.of(1), List.of(Catalog.get("relu").withDefaults()),
        Task.REGRESSION, 1, Initializer.zeros(), Initializer.zeros()));
    assertEquals(4, m.parameterCount());
    m.setParameters(P.clone());
    return m;
  }

  private static double[] run(OptimizerSpec spec, double[]... grads) {
    Mlp m = net();
    Optimizer o = new Optimizer(spec, m.parameterCount());
    for (double[] g : grads) {
      o.step(m, g, null);
    }
    return m.parameters().clone();
  }

  @Test
  void sgd() {
    assertArrayEquals(new double[] {0.49, -0.18, 1.47, 0.06}, run(OptimizerSpec.sgd(0.1), G1), EPS);
  }

  @Test
  void momentumTwoSteps() {
    // v1 = g, v2 = 1.9 g: w − 0.1·(1 + 1.9)·g
    assertArrayEquals(new double[] {0.471, -0.142, 1.413, -0.016},
        run(OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 0.1), G1, G1), EPS);
  }

  @Test
  void nesterovTwoSteps() {
    // step 1: −0.1·(g + 0.9 g) = −0.19 g; step 2: v = 1.9 g, −0.1·(g + 0.9·1.9 g) = −0.271 g
    assertArrayEquals(new double[] {0.4539, -0.1078, 1.3617, -0.0844},
        run(OptimizerSpec.of(OptimizerSpec.Kind.NESTEROV, 0.1), G1, G1), EPS);
  }

  @Test
  void rmspropTwoSteps() {
    OptimizerSpec spec = OptimizerSpec.of(OptimizerSpec.Kind.RMSPROP, 0.1);
    // s = 0.01 g², step = 0.1 g / (0.1 |g| + 1e-8)
    assertArrayEquals(new double[] {-0.49999900000100017, 0.79999950000025, 0.5000003333332222,
        -0.8999997500000626}, run(spec, G1), EPS);
    assertArrayEquals(new double[] {0.4491586954512936, 0.35098644654612543, -0.2088807041709655,
        -0.8999997500000626}, run(spec, G1, G2), EPS);
  }

  @Test
  void adamTwoSteps() {
    OptimizerSpec spec = OptimizerSpec.adam(0.1);
    // bias-corrected first step is −η·g/(|g| + ε)
    assertArrayEquals(new double[] {0.4000000099999989, -0.10000000499999967, 1.400000003333333,
        2.4999998460284445e-09}, run(spec, G1), EPS);
    assertArrayEquals(new double[] {0.4494189911200654, -0.07336630271867566, 1.300000006666667,
        -0.06700582054404772}, run(spec, G1, G2), EPS);
  }

  @Test
  void weightDecayReachesWeightsNotBiases() {
    // weights: g + 0.5·w; biases: g
    assertArrayEquals(new double[] {0.465, -0.18, 1.395, 0.06},
        run(OptimizerSpec.sgd(0.1).withWeightDecay(0.5), G1), EPS);
  }

  @Test
  void clippingScalesTheGlobalNorm() {
    double norm = Math.sqrt(0.3);
    Mlp m = net();
    StepStatistics s = StepStatistics.of(m);
    Optimizer o = new Optimizer(OptimizerSpec.sgd(0.1).withClipNorm(0.1), 4);
    assertEquals(norm, o.step(m, G1, s), EPS);
    assertTrue(s.clipped);
    assertEquals(norm, s.gradNorm, EPS);
    double scale = 0.1 / norm;
    for (int k = 0; k < 4; k++) {
      assertEquals(P[k] - 0.1 * scale * G1[k], m.parameters()[k], EPS);
    }
    // a norm below the limit is left alone
    Mlp m2 = net();
    Optimizer o2 = new Optimizer(OptimizerSpec.sgd(0.1).withClipNorm(1.0), 4);
    o2.step(m2, G1, s);
    assertFalse(s.clipped);
    assertArrayEquals(new double[] {0.49, -0.18, 1.47, 0.06}, m2.parameters(), EPS);
  }

  @Test
  void unclippedGradientNormComesFromTheBackwardStatistics() {
    Mlp m = Mlp.create(NetworkSpec.of(2, List.of(5, 3), Catalog.get("sigmoid").withDefaults(),
        Task.BINARY, 1), 2);
    Mlp.Workspace ws = m.newWorkspace(6);
    m.loadInputs(ws, new double[] {0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8, -0.9, 1, 0.3, 0.3},
        0, 6);
    StepStatistics s = StepStatistics.of(m);
    m.gradient(ws, new double[] {0, 1, 0, 1, 1, 0}, 6, s);
    double sq = 0;
    for (double g : ws.gradients) {
      sq += g * g;
    }
    new Optimizer(OptimizerSpec.sgd(0.1), m.parameterCount()).step(m, ws.gradients, s);
    assertEquals(Math.sqrt(sq), s.gradNorm, 1e-12 * Math.sqrt(sq));
    assertTrue(s.gradNorm > 0);
    assertFalse(s.clipped);
  }

  @Test
  void learningRateChangesKeepState() {
    Mlp m = net();
    Optimizer o = new Optimizer(OptimizerSpec.of(OptimizerSpec.Kind.MOMENTUM, 0.1), 4);
    o.step(m, G1, null);
    o.update(o.spec().withLearningRate(0.2));
    o.step(m, G1, null);
    // −0.1 g − 0.2·1.9 g = −0.48 g
    assertEquals(0.5 - 0.048, m.parameters()[0], EPS);
    assertThrows(IllegalArgumentException.class,
        () -> o.update(OptimizerSpec.adam(0.1)));
  }

  @Test
  void invalidHyperparametersAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.sgd(0));
    assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.sgd(0.1).withWeightDecay(-1));
    assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.sgd(0.1).withClipNorm(-1));
    assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.Kind.parse("adagrad"));
    assertEquals(OptimizerSpec.Kind.NESTEROV, OptimizerSpec.Kind.parse("Nesterov"));
  }
}
