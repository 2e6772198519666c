package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;

class MlpTest {
  private static final Activation RELU = Catalog.get("relu").withDefaults();

  @Test
  void forwardMatchesAHandComputedNetwork() {
    // 2-[2]-1 ReLU: h = relu(W x + b), z = v·h + c
    Mlp m = new Mlp(NetworkSpec.of(2, List.of(2), RELU, Task.REGRESSION, 1));
    m.setParameters(new double[] {1, 2, -1, 0.5, 0.1, -0.2, 3, -4, 0.25});
    assertEquals(0, m.weightOffset(0));
    assertEquals(4, m.biasOffset(0));
    assertEquals(6, m.weightOffset(1));
    assertEquals(8, m.biasOffset(1));
    assertEquals(2.0, m.weight(0, 0, 1));
    assertEquals(-1.0, m.weight(0, 1, 0));
    double[] out = new double[2];
    m.predict(new double[] {0.5, 0.25, -1, 1}, 2, out, m.newWorkspace(1));
    // sample 1: h0 = relu(0.5 + 0.5 + 0.1) = 1.1, h1 = relu(-0.5 + 0.125 - 0.2) = 0
    assertEquals(3 * 1.1 + 0.25, out[0], 1e-15);
    // sample 2: h0 = relu(-1 + 2 + 0.1) = 1.1, h1 = relu(1 + 0.5 - 0.2) = 1.3
    assertEquals(3 * 1.1 - 4 * 1.3 + 0.25, out[1], 1e-15);
  }

  @Test
  void lossesStayFiniteForHugeLogits() {
    Mlp bin = new Mlp(NetworkSpec.of(1, List.of(1), RELU, Task.BINARY, 1));
    bin.setParameters(new double[] {1, 0, 1, 0});
    Mlp.Workspace ws = bin.newWorkspace(2);
    ws.input[0] = 1000;
    ws.input[1] = 1000;
    bin.forward(ws, 2);
    // z = 1000: target 1 costs log1p(e^-1000) ≈ 0, target 0 costs 1000
    assertEquals(500, bin.loss(ws, new double[] {1, 0}, 2, true), 1e-9);
    assertEquals(0.5, ws.deltas(1)[1], 1e-15);

    Mlp multi = new Mlp(NetworkSpec.of(1, List.of(1), RELU, Task.MULTICLASS, 3));
    multi.setParameters(new double[] {1, 0, 1, 2, 3, 0, 0, 0});
    Mlp.Workspace w3 = multi.newWorkspace(1);
    w3.input[0] = 500; // logits 500, 1000, 1500
    multi.forward(w3, 1);
    assertEquals(1000, multi.loss(w3, new double[] {0}, 1, true), 1e-9);
    assertEquals(-1.0, w3.deltas(1)[0], 1e-15);
    assertEquals(1.0, w3.deltas(1)[2], 1e-15);
  }

  @Test
  void correctCountsArgMaxAndSignOfTheLogit() {
    // multi-class 1-[1]-3 with logits (h, 2h, 3h) + biases (0, 0, −2h at h = 1 → ties broken low)
    Mlp multi = new Mlp(NetworkSpec.of(1, List.of(1), RELU, Task.MULTICLASS, 3));
    multi.setParameters(new double[] {1, 0, 1, 2, 3, 0, 0, -2});
    Mlp.Workspace ws = multi.newWorkspace(3);
    multi.loadInputs(ws, new double[] {1, 3, 0.5}, 0, 3);
    multi.forward(ws, 3);
    // h = 1: logits (1, 2, 1) → class 1; h = 3: (3, 6, 7) → 2; h = 0.5: (0.5, 1, −0.5) → 1
    assertEquals(3, multi.correct(ws, new double[] {1, 2, 1}, 3));
    assertEquals(1, multi.correct(ws, new double[] {0, 2, 0}, 3));
    Mlp bin = new Mlp(NetworkSpec.of(1, List.of(1), RELU, Task.BINARY, 1));
    bin.setParameters(new double[] {1, 0, 1, -1});
    Mlp.Workspace wb = bin.newWorkspace(3);
    bin.loadInputs(wb, new double[] {0.5, 1, 2}, 0, 3);
    bin.forward(wb, 3);
    // logits −0.5, 0 (not > 0: class 0), 1
    assertEquals(3, bin.correct(wb, new double[] {0, 0, 1}, 3));
  }

  @Test
  void changingAnActivationKeepsTheWeights() {
    Mlp m = Mlp.create(NetworkSpec.uniform(2, 3, 4, RELU, Task.BINARY, 1), 7);
    double[] p = m.parameters().clone();
    Activation leaky = Catalog.parse("leaky_relu:negative_slope=0.2");
    m.setActivation(1, leaky);
    assertSame(leaky, m.activation(1));
    assertSame(RELU, m.activation(0));
    assertEquals(null, m.activation(3));
    assertEquals(0, java.util.Arrays.compare(p, m.parameters()));
    assertThrows(IllegalArgumentException.class, () -> m.setActivation(3, leaky));
  }

