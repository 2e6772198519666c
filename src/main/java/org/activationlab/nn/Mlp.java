package org.activationlab.nn;

import java.util.Arrays;
import java.util.List;
import org.activationlab.activation.Activation;
import org.activationlab.activation.SpecialFunctions;

/**
 * A multi-layer perceptron on flat arrays: all weights and biases live in one {@code double[]},
 * layer by layer, input side first; each layer's block is its weight matrix row-major ({@code
 * W[j][i]} at {@code weightOffset(l) + j·fanIn + i}, row j feeding unit j) followed by its biases
 * ({@code biasOffset(l) + j}). There are no objects per neuron or link.
 *
 * <p>Forward and backward passes work on a batch held in a {@link Workspace} allocated once for a
 * maximum batch size, so a training step allocates nothing. The network is not thread-safe: one
 * thread (the trainer) owns it; snapshots take {@link #copy()} or {@link #copyParameters}.
 *
 * <p>The maths in one sitting, without the speed-ups of {@link Dense} and {@link Kernel}, is
 * {@code ReferenceMlp} in src/test; {@code ReferenceMlpProperties} checks that this engine
 * computes the same numbers.
 */
public final class Mlp {

  private final NetworkSpec spec;
  private final int layers;
  private final int[] fanIn;
  private final int[] width;
  private final int[] weightOffset;
  private final int[] biasOffset;
  private final double[] params;
  private final Activation[] activations;
  private final Kernel[] kernels;

  /** A network of the given architecture with all parameters 0; see {@link #initialize}. */
  public Mlp(NetworkSpec spec) {
    this.spec = spec;
    this.layers = spec.layerCount();
    this.fanIn = new int[layers];
    this.width = new int[layers];
    this.weightOffset = new int[layers];
    this.biasOffset = new int[layers];
    int off = 0;
    for (int l = 0; l < layers; l++) {
      fanIn[l] = spec.fanIn(l);
      width[l] = spec.width(l);
      weightOffset[l] = off;
      off += fanIn[l] * width[l];
      biasOffset[l] = off;
      off += width[l];
    }
    this.params = new double[off];
    int hidden = layers - 1;
    this.activations = new Activation[hidden];
    this.kernels = new Kernel[hidden];
    for (int l = 0; l < hidden; l++) {
      setActivation(l, spec.activations().get(l));
    }
  }

  /** A network initialised from {@code seed} with the spec's initialisers. */
  public static Mlp create(NetworkSpec spec, long seed) {
    Mlp m = new Mlp(spec);
    m.initialize(seed);
    return m;
  }

  /**
   * Sets every weight and bias from the spec's initialisers, layer by layer, input side first,
   * weights before biases, drawing from one generator seeded with {@code seed}.
   */
  public void initialize(long seed) {
    Rng rng = new Rng(seed);
    for (int l = 0; l < layers; l++) {
      spec.weightInit().fill(params, weightOffset[l], biasOffset[l], fanIn[l], width[l], rng);
      spec.biasInit().fill(params, biasOffset[l], biasOffset[l] + width[l], fanIn[l], width[l], rng);
    }
  }

  /** The architecture this network was built from (activations as built, see {@link #activation}). */
  public NetworkSpec spec() {
    return spec;
  }

  public int inputSize() {
    return spec.inputSize();
  }

  public int outputSize() {
    return spec.outputSize();
  }

  public Task task() {
    return spec.task();
  }

  /** Layers with weights: the hidden layers then the output layer. */
  public int layerCount() {
    return layers;
  }

  /** Index of the output layer, {@code layerCount() − 1}. */
  public int outputLayer() {
    return layers - 1;
  }

  public int width(int layer) {
    return width[layer];
  }

  public int fanIn(int layer) {
    return fanIn[layer];
  }

  public int weightOffset(int layer) {
    return weightOffset[layer];
  }

  public int biasOffset(int layer) {
    return biasOffset[layer];
  }

  public int parameterCount() {
    return params.length;
  }

  /** The live parameter array (weights and biases of all layers). Not a copy: handle with care. */
  public double[] parameters() {
    return params;
  }

