package org.activationlab.nn;

import java.util.Arrays;
import org.activationlab.activation.Activation;
import org.activationlab.activation.SpecialFunctions;

/**
 * One sample's forward and backward pass through a network, with every number kept so that it
 * can be shown and checked by hand: per layer l and unit j the inputs a_prev it read, its weights
 * w_ji and bias b_j, z_j, a_j = f(z_j), f′(z_j), and from the backward pass the sum Σ_k w_kj δ_k
 * arriving from the layer above, δ_j = ∂ℓ/∂z_j, the gradients ∂ℓ/∂w_ji and ∂ℓ/∂b_j, and the plain
 * SGD update of this sample alone, Δw_ji = −lr · ∂ℓ/∂w_ji. Immutable; computed once, on creation.
 *
 * <p>The loss ℓ is the engine's loss for a batch holding only this sample ({@link Mlp#loss} with
 * n = 1), so δ and the gradients are what {@link Mlp#gradient} computes for that batch. Indices are
 * 0-based as in {@link Mlp}: layers input side first, the output layer last.
 *
 * <pre>
 *   forward   z_j = b_j + Σ_i w_ji a_prev,i     summed from the bias, i = 0, 1, …
 *             a_j = f(z_j)                       hidden layers, the catalog's f and f′
 *             ŷ = σ(z) | softmax(z) | z          output layer: {@link Task#BINARY} | MULTICLASS |
 *                                                REGRESSION, computed as the engine does
 *   loss      ℓ = max(z,0) − z·y + log1p(e^−|z|) | logsumexp(z) − z_y | (1/K) Σ_c (z_c − y_c)²
 *   backward  output layer: δ_c = ŷ_c − t_c (t = y, or one-hot of the class y)
 *                           δ_c = 2(z_c − y_c)/K for mean squared error over K outputs
 *             hidden layer: s_j = Σ_k w_kj δ_k over the units k of the layer above, k = 0, 1, …
 *                           δ_j = f′(z_j) · s_j
 *   gradient  ∂ℓ/∂w_ji = δ_j · a_prev,i     ∂ℓ/∂b_j = δ_j
 *   update    Δw_ji = −lr · ∂ℓ/∂w_ji       Δb_j = −lr · ∂ℓ/∂b_j
 * </pre>
 *
 * The numbers exposed are the numbers used: δ of a hidden layer is exactly f′(z) times the sum
 * of w·δ over the exposed weights and δ of the layer above, in that order, so a recomputation
 * from the accessors gives the same bits. The engine's fast kernels take tanh's and sigmoid's f′
 * from a = f(z) and sum in blocks, so the fast engine agrees to rounding (SampleTraceProperties).
 *
 * <p>The update is the textbook step of this one sample; a run may train with another optimiser,
 * on batches, with weight decay or clipping, and then its real step differs.
 */
public final class SampleTrace {
  private final Task task;
  private final int layers;
  private final int[] fanIn;
  private final int[] width;
  private final Activation[] activations;
  private final double learningRate;
  private final double[] x;
  private final double[] y;
  /** {@code weights[l][j * fanIn[l] + i]}: w_ji of layer l, row-major as in {@link Mlp}. */
  private final double[][] weights;
  private final double[][] biases;
  private final double[][] z;
  /** Hidden layers: f(z); the output layer: the task's output ŷ. */
  private final double[][] a;
  /** Hidden layers: f′(z); the output layer: NaN (its transform belongs to the loss). */
  private final double[][] fprime;
  /** Hidden layers: Σ_k w_kj δ_k over the layer above; the output layer: NaN. */
  private final double[][] backSum;
  private final double[][] delta;
  /** Output layer: the target per unit (y, or one-hot of the class y). */
  private final double[] outputTargets;
  private final double loss;

  private SampleTrace(Mlp net, double[] x, double[] y, double learningRate) {
    this.task = net.task();
    this.layers = net.layerCount();
    this.learningRate = learningRate;
    this.x = x.clone();
    this.y = y.clone();
    fanIn = new int[layers];
    width = new int[layers];
    activations = new Activation[layers];
    weights = new double[layers][];
    biases = new double[layers][];
    z = new double[layers][];
    a = new double[layers][];
    fprime = new double[layers][];
    backSum = new double[layers][];
    delta = new double[layers][];
    double[] p = net.parameters();
    for (int l = 0; l < layers; l++) {
      fanIn[l] = net.fanIn(l);
      width[l] = net.width(l);
      activations[l] = net.activation(l);
      int wo = net.weightOffset(l);
      weights[l] = Arrays.copyOfRange(p, wo, wo + fanIn[l] * width[l]);
      biases[l] = Arrays.copyOfRange(p, net.biasOffset(l), net.biasOffset(l) + width[l]);
    }
    forward();
    int k = width[layers - 1];
    outputTargets = new double[k];
    loss = lossAndOutputError();
    backward();
  }

