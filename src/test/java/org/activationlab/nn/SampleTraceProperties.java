package org.activationlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;

/**
 * {@link SampleTrace} shows numbers that agree with each other and with both engines. Networks are
 * random as in {@link ReferenceMlpProperties}: 1–4 hidden layers of 1–12 units, an activation per
 * layer from {@link ReferenceMlpProperties#ACTIVATIONS}, 1–3 inputs, every {@link Task},
 * parameters from U(−1, 1) and U(−0.5, 0.5), the input from U(−3, 3), a learning rate from
 * [1e-3, 2].
 *
 * <p><b>With itself:</b> every shown number, recomputed from the other shown numbers by its
 * formula (z = b + Σ w·a_prev, a = f(z), f′(z), δ_l = f′(z_l) ⊙ W_{l+1}ᵀ δ_{l+1}, the output δ from
 * the loss, ∂ℓ/∂w = δ·a_prev, Δw = −lr·∂ℓ/∂w), is within 1e-12 relative of it (the trace sums in
 * the order of its formulas, so in fact they are equal).
 *
 * <p><b>With the engines</b>, for a batch holding only this sample: {@link Mlp#gradient} and
 * {@link ReferenceMlp} agree with the trace within 1e-12 relative to {@code max(|value|, scale)},
 * the scale being {@link ReferenceMlpProperties.Scales}, each quantity's condition scale. A plain
 * relative bound is not a property of correct code: where a sum Σ w·δ cancels, or a tanh unit is
 * so saturated that the engine's 1 − a² is exactly 0 while the catalog's f′(z) is 1e-17, the
 * engines differ in digits that carry no information (the reference's class comment has the
 * figures). Against the reference, which sums in the same order with the same functions, the
 * forward pass is bit-exact.
 */
class SampleTraceProperties {
  private static final double TOLERANCE = 1e-12;

