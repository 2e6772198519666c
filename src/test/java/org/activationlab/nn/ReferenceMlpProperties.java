package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.statistics.StatisticsReport.StatisticsReportMode;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;

/**
 * The fast engine ({@link Mlp}, {@link Dense}, {@link Kernel}) computes what the textbook {@link
 * ReferenceMlp} computes. Networks are random: 1–4 hidden layers of 1–12 units, each with an
 * activation drawn from {@link #ACTIVATIONS}, 1–3 inputs, every {@link Task}, parameters from
 * U(−1, 1) and U(−0.5, 0.5), inputs from U(−3, 3); batches of 1–33 samples, so that every
 * blocking path of {@link Dense} (8-, 4-, 2- and 1-sample blocks, rows in pairs and single) is
 * taken, which {@link #forwardPass} checks with jqwik's coverage statistics.
 *
 * <p><b>Bit-exact ({@code ==}).</b> Every per-sample sum of {@link Dense#forward} starts from the
 * bias and adds W_ji·a_i for i = 0..fanIn−1 whatever the blocking, in the reference's order, and
 * every kernel used here but sigmoid's returns the catalog's own f(z). So the pre-activations z,
 * hidden outputs a and the binary and regression outputs are equal, up to the first sigmoid layer:
 * {@link Kernel.Sigmoid} computes e^−|z| its own way and may be an ulp off the catalog, after
 * which only closeness holds.
 *
 * <p><b>Close.</b> Everything else differs in rounding only: softmax (the engine multiplies by
 * 1/Σ, the reference divides), the loss (times 1/N against divided by N), the gradients (the
 * engine sums the batch in blocked pairwise trees, the reference one sample after the other), the
 * δ of each layer (the tanh and sigmoid kernels take f' from a = f(z) as 1 − a² and a(1 − a), the
 * catalog from z) and ∂L/∂x. They are compared as
 *
 * <pre>  |fast − ref| ≤ 1e-12 · max(|fast|, |ref|, scale)</pre>
 *
 * The floor {@code scale} cannot be a tiny constant: rounding errors of a sum are bounded relative
 * to the sum of its terms' absolute values, not to the sum, so a gradient Σ_b δ_b·a_b whose terms
 * cancel to 1e-5 of their size keeps five digits fewer, in both engines. Over 20 000 random cases
 * a plain relative test with a floor of {@link Double#MIN_NORMAL} failed in one case in twenty
 * (weight gradients up to 1e-4 apart relatively, and a δ behind a saturated tanh unit, where the
 * kernel's 1 − a² is 0, 100 %) although neither engine is wrong. {@link Scales} is therefore each
 * quantity's condition scale: its terms added in absolute value, plus what each can inherit from
 * inputs that already differ. The engines differed by at most 8e-16·scale there, so 1e-12 leaves
 * a margin of over a thousand; the scale exceeds |value| by a median factor of 2 (z) to 15 (∂L/∂x),
 * so a real mistake (a wrong sign, term or factor) stands out by many orders of magnitude.
 */
class ReferenceMlpProperties {
  private static final double TOLERANCE = 1e-12;
  private static final int MAX_BATCH = 33;
  /** Specialised kernels (relu, leaky_relu, tanh, sigmoid) and generic ones, kinked and smooth. */
  static final List<String> ACTIVATIONS = List.of("relu", "leaky_relu",
      "leaky_relu:negative_slope=0.2", "tanh", "sigmoid", "gelu", "gelu:approximate=true", "elu",
      "selu", "softplus", "silu", "mish", "hard_swish", "identity");
  /** An upper bound of |f''| over {@link #ACTIVATIONS} away from kinks (SELU's λαe^x ≤ 1.76). */
  private static final double CURVATURE = 2;