  @Test
  void specsAreValidated() {
    assertThrows(IllegalArgumentException.class,
        () -> NetworkSpec.uniform(2, 17, 4, RELU, Task.BINARY, 1));
    assertThrows(IllegalArgumentException.class,
        () -> NetworkSpec.uniform(2, 2, 65, RELU, Task.BINARY, 1));
    assertThrows(IllegalArgumentException.class,
        () -> NetworkSpec.uniform(2, 2, 4, RELU, Task.BINARY, 2));
    assertThrows(IllegalArgumentException.class,
        () -> NetworkSpec.uniform(2, 2, 4, RELU, Task.MULTICLASS, 1));
    assertThrows(IllegalArgumentException.class, () -> new NetworkSpec(2, List.of(4, 4),
        List.of(RELU, RELU, RELU), Task.BINARY, 1, Initializer.zeros(), Initializer.zeros()));
    NetworkSpec ok = NetworkSpec.uniform(2, 16, 64, RELU, Task.MULTICLASS, 3);
    assertEquals(17, ok.layerCount());
    assertEquals(2 * 64 + 64 + 15 * (64 * 64 + 64) + 3 * 64 + 3, ok.parameterCount());
    assertEquals(List.of(16, 16, 16), NetworkSpec.parseHidden("16,16,16"));
    assertEquals(Collections.nCopies(6, 16), NetworkSpec.parseHidden("16x6"));
    assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parseHidden("a,b"));
  }

  @Test
  void initialisersParseAndHaveTheirScale() {
    assertEquals(Initializer.constant(-1), Initializer.parse("constant:value=-1"));
    assertEquals(Initializer.uniform(0.5), Initializer.parse("uniform:limit=0.5"));
    assertEquals(Initializer.normal(0.1), Initializer.parse("normal:stddev=0.1"));
    assertEquals(Initializer.of(Initializer.Kind.HE_NORMAL), Initializer.parse("he_normal"));
    assertEquals(Initializer.parse("constant:value=-1"),
        Initializer.parse(Initializer.constant(-1).spec()));
    assertThrows(IllegalArgumentException.class, () -> Initializer.parse("xavier"));
    assertThrows(IllegalArgumentException.class, () -> Initializer.parse("constant"));
    assertThrows(IllegalArgumentException.class, () -> Initializer.parse("uniform:stddev=1"));

    int fanIn = 50;
    int fanOut = 40;
    int n = 200_000;
    double[] a = new double[n];
    for (Initializer.Kind k : Initializer.Kind.values()) {
      Initializer init = new Initializer(k, k == Initializer.Kind.CONSTANT ? 0.3
          : k == Initializer.Kind.UNIFORM ? 0.7 : k == Initializer.Kind.NORMAL ? 0.2 : 0);
      init.fill(a, 0, n, fanIn, fanOut, new Rng(1));
      double sum = 0;
      double sq = 0;
      double max = 0;
      for (double v : a) {
        sum += v;
        sq += v * v;
        max = Math.max(max, Math.abs(v));
      }
      double std = Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n)));
      double expectedStd = switch (k) {
        case ZEROS, CONSTANT -> 0;
        case UNIFORM -> 0.7 / Math.sqrt(3);
        case NORMAL -> 0.2;
        case GLOROT_UNIFORM, GLOROT_NORMAL -> Math.sqrt(2.0 / (fanIn + fanOut));
        case HE_UNIFORM, HE_NORMAL -> Math.sqrt(2.0 / fanIn);
        case LECUN_NORMAL -> Math.sqrt(1.0 / fanIn);
        case PYTORCH_DEFAULT -> 1 / Math.sqrt(fanIn) / Math.sqrt(3);
      };
      assertEquals(expectedStd, std, 0.01 * expectedStd + 1e-12, k.id());
      if (k == Initializer.Kind.CONSTANT) {
        assertEquals(0.3, a[n - 1]);
      }
      if (k == Initializer.Kind.PYTORCH_DEFAULT) {
        assertTrue(max <= 1 / Math.sqrt(fanIn));
      }
    }
  }

  @Test
  void sameSeedSameInitialWeights() {
    NetworkSpec s = NetworkSpec.uniform(2, 3, 8, RELU, Task.BINARY, 1)
        .withInit(Initializer.of(Initializer.Kind.HE_NORMAL), Initializer.parse("pytorch_default"));
    assertEquals(0, java.util.Arrays.compare(Mlp.create(s, 4).parameters(),
        Mlp.create(s, 4).parameters()));
    assertTrue(java.util.Arrays.compare(Mlp.create(s, 4).parameters(),
        Mlp.create(s, 5).parameters()) != 0);
    for (double b : new double[] {Mlp.create(s, 4).bias(1, 3)}) {
      assertTrue(Math.abs(b) <= 1 / Math.sqrt(8) && b != 0);
    }
  }

  @Test
  void specialisedKernelsAgreeWithTheCatalog() {
    for (Activation f : List.of(Catalog.get("sigmoid").withDefaults(), RELU,
        Catalog.parse("leaky_relu:negative_slope=0.3"), TestActivations.ownTanh())) {
      Kernel k = Kernel.of(f);
      assertTrue(!(k instanceof Kernel.Generic), f.spec() + " uses a specialised kernel");
      double[] z = new double[401];
      for (int i = 0; i < z.length; i++) {
        z[i] = -20 + 0.1 * i;
      }
      double[] a = new double[z.length];
      double[] d = new double[z.length];
      k.values(z, a, z.length);
      k.derivatives(z, a, d, z.length);
      for (int i = 0; i < z.length; i++) {
        assertEquals(f.value(z[i]), a[i], 1e-15 * (1 + Math.abs(a[i])));
        assertEquals(f.derivative(z[i]), d[i], 1e-15);
      }
    }
    assertTrue(Kernel.of(TestActivations.genericTanh()) instanceof Kernel.Generic);
  }

  @Test
  void inlinedExpIsWithinTwoUlpOfMathExp() {
    Rng rng = new Rng(3);
    for (int t = 0; t < 200_000; t++) {
      double y = t < 1000 ? -t * 0.75 : -rng.nextDouble() * (t % 2 == 0 ? 40 : 745);
      double want = Math.exp(y);
      double got = Kernel.Sigmoid.expNonPositive(y);
      assertTrue(Math.abs(got - want) <= 2 * Math.ulp(want), "exp(" + y + ") = " + got
          + ", Math.exp " + want);
    }
    assertEquals(1.0, Kernel.Sigmoid.expNonPositive(0.0));
    assertEquals(1.0, Kernel.Sigmoid.expNonPositive(-0.0));
    assertEquals(0.0, Kernel.Sigmoid.expNonPositive(-800));
    assertEquals(0.0, Kernel.Sigmoid.expNonPositive(Double.NEGATIVE_INFINITY));
  }

  @Test
  void sigmoidKernelPassesMatchTheOneElementFormBitForBit() {
    Rng rng = new Rng(5);
    double[] z = new double[100_000];
    double[] special = {0, -0.0, 1e-300, -1e-300, 700, -700, 700.0000001, -700.0000001, 709.5,
        -745.2, 800, -800, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    System.arraycopy(special, 0, z, 0, special.length);
    for (int i = special.length; i < z.length; i++) {
      double scale = i % 4 == 0 ? 3 : i % 4 == 1 ? 40 : 900;
      z[i] = (2 * rng.nextDouble() - 1) * scale;
      if (i % 4 == 3) { // around ±700, where the kernel switches to Math.exp
        z[i] = Math.copySign(699 + 2 * rng.nextDouble(), z[i]);
      }
    }
    double[] a = new double[z.length];
    Kernel.of(Catalog.get("sigmoid").withDefaults()).values(z, a, z.length);
    for (int i = 0; i < z.length; i++) {
      assertEquals(Double.doubleToLongBits(Kernel.Sigmoid.value(z[i])),
          Double.doubleToLongBits(a[i]), "sigmoid(" + z[i] + ")");
    }
    double[] nan = {Double.NaN};
    Kernel.of(Catalog.get("sigmoid").withDefaults()).values(nan, nan, 1);
    assertTrue(Double.isNaN(nan[0]));
  }

  @Test
  void pairedSumsEqualTheSingleSumsBitForBit() {
    Rng rng = new Rng(11);
    double[] a = new double[200];
    double[] b = new double[200];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextDouble() - 0.3;
      b[i] = 3 * rng.nextDouble() - 1;
    }
    double[] out = new double[4];
    double[] one = new double[2];
    int[] lengths = {0, 1, 2, 3, 5, 8, 10, 17, 64, 80, 81, 130};
    for (int na : lengths) {
      for (int nb : lengths) {
        Reduce.sumSquares2(a, 7, 7 + na, 3, 3 + nb, out);
        assertEquals(Reduce.sumSquares(a, 7, 7 + na), out[0], 0.0, na + "/" + nb);
        assertEquals(Reduce.sumSquares(a, 3, 3 + nb), out[1], 0.0, na + "/" + nb);
        Reduce.sumAndSquares2(a, na, b, nb, out);
        Reduce.sumAndSquares(a, 0, na, one);
        assertEquals(one[0], out[0], 0.0);
        assertEquals(one[1], out[1], 0.0);
        Reduce.sumAndSquares(b, 0, nb, one);
        assertEquals(one[0], out[2], 0.0);
        assertEquals(one[1], out[3], 0.0);
      }
    }
  }

  @Test
  void maxDerivativeIsFoundOnTheGrid() {
    assertEquals(0.25, MaxDerivative.of(Catalog.get("sigmoid").withDefaults()), 1e-9);
    assertEquals(1.0, MaxDerivative.of(TestActivations.genericTanh()), 1e-9);
    assertEquals(1.0, MaxDerivative.of(Catalog.parse("leaky_relu:negative_slope=0.5")), 0);
  }
}