  /** Copies all parameters into {@code dst} (length ≥ {@link #parameterCount()}). */
  public void copyParameters(double[] dst) {
    System.arraycopy(params, 0, dst, 0, params.length);
  }

  /** Replaces all parameters from {@code src}. */
  public void setParameters(double[] src) {
    if (src.length != params.length) {
      throw new IllegalArgumentException("expected " + params.length + " parameters, got "
          + src.length);
    }
    System.arraycopy(src, 0, params, 0, params.length);
  }

  /** Weight from input {@code i} to unit {@code j} of layer {@code l}. */
  public double weight(int l, int j, int i) {
    return params[weightOffset[l] + j * fanIn[l] + i];
  }

  public double bias(int l, int j) {
    return params[biasOffset[l] + j];
  }

  /** The activation of hidden layer {@code l}; {@code null} for the output layer. */
  public Activation activation(int l) {
    return l < activations.length ? activations[l] : null;
  }

  /** The hidden layers' activations, input side first. */
  public List<Activation> activations() {
    return List.of(activations);
  }

  /**
   * Changes hidden layer {@code l}'s activation, keeping every weight (e.g. switching dead ReLUs to
   * Leaky ReLU while training).
   */
  public void setActivation(int l, Activation f) {
    if (l < 0 || l >= activations.length) {
      throw new IllegalArgumentException("hidden layer index " + l + " outside 0.."
          + (activations.length - 1));
    }
    activations[l] = f;
    kernels[l] = Kernel.of(f);
  }

  /** Sets the same activation on every hidden layer. */
  public void setActivation(Activation f) {
    for (int l = 0; l < activations.length; l++) {
      setActivation(l, f);
    }
  }

  Kernel kernel(int l) {
    return kernels[l];
  }

  /** Whether every parameter is finite. */
  public boolean isFinite() {
    for (double p : params) {
      if (!Double.isFinite(p)) {
        return false;
      }
    }
    return true;
  }

  /** Buffers for batches of up to {@code capacity} samples. */
  public Workspace newWorkspace(int capacity) {
    return new Workspace(this, capacity);
  }

  /** Values per sample in a target array: 1 for classification (0/1 or the class index), else outputs. */
  public int targetWidth() {
    return spec.task() == Task.REGRESSION ? spec.outputSize() : 1;
  }

  // ---------------------------------------------------------------------------------- forward

  /**
   * Forward pass of {@code n} samples from {@code ws.input} (feature-major, see {@link
   * Workspace}; fill it with {@link #loadInputs}): fills
   * each layer's pre-activations {@code z} and outputs {@code a}, and {@code ws.output} with the
   * task's output (probability of class 1, class probabilities, or the regression value).
   */
  public void forward(Workspace ws, int n) {
    check(ws, n);
    double[] p = params;
    double[] prev = ws.input;
    for (int l = 0; l < layers; l++) {
      final int pin = fanIn[l];
      final int w = width[l];
      final int wo = weightOffset[l];
      final int bo = biasOffset[l];
      Dense.forward(p, wo, bo, pin, w, prev, ws.z[l], n);
      if (l < layers - 1) {
        kernels[l].values(ws.z[l], ws.a[l], ws.fprime[l], n * w); // fprime is free until backward
        prev = ws.a[l];
      }
    }
    outputTransform(ws, n);
  }

  private void outputTransform(Workspace ws, int n) {
    int k = spec.outputSize();
    double[] z = ws.z[layers - 1];
    double[] out = ws.output;
    switch (spec.task()) {
      case BINARY -> {
        for (int b = 0; b < n; b++) {
          out[b] = SpecialFunctions.sigmoid(z[b]);
        }
      }
      case MULTICLASS -> {
        for (int b = 0; b < n; b++) {
          int o = b * k;
          double max = z[b];
          for (int c = 1; c < k; c++) {
            max = Math.max(max, z[c * n + b]);
          }
          double sum = 0;
          for (int c = 0; c < k; c++) {
            double e = Math.exp(z[c * n + b] - max);
            out[o + c] = e;
            sum += e;
          }
          double inv = 1.0 / sum;
          for (int c = 0; c < k; c++) {
            out[o + c] *= inv;
          }
        }
      }
      case REGRESSION -> {
        for (int b = 0; b < n; b++) {
          for (int c = 0; c < k; c++) {
            out[b * k + c] = z[c * n + b];
          }
        }
      }
      default -> throw new AssertionError();
    }
  }