  record Case(Task task, int inputSize, List<Integer> hidden, List<String> activations,
      int outputSize, double learningRate, long seed) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(4).flatMap(
        hidden -> Combinators.combine(
            Arbitraries.of(Task.class),
            Arbitraries.integers().between(1, 3),
            Arbitraries.of(ReferenceMlpProperties.ACTIVATIONS).list().ofSize(hidden.size()),
            Arbitraries.integers().between(1, 3),
            Arbitraries.doubles().between(1e-3, 2).ofScale(6),
            Arbitraries.longs())
        .as((task, inputs, activations, outputs, lr, seed) -> new Case(task, inputs, hidden,
            activations, switch (task) {
              case BINARY -> 1;
              case MULTICLASS -> outputs + 1;
              case REGRESSION -> outputs;
            }, lr, seed)));
  }

  /** A random network and sample of a case, its trace and both engines on it. */
  static final class Setup {
    final Case c;
    final Mlp net;
    final double[] x;
    final double[] y;
    final SampleTrace trace;

    Setup(Case c) {
      this.c = c;
      List<Activation> activations = c.activations().stream().map(Catalog::parse).toList();
      net = Mlp.create(new NetworkSpec(c.inputSize(), c.hidden(), activations, c.task(),
          c.outputSize(), new Initializer(Initializer.Kind.UNIFORM, 1),
          new Initializer(Initializer.Kind.UNIFORM, 0.5)), c.seed());
      SplittableRandom random = new SplittableRandom(c.seed());
      x = new double[c.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextDouble(-3, 3);
      }
      y = new double[net.targetWidth()];
      for (int o = 0; o < y.length; o++) {
        y[o] = switch (c.task()) {
          case BINARY -> random.nextInt(2);
          case MULTICLASS -> random.nextInt(c.outputSize());
          case REGRESSION -> random.nextDouble(-2, 2);
        };
      }
      trace = SampleTrace.of(net, x, y, c.learningRate());
    }

    /** The reference engine after a forward and backward pass of the batch {x}. */
    ReferenceMlp reference() {
      ReferenceMlp ref = new ReferenceMlp(net);
      ref.forward(new double[][] {x});
      ref.loss(new double[][] {y});
      ref.backward(new double[][] {y});
      return ref;
    }

    /** The condition scales of every quantity for the batch {x}. */
    ReferenceMlpProperties.Scales scales(ReferenceMlp ref) {
      int firstSigmoid = net.outputLayer();
      boolean[] derivativeFromOutput = new boolean[net.outputLayer()];
      for (int l = net.outputLayer() - 1; l >= 0; l--) {
        derivativeFromOutput[l] = net.kernel(l) instanceof Kernel.Tanh
            || net.kernel(l) instanceof Kernel.Sigmoid;
        if (net.kernel(l) instanceof Kernel.Sigmoid) {
          firstSigmoid = l;
        }
      }
      return new ReferenceMlpProperties.Scales(ref, new double[][] {y}, firstSigmoid,
          derivativeFromOutput);
    }

    /** The fast engine's workspace after {@link Mlp#gradient} of the batch {x}; returns the loss. */
    double engine(Mlp.Workspace ws) {
      net.loadInputs(ws, x, 0, 1);
      return net.gradient(ws, y, 1, null);
    }
  }

  // --------------------------------------------------------------------------- with itself

  @Property(tries = 300)
  void everyShownNumberFollowsFromTheOthers(@ForAll("cases") Case c) {
    Setup s = new Setup(c);
    SampleTrace t = s.trace;
    int last = t.outputLayer();
    for (int l = 0; l <= last; l++) {
      for (int j = 0; j < t.width(l); j++) {
        String at = "[" + l + "][" + j + "]";
        double z = t.bias(l, j);
        for (int i = 0; i < t.fanIn(l); i++) {
          z += t.weight(l, j, i) * t.input(l, i);
          relative("dL/dw" + at + "[" + i + "]", t.weightGradient(l, j, i),
              t.delta(l, j) * t.input(l, i), c);
          relative("dw" + at + "[" + i + "]", t.weightUpdate(l, j, i),
              -c.learningRate() * t.delta(l, j) * t.input(l, i), c);
        }
        relative("z" + at, t.z(l, j), z, c);
        relative("dL/db" + at, t.biasGradient(l, j), t.delta(l, j), c);
        relative("db" + at, t.biasUpdate(l, j), -c.learningRate() * t.delta(l, j), c);
        if (l < last) {
          Activation f = t.activation(l);
          relative("a" + at, t.a(l, j), f.value(t.z(l, j)), c);
          relative("f'" + at, t.derivative(l, j), f.derivative(t.z(l, j)), c);
          assertThat(t.outputTarget(l, j)).isNaN();
        } else {
          assertThat(t.activation(l)).isNull();
          assertThat(t.derivative(l, j)).isNaN();
          assertThat(t.backSum(l, j)).isNaN();
        }
      }
      if (l < last) {
        // δ_l = f′(z_l) ⊙ W_{l+1}ᵀ δ_{l+1}, with the transpose written out
        double[][] wT = new double[t.width(l)][t.width(l + 1)];
        for (int k = 0; k < t.width(l + 1); k++) {
          for (int j = 0; j < t.width(l); j++) {
            wT[j][k] = t.weight(l + 1, k, j);
          }
        }
        for (int j = 0; j < t.width(l); j++) {
          double sum = 0;
          for (int k = 0; k < t.width(l + 1); k++) {
            sum += wT[j][k] * t.delta(l + 1, k);
          }
          relative("backSum[" + l + "][" + j + "]", t.backSum(l, j), sum, c);
          relative("delta[" + l + "][" + j + "]", t.delta(l, j), t.derivative(l, j) * sum, c);
        }
      }
    }
    outputLayerFollowsFromTheLoss(t, c);
  }

  /** ŷ from z, ℓ from z and y, δ = ŷ − t (cross-entropies) or 2(z − y)/K (squared error). */
  private static void outputLayerFollowsFromTheLoss(SampleTrace t, Case c) {
    int last = t.outputLayer();
    int k = t.width(last);
    double[] y = t.target();
    double[] out = t.output();
    switch (c.task()) {
      case BINARY -> {
        double z = t.z(last, 0);
        double e = Math.exp(-Math.abs(z));
        relative("output", out[0], (z >= 0 ? 1 : e) / (1 + e), c);
        // Task's stable form of −[y ln ŷ + (1 − y) ln(1 − ŷ)]
        relative("loss", t.loss(), Math.max(z, 0) - z * y[0] + Math.log1p(e), c);
        relative("target", t.outputTarget(last, 0), y[0], c);
        relative("delta out", t.delta(last, 0), out[0] - y[0], c);
      }
      case MULTICLASS -> {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < k; o++) {
          max = Math.max(max, t.z(last, o));
        }
        double sum = 0;
        for (int o = 0; o < k; o++) {
          sum += Math.exp(t.z(last, o) - max);
        }
        double total = 0;
        for (int o = 0; o < k; o++) {
          relative("output " + o, out[o], Math.exp(t.z(last, o) - max) / sum, c);
          double target = o == (int) y[0] ? 1 : 0;
          relative("target " + o, t.outputTarget(last, o), target, c);
          relative("delta out " + o, t.delta(last, o), out[o] - target, c);
          total += out[o];
        }
        relative("sum of probabilities", total, 1, c);
        // −ln softmax(z)_y as Task writes it: logsumexp(z) − z_y
        relative("loss", t.loss(), Math.log(sum) + max - t.z(last, (int) y[0]), c);
      }
      case REGRESSION -> {
        double loss = 0;
        for (int o = 0; o < k; o++) {
          double diff = t.z(last, o) - y[o];
          relative("output " + o, out[o], t.z(last, o), c);
          relative("target " + o, t.outputTarget(last, o), y[o], c);
          relative("delta out " + o, t.delta(last, o), 2 * diff / k, c);
          loss += diff * diff;
        }
        relative("loss", t.loss(), loss / k, c);
      }
    }
  }

  // --------------------------------------------------------------------------- with the engines

  @Property(tries = 300)
  void equalsTheFastEnginesGradientForABatchOfOne(@ForAll("cases") Case c) {
    Setup s = new Setup(c);
    ReferenceMlp ref = s.reference();
    ReferenceMlpProperties.Scales scale = s.scales(ref);
    Mlp.Workspace ws = s.net.newWorkspace(1);
    double loss = s.engine(ws);
    SampleTrace t = s.trace;
    Mlp net = s.net;
    close("loss", t.loss(), loss, scale.loss, c);
    for (int l = 0; l < net.layerCount(); l++) {
      for (int j = 0; j < net.width(l); j++) {
        String at = "[" + l + "][" + j + "]";
        close("z" + at, t.z(l, j), ws.preActivations(l)[j], scale.z[l][0][j], c);
        if (l < net.outputLayer()) {
          close("a" + at, t.a(l, j), ws.activations(l)[j], scale.a[l][0][j], c);
        } else {
          close("output" + at, t.a(l, j), ws.output[j], scale.output[0][j], c);
        }
        close("delta" + at, t.delta(l, j), ws.deltas(l)[j], scale.delta[l][0][j], c);
        close("dL/db" + at, t.biasGradient(l, j), ws.gradients[net.biasOffset(l) + j],
            scale.biasGradients[l][j], c);
        for (int i = 0; i < net.fanIn(l); i++) {
          close("dL/dw" + at + "[" + i + "]", t.weightGradient(l, j, i),
              ws.gradients[net.weightOffset(l) + j * net.fanIn(l) + i],
              scale.weightGradients[l][j][i], c);
        }
      }
    }
  }

  @Property(tries = 300)
  void equalsTheReferenceForABatchOfOne(@ForAll("cases") Case c) {
    Setup s = new Setup(c);
    ReferenceMlp ref = s.reference();
    ReferenceMlpProperties.Scales scale = s.scales(ref);
    SampleTrace t = s.trace;
    close("loss", t.loss(), ref.loss(new double[][] {s.y}), scale.loss, c);
    for (int l = 0; l < ref.layers; l++) {
      for (int j = 0; j < t.width(l); j++) {
        String at = "[" + l + "][" + j + "]";
        // the same sums in the same order with the same functions: the same bits
        assertThat(t.z(l, j)).as("z" + at + " in " + c).isEqualTo(ref.z[l][0][j]);
        if (l < ref.layers - 1) {
          assertThat(t.a(l, j)).as("a" + at + " in " + c).isEqualTo(ref.a[l][0][j]);
        } else {
          close("output" + at, t.a(l, j), ref.output[0][j], scale.output[0][j], c);
        }
        close("delta" + at, t.delta(l, j), ref.delta[l][0][j], scale.delta[l][0][j], c);
        close("dL/db" + at, t.biasGradient(l, j), ref.biasGradients[l][j],
            scale.biasGradients[l][j], c);
        for (int i = 0; i < t.fanIn(l); i++) {
          close("dL/dw" + at + "[" + i + "]", t.weightGradient(l, j, i),
              ref.weightGradients[l][j][i], scale.weightGradients[l][j][i], c);
        }
      }
    }
  }

  /** "Apply this update": the parameters after it are the engine's SGD step on this sample. */
  @Property(tries = 200)
  void theUpdateIsTheEnginesSgdStepOnThisSample(@ForAll("cases") Case c) {
    Setup s = new Setup(c);
    ReferenceMlpProperties.Scales scale = s.scales(s.reference());
    Mlp.Workspace ws = s.net.newWorkspace(1);
    s.engine(ws);
    double[] before = s.net.parameters().clone();
    new Optimizer(new OptimizerSpec(OptimizerSpec.Kind.SGD, c.learningRate(), 0, 0.99, 0.9,
        0.999, 1e-8, 0, 0), before.length).step(s.net, ws.gradients, null);
    double[] engine = s.net.parameters();
    double[] trace = s.trace.parametersAfterUpdate();
    assertThat(trace).hasSameSizeAs(engine);
    Mlp net = s.net;
    for (int l = 0; l < net.layerCount(); l++) {
      for (int j = 0; j < net.width(l); j++) {
        for (int i = 0; i < net.fanIn(l); i++) {
          int p = net.weightOffset(l) + j * net.fanIn(l) + i;
          close("w'[" + l + "][" + j + "][" + i + "]", trace[p], engine[p],
              Math.abs(before[p]) + c.learningRate() * scale.weightGradients[l][j][i], c);
        }
        int p = net.biasOffset(l) + j;
        close("b'[" + l + "][" + j + "]", trace[p], engine[p],
            Math.abs(before[p]) + c.learningRate() * scale.biasGradients[l][j], c);
      }
    }
  }

  // --------------------------------------------------------------------------- by hand

  /**
   * 1 input, one ReLU unit, a sigmoid output: x = 2, w = 0.5, b = 0 → z = 1, a = 1, f′ = 1; the
   * output w = −1, b = 1 → z = 0, ŷ = 0.5, y = 1: ℓ = ln 2, δ = −0.5; back: Σ w·δ = 0.5, δ = 0.5,
   * ∂ℓ/∂w = 1, and with lr 0.1 the update is −0.1.
   */
  @Example
  void aNetworkSmallEnoughToCheckByHand() {
    Mlp net = new Mlp(new NetworkSpec(1, List.of(1), List.of(Catalog.parse("relu")), Task.BINARY,
        1, Initializer.zeros(), Initializer.zeros()));
    net.setParameters(new double[] {0.5, 0, -1, 1});
    SampleTrace t = SampleTrace.of(net, new double[] {2}, new double[] {1}, 0.1);
    assertThat(t.z(0, 0)).isEqualTo(1.0);
    assertThat(t.a(0, 0)).isEqualTo(1.0);
    assertThat(t.derivative(0, 0)).isEqualTo(1.0);
    assertThat(t.z(1, 0)).isEqualTo(0.0);
    assertThat(t.output()).containsExactly(0.5);
    assertThat(t.loss()).isEqualTo(Math.log(2));
    assertThat(t.delta(1, 0)).isEqualTo(-0.5);
    assertThat(t.weightGradient(1, 0, 0)).isEqualTo(-0.5);
    assertThat(t.backSum(0, 0)).isEqualTo(0.5);
    assertThat(t.delta(0, 0)).isEqualTo(0.5);
    assertThat(t.weightGradient(0, 0, 0)).isEqualTo(1.0);
    assertThat(t.weightUpdate(0, 0, 0)).isEqualTo(-0.1);
    assertThat(t.parametersAfterUpdate()).containsExactly(0.5 - 0.1, -0.05, -1 + 0.05, 1 + 0.05);
  }

  @Example
  void refusesASampleThatDoesNotFit() {
    Mlp net = Mlp.create(NetworkSpec.of(2, List.of(3), Catalog.parse("tanh"), Task.MULTICLASS,
        3), 1);
    assertThatThrownBy(() -> SampleTrace.of(net, new double[] {1}, new double[] {0}, 0.1))
        .hasMessageContaining("2 input values");
    assertThatThrownBy(() -> SampleTrace.of(net, new double[] {1, 2}, new double[] {3}, 0.1))
        .hasMessageContaining("0..2");
    assertThatThrownBy(() -> SampleTrace.of(net, new double[] {1, 2}, new double[] {0}, 0))
        .hasMessageContaining("learning rate");
  }

  // --------------------------------------------------------------------------- comparisons

  private static void relative(String what, double shown, double recomputed, Case c) {
    if (!(Math.abs(shown - recomputed) <= TOLERANCE * Math.abs(recomputed))) {
      fail(String.format("%s: shown %s, recomputed %s (relative tolerance %s) in %s", what,
          shown, recomputed, TOLERANCE, c));
    }
  }

  /** Within 1e-12 of max(|a|, |b|, scale): the engines' comparison, see the class comment. */
  private static void close(String what, double trace, double engine, double scale, Case c) {
    if (!(Math.abs(trace - engine)
        <= TOLERANCE * Math.max(Math.max(Math.abs(trace), Math.abs(engine)), scale))) {
      fail(String.format("%s: trace %s, engine %s (difference %s, scale %s) in %s", what, trace,
          engine, Math.abs(trace - engine), scale, c));
    }
  }
}