  /**
   * The trace of one sample through {@code net} as its parameters are now (they are copied).
   *
   * @param x the input, {@link Mlp#inputSize()} values
   * @param y the target, {@link Mlp#targetWidth()} values: 0 or 1 ({@link Task#BINARY}), the
   *     class index (MULTICLASS) or one value per output (REGRESSION)
   * @param learningRate the lr of the shown update Δ = −lr · gradient (&gt; 0, finite)
   * @throws IllegalArgumentException for inputs or targets that do not fit the network
   */
  public static SampleTrace of(Mlp net, double[] x, double[] y, double learningRate) {
    if (x.length != net.inputSize()) {
      throw new IllegalArgumentException("the network reads " + net.inputSize()
          + " input values, got " + x.length);
    }
    if (y.length != net.targetWidth()) {
      throw new IllegalArgumentException("the network needs " + net.targetWidth()
          + " target values, got " + y.length);
    }
    switch (net.task()) {
      case BINARY -> {
        if (y[0] != 0 && y[0] != 1) {
          throw new IllegalArgumentException("a binary target is 0 or 1, got " + y[0]);
        }
      }
      case MULTICLASS -> {
        if (y[0] != Math.rint(y[0]) || y[0] < 0 || y[0] >= net.outputSize()) {
          throw new IllegalArgumentException("a class target is in 0.." + (net.outputSize() - 1)
              + ", got " + y[0]);
        }
      }
      case REGRESSION -> { }
      default -> throw new AssertionError();
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("the learning rate must be a positive number, got "
          + learningRate);
    }
    return new SampleTrace(net, x, y, learningRate);
  }

  private void forward() {
    double[] prev = x;
    int last = layers - 1;
    for (int l = 0; l < layers; l++) {
      int n = fanIn[l];
      double[] w = weights[l];
      z[l] = new double[width[l]];
      for (int j = 0; j < width[l]; j++) {
        double s = biases[l][j];
        for (int i = 0; i < n; i++) {
          s += w[j * n + i] * prev[i];
        }
        z[l][j] = s;
      }
      a[l] = new double[width[l]];
      fprime[l] = new double[width[l]];
      if (l < last) {
        Activation f = activations[l];
        for (int j = 0; j < width[l]; j++) {
          a[l][j] = f.value(z[l][j]);
          fprime[l][j] = f.derivative(z[l][j]);
        }
        prev = a[l];
      } else {
        Arrays.fill(fprime[l], Double.NaN);
        outputTransform(z[l], a[l]);
      }
    }
  }

  /** ŷ from the logits, as {@link Mlp#forward} computes it for one sample. */
  private void outputTransform(double[] logits, double[] out) {
    switch (task) {
      case BINARY -> out[0] = SpecialFunctions.sigmoid(logits[0]);
      case MULTICLASS -> {
        double max = logits[0];
        for (int c = 1; c < logits.length; c++) {
          max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
          out[c] = Math.exp(logits[c] - max);
          sum += out[c];
        }
        double inv = 1.0 / sum;
        for (int c = 0; c < logits.length; c++) {
          out[c] *= inv;
        }
      }
      case REGRESSION -> System.arraycopy(logits, 0, out, 0, logits.length);
      default -> throw new AssertionError();
    }
  }

  /** ℓ of this sample, as {@link Mlp#loss} for a batch of one; fills the output layer's δ. */
  private double lossAndOutputError() {
    int last = layers - 1;
    int k = width[last];
    double[] logits = z[last];
    double[] out = a[last];
    double[] d = new double[k];
    delta[last] = d;
    backSum[last] = new double[k];
    Arrays.fill(backSum[last], Double.NaN);
    switch (task) {
      case BINARY -> {
        double v = logits[0];
        outputTargets[0] = y[0];
        d[0] = out[0] - y[0];
        return Math.max(v, 0) - v * y[0] + Math.log1p(Math.exp(-Math.abs(v)));
      }
      case MULTICLASS -> {
        int cls = (int) y[0];
        double max = logits[0];
        for (int c = 1; c < k; c++) {
          max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          sum += Math.exp(logits[c] - max);
        }
        for (int c = 0; c < k; c++) {
          outputTargets[c] = c == cls ? 1.0 : 0.0;
          d[c] = out[c] - outputTargets[c];
        }
        return Math.log(sum) + max - logits[cls];
      }
      case REGRESSION -> {
        double inv = 1.0 / k;
        double sum = 0;
        for (int c = 0; c < k; c++) {
          double diff = logits[c] - y[c];
          outputTargets[c] = y[c];
          sum += diff * diff;
          d[c] = 2.0 * diff * inv;
        }
        return sum * inv;
      }
      default -> throw new AssertionError();
    }
  }

  private void backward() {
    for (int l = layers - 2; l >= 0; l--) {
      int above = l + 1;
      int n = fanIn[above]; // = width[l]
      double[] w = weights[above];
      double[] dAbove = delta[above];
      backSum[l] = new double[width[l]];
      delta[l] = new double[width[l]];
      for (int j = 0; j < width[l]; j++) {
        double s = 0;
        for (int k = 0; k < width[above]; k++) {
          s += w[k * n + j] * dAbove[k];
        }
        backSum[l][j] = s;
        delta[l][j] = fprime[l][j] * s;
      }
    }
  }