  /**
   * Mean loss of the last {@link #forward} over its {@code n} samples against {@code targets}
   * ({@link #targetWidth()} values per sample); also writes ∂L/∂z of the output layer into {@code
   * ws.delta} when {@code withGradient}.
   */
  public double loss(Workspace ws, double[] targets, int n, boolean withGradient) {
    int k = spec.outputSize();
    double[] z = ws.z[layers - 1];
    double[] out = ws.output;
    double[] d = ws.delta[layers - 1];
    double loss = 0;
    switch (spec.task()) {
      case BINARY -> {
        double inv = 1.0 / n;
        for (int b = 0; b < n; b++) {
          double x = z[b];
          double y = targets[b];
          loss += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
          if (withGradient) {
            d[b] = (out[b] - y) * inv;
          }
        }
        return loss * inv;
      }
      case MULTICLASS -> {
        double inv = 1.0 / n;
        for (int b = 0; b < n; b++) {
          int o = b * k;
          int y = (int) targets[b];
          double max = z[b];
          for (int c = 1; c < k; c++) {
            max = Math.max(max, z[c * n + b]);
          }
          double sum = 0;
          for (int c = 0; c < k; c++) {
            sum += Math.exp(z[c * n + b] - max);
          }
          loss += Math.log(sum) + max - z[y * n + b];
          if (withGradient) {
            for (int c = 0; c < k; c++) {
              d[c * n + b] = (out[o + c] - (c == y ? 1.0 : 0.0)) * inv;
            }
          }
        }
        return loss * inv;
      }
      case REGRESSION -> {
        double inv = 1.0 / (n * k);
        for (int b = 0; b < n; b++) {
          for (int c = 0; c < k; c++) {
            double diff = z[c * n + b] - targets[b * k + c];
            loss += diff * diff;
            if (withGradient) {
              d[c * n + b] = 2.0 * diff * inv;
            }
          }
        }
        return loss * inv;
      }
      default -> throw new AssertionError();
    }
  }

  /**
   * How many of the last {@link #forward}'s {@code n} samples are classified correctly (binary:
   * logit &gt; 0 means class 1; multi-class: the largest logit, the first on ties); 0 for
   * regression.
   */
  public int correct(Workspace ws, double[] targets, int n) {
    double[] z = ws.z[layers - 1];
    int k = spec.outputSize();
    int correct = 0;
    switch (spec.task()) {
      case BINARY -> {
        for (int b = 0; b < n; b++) {
          correct += (z[b] > 0 ? 1 : 0) == (int) targets[b] ? 1 : 0;
        }
      }
      case MULTICLASS -> {
        for (int b = 0; b < n; b++) {
          int best = 0;
          for (int c = 1; c < k; c++) {
            if (z[c * n + b] > z[best * n + b]) {
              best = c;
            }
          }
          correct += best == (int) targets[b] ? 1 : 0;
        }
      }
      default -> {
        return 0;
      }
    }
    return correct;
  }

  // --------------------------------------------------------------------------------- backward