  /** One random network and batch, reproducible from its fields (shown when a property fails). */
  record Case(Task task, int inputSize, List<Integer> hidden, List<String> activations,
      int outputSize, int batch, long seed) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(4).flatMap(
        hidden -> Combinators.combine(
            Arbitraries.of(Task.class),
            Arbitraries.integers().between(1, 3),
            Arbitraries.of(ACTIVATIONS).list().ofSize(hidden.size()),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, MAX_BATCH),
            Arbitraries.longs())
        .as((task, inputs, activations, outputs, batch, seed) -> new Case(task, inputs, hidden,
            activations, switch (task) {
              case BINARY -> 1;
              case MULTICLASS -> outputs + 1;
              case REGRESSION -> outputs;
            }, batch, seed)));
  }

  @Property(tries = 200)
  @StatisticsReport(StatisticsReportMode.OFF)
  void forwardPass(@ForAll("cases") Case c) {
    Run r = new Run(c);
    int n = c.batch();
    int exactUpTo = r.firstSigmoidLayer();
    for (int l = 0; l < r.net.layerCount(); l++) {
      for (int b = 0; b < n; b++) {
        for (int j = 0; j < r.net.width(l); j++) {
          double fast = r.ws.preActivations(l)[j * n + b];
          expect("z[" + l + "][" + b + "][" + j + "]", fast, r.ref.z[l][b][j], l <= exactUpTo,
              r.scale.z[l][b][j], c);
          if (l < r.net.outputLayer()) {
            expect("a[" + l + "][" + b + "][" + j + "]", r.ws.activations(l)[j * n + b],
                r.ref.a[l][b][j], l < exactUpTo, r.scale.a[l][b][j], c);
          }
        }
      }
    }
    boolean exactOutputs = exactUpTo == r.net.outputLayer() && c.task() != Task.MULTICLASS;
    int k = c.outputSize();
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < k; o++) {
        expect("output[" + b + "][" + o + "]", r.ws.output[b * k + o], r.ref.output[b][o],
            exactOutputs, r.scale.output[b][o], c);
      }
    }
    coverBlocksTasksAndActivations(c);
  }

  @Property(tries = 200)
  void loss(@ForAll("cases") Case c) {
    Run r = new Run(c);
    expect("loss", r.fastLoss, r.referenceLoss, false, r.scale.loss, c);
  }

  @Property(tries = 200)
  void weightAndBiasGradients(@ForAll("cases") Case c) {
    Run r = new Run(c);
    double[] g = r.ws.gradients;
    for (int l = 0; l < r.net.layerCount(); l++) {
      for (int j = 0; j < r.net.width(l); j++) {
        for (int i = 0; i < r.net.fanIn(l); i++) {
          expect("dL/dW[" + l + "][" + j + "][" + i + "]",
              g[r.net.weightOffset(l) + j * r.net.fanIn(l) + i], r.ref.weightGradients[l][j][i],
              false, r.scale.weightGradients[l][j][i], c);
        }
        expect("dL/db[" + l + "][" + j + "]", g[r.net.biasOffset(l) + j],
            r.ref.biasGradients[l][j], false, r.scale.biasGradients[l][j], c);
      }
    }
  }

  /** δ = ∂L/∂z of every layer: the output error, then each hidden layer's input error. */
  @Property(tries = 200)
  void layerErrors(@ForAll("cases") Case c) {
    Run r = new Run(c);
    int n = c.batch();
    for (int l = 0; l < r.net.layerCount(); l++) {
      for (int b = 0; b < n; b++) {
        for (int j = 0; j < r.net.width(l); j++) {
          expect("delta[" + l + "][" + b + "][" + j + "]", r.ws.deltas(l)[j * n + b],
              r.ref.delta[l][b][j], false, r.scale.delta[l][b][j], c);
        }
      }
    }
  }

  @Property(tries = 200)
  void inputGradients(@ForAll("cases") Case c) {
    Run r = new Run(c);
    int n = c.batch();
    for (int b = 0; b < n; b++) {
      for (int i = 0; i < c.inputSize(); i++) {
        expect("dL/dx[" + b + "][" + i + "]", r.fastInputGradients[i * n + b],
            r.ref.inputGradients[b][i], false, r.scale.inputGradients[b][i], c);
      }
    }
  }

  /** Fails the run unless every block size of {@link Dense}, task and activation came up. */
  private static void coverBlocksTasksAndActivations(Case c) {
    int n = c.batch();
    Statistics.label("8-sample blocks").collect(n >= 8);
    Statistics.label("4-sample block").collect(n % 8 >= 4);
    Statistics.label("2-sample block").collect(n % 4 >= 2);
    Statistics.label("1-sample block").collect(n % 2 == 1);
    Statistics.label("odd width").collect(c.hidden().stream().anyMatch(w -> w % 2 == 1));
    Statistics.label("task").collect(c.task());
    for (String a : c.activations()) {
      Statistics.label("activation").collect(a);
    }
    for (String label : List.of("8-sample blocks", "4-sample block", "2-sample block",
        "1-sample block", "odd width")) {
      Statistics.label(label).coverage(check -> check.check(true).count(k -> k > 0));
    }
    Statistics.label("task").coverage(check -> {
      for (Task t : Task.values()) {
        check.check(t).count(k -> k > 0);
      }
    });
    Statistics.label("activation").coverage(check -> {
      for (String a : ACTIVATIONS) {
        check.check(a).count(k -> k > 0);
      }
    });
  }

  /** {@code fast == reference} if {@code exact}, else within the tolerance of the class comment. */
  private static void expect(String what, double fast, double reference, boolean exact,
      double scale, Case c) {
    if (exact ? fast != reference : !(Math.abs(fast - reference)
        <= TOLERANCE * Math.max(Math.max(Math.abs(fast), Math.abs(reference)), scale))) {
      fail(String.format("%s: fast %s, reference %s (%s, difference %s, scale %s) in %s", what,
          fast, reference, exact ? "expected bit-exact" : "tolerance 1e-12",
          Math.abs(fast - reference), scale, c));
    }
  }

  /** Both engines after a forward pass, the loss and a backward pass of the same batch. */
  static final class Run {
    final Mlp net;
    final Mlp.Workspace ws;
    final double fastLoss;
    /** ∂L/∂x, feature-major like the workspace's buffers. */
    final double[] fastInputGradients;
    final ReferenceMlp ref;
    final double referenceLoss;
    final Scales scale;

    Run(Case c) {
      List<Activation> activations = c.activations().stream().map(Catalog::parse).toList();
      net = Mlp.create(new NetworkSpec(c.inputSize(), c.hidden(), activations, c.task(),
          c.outputSize(), new Initializer(Initializer.Kind.UNIFORM, 1),
          new Initializer(Initializer.Kind.UNIFORM, 0.5)), c.seed());
      int n = c.batch();
      SplittableRandom random = new SplittableRandom(c.seed());
      double[][] x = new double[n][c.inputSize()];
      double[][] y = new double[n][net.targetWidth()];
      for (int b = 0; b < n; b++) {
        for (int i = 0; i < c.inputSize(); i++) {
          x[b][i] = random.nextDouble(-3, 3);
        }
        for (int o = 0; o < y[b].length; o++) {
          y[b][o] = switch (c.task()) {
            case BINARY -> random.nextInt(2);
            case MULTICLASS -> random.nextInt(c.outputSize());
            case REGRESSION -> random.nextDouble(-2, 2);
          };
        }
      }
      ws = net.newWorkspace(MAX_BATCH);
      net.loadInputs(ws, flatten(x), 0, n);
      net.forward(ws, n);
      fastLoss = net.loss(ws, flatten(y), n, true);
      net.backward(ws, n, null);
      // Mlp.backward stops at layer 0's δ, training needs no ∂L/∂x; the kernel that gives every
      // hidden layer its error gives it too, with f' ≡ 1 (multiplying by 1 is exact)
      double[] ones = new double[n * c.inputSize()];
      Arrays.fill(ones, 1.0);
      fastInputGradients = new double[n * c.inputSize()];
      Dense.inputError(net.parameters(), net.weightOffset(0), net.fanIn(0), net.width(0),
          ws.deltas(0), ones, fastInputGradients, n);

      ref = new ReferenceMlp(net);
      ref.forward(x);
      referenceLoss = ref.loss(y);
      ref.backward(y);
      boolean[] derivativeFromOutput = new boolean[net.outputLayer()];
      for (int l = 0; l < net.outputLayer(); l++) {
        derivativeFromOutput[l] = net.kernel(l) instanceof Kernel.Tanh
            || net.kernel(l) instanceof Kernel.Sigmoid;
      }
      scale = new Scales(ref, y, firstSigmoidLayer(), derivativeFromOutput);
    }

    /** The first hidden layer with a sigmoid, or the output layer if there is none. */
    int firstSigmoidLayer() {
      for (int l = 0; l < net.outputLayer(); l++) {
        if (net.kernel(l) instanceof Kernel.Sigmoid) {
          return l;
        }
      }
      return net.outputLayer();
    }

    private static double[] flatten(double[][] rows) {
      return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }
  }

  /**
   * Error scales: for every compared quantity a bound of how far the engines may differ, in units
   * of rounding: |fast − ref| ≤ c·2^−53·scale, c a small count of roundings. Each scale is the
   * quantity's own rounding scale (its terms added in absolute value) plus, to first order, what
   * it inherits from inputs that already differ. Per sample, with [inexact] meaning that z may
   * differ (layers after a sigmoid layer) and [f' from a] the tanh and sigmoid kernels:
   *
   * <pre>
   *   Z^l = |b| + Σ_i |W_ji| A^(l−1)_i               A^(−1) = |x|
   *   A^l = |a| + |f'(z)|·Z^l·[inexact]
   *   D^(L−1) = (|ŷ − y| + ŷ's scale)/N              MSE: 2(|z − y| + Z·[inexact])/(N·K)
   *   D^(l−1)_i = (|f'(z_i)| + L·[f' from a] + CURVATURE·Z_i·[inexact]) · Σ_j |W_ji| D^l_j
   *   ∂L/∂W_ji: Σ_b D_j A_i      ∂L/∂b_j: Σ_b D_j      ∂L/∂x_i: Σ_j |W_ji| D^0_j
   * </pre>
   *
   * L = max|f'| covers the absolute error of a few ulps of 1 − a² and a(1 − a) (the catalog's
   * f'(z) is accurate to a few ulps of itself), CURVATURE·Z an f' taken at a z a few ulps of Z
   * away. First order fails only where such a z straddles a kink (ReLU's 0, softplus's threshold),
   * with a probability of the order of 1e-16 per unit.
   */
  static final class Scales {
    final double[][][] z;
    final double[][][] a;
    final double[][] output;
    final double loss;
    final double[][][] delta;
    final double[][][] weightGradients;
    final double[][] biasGradients;
    final double[][] inputGradients;

    /**
     * @param inexactAfter z of the layers after this one may differ (the first sigmoid layer,
     *     else the output layer)
     * @param derivativeFromOutput per hidden layer, whether its kernel takes f' from a = f(z)
     */
    Scales(ReferenceMlp r, double[][] y, int inexactAfter, boolean[] derivativeFromOutput) {
      int n = r.x.length;
      int last = r.layers - 1;
      int k = r.output[0].length;
      boolean inexactOutput = last > inexactAfter;
      z = new double[r.layers][n][];
      a = new double[last][n][];
      output = new double[n][k];
      double[][] outputError = new double[n][k]; // D^(L−1) before the 1/N
      double lossSum = 0;
      for (int b = 0; b < n; b++) {
        double[] previous = abs(r.x[b]);
        for (int l = 0; l < r.layers; l++) {
          double[][] w = r.weights[l];
          z[l][b] = new double[w.length];
          for (int j = 0; j < w.length; j++) {
            double sum = Math.abs(r.biases[l][j]);
            for (int i = 0; i < previous.length; i++) {
              sum += Math.abs(w[j][i]) * previous[i];
            }
            z[l][b][j] = sum;
          }
          if (l < last) {
            a[l][b] = new double[w.length];
            for (int j = 0; j < w.length; j++) {
              a[l][b][j] = Math.abs(r.a[l][b][j]) + (l > inexactAfter
                  ? Math.abs(r.f[l].derivative(r.z[l][b][j])) * z[l][b][j] : 0);
            }
            previous = a[l][b];
          }
        }
        double[] logits = r.z[last][b];
        double[] p = r.output[b];
        double[] zs = z[last][b];
        double inherited = 0; // Σ_c |∂ℓ/∂z_c|·Z_c, what the loss inherits from z
        switch (r.task) {
          case BINARY -> {
            output[b][0] = p[0] + (inexactOutput ? p[0] * (1 - p[0]) * zs[0] : 0);
            outputError[b][0] = Math.abs(p[0] - y[b][0]) + output[b][0] - p[0];
            inherited = Math.abs(p[0] - y[b][0]) * zs[0];
            lossSum += Math.max(logits[0], 0) + Math.abs(logits[0] * y[b][0])
                + Math.log1p(Math.exp(-Math.abs(logits[0])));
          }
          case MULTICLASS -> { // ∂ln p_c/∂z_k = [c = k] − p_k
            double mean = 0;
            double max = Double.NEGATIVE_INFINITY;
            double exps = 0;
            for (int c = 0; c < k; c++) {
              mean += p[c] * zs[c];
              max = Math.max(max, logits[c]);
            }
            for (int c = 0; c < k; c++) {
              double target = c == (int) y[b][0] ? 1 : 0;
              output[b][c] = p[c] * (1 + (inexactOutput ? zs[c] + mean : 0));
              outputError[b][c] = Math.abs(p[c] - target) + output[b][c];
              inherited += Math.abs(p[c] - target) * zs[c];
              exps += Math.exp(logits[c] - max);
            }
            lossSum += Math.log(exps) + Math.abs(max) + Math.abs(logits[(int) y[b][0]]);
          }
          case REGRESSION -> {
            for (int c = 0; c < k; c++) {
              double diff = Math.abs(logits[c] - y[b][c]);
              output[b][c] = zs[c];
              outputError[b][c] = 2 * (diff + (inexactOutput ? zs[c] : 0));
              inherited += 2 * diff * zs[c];
              lossSum += diff * diff;
            }
          }
        }
        lossSum += inexactOutput ? inherited : 0;
      }
      int perLoss = r.task == Task.REGRESSION ? n * k : n;
      loss = lossSum / perLoss;

      delta = new double[r.layers][n][];
      weightGradients = new double[r.layers][][];
      biasGradients = new double[r.layers][];
      for (int b = 0; b < n; b++) {
        delta[last][b] = new double[k];
        for (int c = 0; c < k; c++) {
          delta[last][b][c] = outputError[b][c] / perLoss;
        }
      }
      double[][] atInput = null;
      for (int l = last; l >= 0; l--) {
        double[][] w = r.weights[l];
        int fanIn = w[0].length;
        weightGradients[l] = new double[w.length][fanIn];
        biasGradients[l] = new double[w.length];
        double[][] below = new double[n][fanIn];
        for (int b = 0; b < n; b++) {
          double[] previous = l == 0 ? abs(r.x[b]) : a[l - 1][b];
          for (int j = 0; j < w.length; j++) {
            biasGradients[l][j] += delta[l][b][j];
            for (int i = 0; i < fanIn; i++) {
              weightGradients[l][j][i] += delta[l][b][j] * previous[i];
              below[b][i] += Math.abs(w[j][i]) * delta[l][b][j];
            }
          }
          if (l > 0) {
            Activation f = r.f[l - 1];
            for (int i = 0; i < fanIn; i++) {
              below[b][i] *= Math.abs(f.derivative(r.z[l - 1][b][i]))
                  + (derivativeFromOutput[l - 1] ? MaxDerivative.of(f) : 0)
                  + (l - 1 > inexactAfter ? CURVATURE * z[l - 1][b][i] : 0);
            }
          }
        }
        if (l == 0) {
          atInput = below;
        } else {
          delta[l - 1] = below;
        }
      }
      inputGradients = atInput;
    }

    private static double[] abs(double[] v) {
      double[] out = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        out[i] = Math.abs(v[i]);
      }
      return out;
    }
  }
}