  // ------------------------------------------------------------------------------- accessors

  public Task task() {
    return task;
  }

  /** Layers with weights: the hidden layers then the output layer. */
  public int layerCount() {
    return layers;
  }

  /** Index of the output layer, {@code layerCount() − 1}. */
  public int outputLayer() {
    return layers - 1;
  }

  /** Units of layer l. */
  public int width(int l) {
    return width[l];
  }

  /** Inputs of layer l: the input size for layer 0, else the width of layer l − 1. */
  public int fanIn(int l) {
    return fanIn[l];
  }

  /** The activation f of hidden layer l; null for the output layer. */
  public Activation activation(int l) {
    return activations[l];
  }

  /** The learning rate of {@link #weightUpdate} and {@link #biasUpdate}. */
  public double learningRate() {
    return learningRate;
  }

  /** The sample's input, a copy. */
  public double[] input() {
    return x.clone();
  }

  /** The sample's target as given (class index for classification), a copy. */
  public double[] target() {
    return y.clone();
  }

  /** ℓ, the loss of this sample alone. */
  public double loss() {
    return loss;
  }

  /** The task's output ŷ (probability of class 1, class probabilities, or the values), a copy. */
  public double[] output() {
    return a[layers - 1].clone();
  }

  /** Input i of layer l: x_i for layer 0, else a_i of layer l − 1. */
  public double input(int l, int i) {
    if (i < 0 || i >= fanIn[l]) {
      throw new IndexOutOfBoundsException("input " + i + " of layer " + l);
    }
    return l == 0 ? x[i] : a[l - 1][i];
  }

  /** w_ji: the weight from input i into unit j of layer l. */
  public double weight(int l, int j, int i) {
    checkUnit(l, j);
    if (i < 0 || i >= fanIn[l]) {
      throw new IndexOutOfBoundsException("input " + i + " of layer " + l);
    }
    return weights[l][j * fanIn[l] + i];
  }

  public double bias(int l, int j) {
    return biases[l][j];
  }

  /** z_j = b_j + Σ_i w_ji a_prev,i. */
  public double z(int l, int j) {
    return z[l][j];
  }

  /** f(z_j) of a hidden layer; ŷ_j, the task's output, for the output layer. */
  public double a(int l, int j) {
    return a[l][j];
  }

  /** f′(z_j) of a hidden layer; NaN for the output layer, whose transform belongs to the loss. */
  public double derivative(int l, int j) {
    return fprime[l][j];
  }

  /** Σ_k w_kj δ_k over the units k of layer l + 1 (the error reaching a hidden unit); NaN for the output layer. */
  public double backSum(int l, int j) {
    return backSum[l][j];
  }

  /** The target t_j the output unit is compared with: y_j, or 1/0 for the class y; NaN for a hidden layer. */
  public double outputTarget(int l, int j) {
    checkUnit(l, j);
    return l == layers - 1 ? outputTargets[j] : Double.NaN;
  }

  /** δ_j = ∂ℓ/∂z_j. */
  public double delta(int l, int j) {
    return delta[l][j];
  }

  /** ∂ℓ/∂w_ji = δ_j · a_prev,i. */
  public double weightGradient(int l, int j, int i) {
    checkUnit(l, j);
    return delta[l][j] * input(l, i);
  }

  /** ∂ℓ/∂b_j = δ_j. */
  public double biasGradient(int l, int j) {
    return delta[l][j];
  }

  /** Δw_ji = −lr · ∂ℓ/∂w_ji. */
  public double weightUpdate(int l, int j, int i) {
    return -learningRate * weightGradient(l, j, i);
  }

  /** Δb_j = −lr · ∂ℓ/∂b_j. */
  public double biasUpdate(int l, int j) {
    return -learningRate * biasGradient(l, j);
  }

  /**
   * All parameters after this sample's SGD update, w + Δw and b + Δb, in {@link Mlp}'s layout
   * ({@link Mlp#setParameters} takes them): what "apply this update" does.
   */
  public double[] parametersAfterUpdate() {
    int count = 0;
    for (int l = 0; l < layers; l++) {
      count += width[l] * (fanIn[l] + 1);
    }
    double[] p = new double[count];
    int off = 0;
    for (int l = 0; l < layers; l++) {
      for (int j = 0; j < width[l]; j++) {
        for (int i = 0; i < fanIn[l]; i++) {
          p[off + j * fanIn[l] + i] = weight(l, j, i) + weightUpdate(l, j, i);
        }
      }
      off += width[l] * fanIn[l];
      for (int j = 0; j < width[l]; j++) {
        p[off + j] = biases[l][j] + biasUpdate(l, j);
      }
      off += width[l];
    }
    return p;
  }

  private void checkUnit(int l, int j) {
    if (j < 0 || j >= width[l]) {
      throw new IndexOutOfBoundsException("unit " + j + " of layer " + l);
    }
  }
}