  /**
   * Backward pass after {@link #forward} and {@link #loss} with gradient: writes ∂L/∂θ of the
   * batch-mean loss into {@code ws.gradients} (same layout as {@link #parameters()}) and each
   * layer's δ = ∂L/∂z into {@code ws.delta}. When {@code stats} is not null, fills its gradient and
   * activation statistics for this batch.
   */
  public void backward(Workspace ws, int n, StepStatistics stats) {
    double[] p = params;
    double[] g = ws.gradients;
    Arrays.fill(g, 0.0);
    for (int l = layers - 1; l >= 0; l--) {
      final int pin = fanIn[l];
      final int w = width[l];
      final int wo = weightOffset[l];
      final int bo = biasOffset[l];
      final double[] delta = ws.delta[l];
      final double[] prev = l == 0 ? ws.input : ws.a[l - 1];
      Dense.weightGradient(g, wo, bo, pin, w, prev, delta, n,
          stats != null ? stats.neuronGradMeanAbs[l] : null);
      if (l > 0) {
        double[] fp = ws.fprime[l - 1];
        kernels[l - 1].derivatives(ws.z[l - 1], ws.a[l - 1], fp, n * pin);
        Dense.inputError(p, wo, pin, w, delta, fp, ws.delta[l - 1], n);
      }
    }
    if (stats != null) {
      // two layers at a time: their sums are independent addition chains that can overlap
      int l = 0;
      for (; l + 2 <= layers; l += 2) {
        layerPairStats(ws, n, l, stats);
      }
      if (l < layers) {
        layerStats(ws, n, l, stats);
      }
      stats.batchSize = n;
    }
  }

  /** {@link #layerStats} of layers l and l + 1, their long sums computed in pairs. */
  private void layerPairStats(Workspace ws, int n, int l, StepStatistics s) {
    final double[] g = ws.gradients;
    final double[] sums = ws.sums;
    Reduce.sumSquares2(g, weightOffset[l], biasOffset[l], weightOffset[l + 1],
        biasOffset[l + 1], sums);
    final double sw0 = sums[0];
    final double sw1 = sums[1];
    Reduce.sumAndSquares2(outputs(ws, l), n * width[l], outputs(ws, l + 1), n * width[l + 1],
        sums);
    finishLayerStats(ws, n, l, sw0, sums[0], sums[1], s);
    finishLayerStats(ws, n, l + 1, sw1, sums[2], sums[3], s);
  }

  /** Layer l's a = f(z), or for the output layer the task output. */
  private double[] outputs(Workspace ws, int l) {
    return l < layers - 1 ? ws.a[l] : ws.output;
  }

  private void layerStats(Workspace ws, int n, int l, StepStatistics s) {
    double sw = Reduce.sumSquares(ws.gradients, weightOffset[l], biasOffset[l]);
    Reduce.sumAndSquares(outputs(ws, l), 0, n * width[l], ws.pair);
    finishLayerStats(ws, n, l, sw, ws.pair[0], ws.pair[1], s);
  }

  /**
   * The rest of {@link #layerStats} given the layer's Σ(∂L/∂W)² {@code sw} and Σa, Σa² over the
   * batch: the same expressions in the same order, so the results are bit-identical.
   */
  private void finishLayerStats(Workspace ws, int n, int l, double sw, double sum, double sq,
      StepStatistics s) {
    final int w = width[l];
    // Σ_b |δ_bj| from the backward loop; δ is for the batch-mean loss, so this is already the
    // mean over the batch of the per-sample error |∂ℓ_b/∂z_j|
    final double[] neuron = s.neuronGradMeanAbs[l];
    double layerSum = 0;
    for (int j = 0; j < w; j++) {
      layerSum += neuron[j];
    }
    s.gradMeanAbs[l] = layerSum / w;
    double sb = Reduce.sumSquares(ws.gradients, biasOffset[l], biasOffset[l] + w);
    s.gradWeightRms[l] = Math.sqrt(sw / (fanIn[l] * w));
    s.gradBiasRms[l] = Math.sqrt(sb / w);
    int m = n * w;
    double mean = sum / m;
    s.activationMean[l] = mean;
    s.activationStd[l] = Math.sqrt(Math.max(0, sq / m - mean * mean));
  }


  /** Forward, loss and backward of one batch already in {@code ws.input}; returns the mean loss. */
  public double gradient(Workspace ws, double[] targets, int n, StepStatistics stats) {
    forward(ws, n);
    double loss = loss(ws, targets, n, true);
    backward(ws, n, stats);
    return loss;
  }

  /**
   * Task outputs for {@code n} samples of {@code inputs} (n × inputSize) into {@code out} (n ×
   * outputSize), in chunks of the workspace's capacity.
   */
  public void predict(double[] inputs, int n, double[] out, Workspace ws) {
    int in = inputSize();
    int k = outputSize();
    for (int start = 0; start < n; start += ws.capacity) {
      int m = Math.min(ws.capacity, n - start);
      loadInputs(ws, inputs, start, m);
      forward(ws, m);
      System.arraycopy(ws.output, 0, out, start * k, m * k);
    }
  }

  /**
   * Copies samples [from, from+n) of sample-major {@code inputs} (inputSize values per sample)
   * into the workspace's feature-major input batch.
   */
  public void loadInputs(Workspace ws, double[] inputs, int from, int n) {
    int in = inputSize();
    double[] dst = ws.input;
    for (int b = 0; b < n; b++) {
      int src = (from + b) * in;
      for (int k = 0; k < in; k++) {
        dst[k * n + b] = inputs[src + k];
      }
    }
  }

  private void check(Workspace ws, int n) {
    if (ws.owner != layoutKey()) {
      if (!ws.fits(this)) {
        throw new IllegalArgumentException("workspace was made for another architecture");
      }
    }
    if (n < 1 || n > ws.capacity) {
      throw new IllegalArgumentException("batch of " + n + " outside 1.." + ws.capacity);
    }
  }

  private Object layoutKey() {
    return spec;
  }

  /**
   * Buffers for forward and backward passes of up to {@code capacity} samples: the input batch,
   * per layer the pre-activations z, outputs a = f(z), derivatives f'(z) and errors δ, the output
   * transform and the parameter gradients. Per-layer arrays of a batch of n samples are
   * feature-major: unit j of sample b at {@code [j·n + b]} (so a unit's values over the batch are
   * contiguous); {@link #output} is sample-major ({@code [b·outputSize + c]}).
   */
  public static final class Workspace {
    final Object owner;
    final int capacity;
    /** The input batch, feature k of sample b at {@code [k·n + b]}; see {@link Mlp#loadInputs}. */
    public final double[] input;
    final double[][] z;
    final double[][] a;
    final double[][] fprime;
    final double[][] delta;
    /** Task outputs of the last forward pass, n × outputSize. */
    public final double[] output;
    /** ∂L/∂θ of the last backward pass, laid out like {@link Mlp#parameters()}. */
    public final double[] gradients;
    private final int[] widths;
    final double[] pair = new double[2];
    /** Sums of two layers' statistics at once (see {@link Mlp#layerPairStats}). */
    final double[] sums = new double[4];

    Workspace(Mlp m, int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be positive");
      }
      this.owner = m.layoutKey();
      this.capacity = capacity;
      this.input = new double[capacity * m.inputSize()];
      int layers = m.layers;
      this.z = new double[layers][];
      this.a = new double[layers - 1][];
      this.fprime = new double[layers - 1][];
      this.delta = new double[layers][];
      this.widths = m.width.clone();
      for (int l = 0; l < layers; l++) {
        z[l] = new double[capacity * m.width[l]];
        delta[l] = new double[capacity * m.width[l]];
        if (l < layers - 1) {
          a[l] = new double[capacity * m.width[l]];
          fprime[l] = new double[capacity * m.width[l]];
        }
      }
      this.output = new double[capacity * m.outputSize()];
      this.gradients = new double[m.parameterCount()];
    }

    boolean fits(Mlp m) {
      return Arrays.equals(widths, m.width) && input.length == capacity * m.inputSize();
    }

    public int capacity() {
      return capacity;
    }

    /** Pre-activations of layer l from the last forward pass (live buffer, {@code [j·n + b]}). */
    public double[] preActivations(int l) {
      return z[l];
    }

    /** Outputs f(z) of hidden layer l from the last forward pass (live, {@code [j·n + b]}). */
    public double[] activations(int l) {
      return a[l];
    }

    /** ∂L/∂z (batch-mean L) of layer l from the last backward pass (live, {@code [j·n + b]}). */
    public double[] deltas(int l) {
      return delta[l];
    }
  }
}
