package org.activationlab.nn;

import java.util.Arrays;
import org.activationlab.activation.Activation;

/**
 * The maths of {@link Mlp} in one sitting: the same network written as in a textbook, one sample
 * and one unit at a time on {@code double[][]}, with no blocking, no flat arrays and no
 * specialised kernels. It exists to be read, and to be the oracle of {@link
 * ReferenceMlpProperties}, which checks that the fast engine computes the same numbers.
 *
 * <p>Layers l = 0..L−1 carry weights; the last one is the output layer. For sample b of a batch
 * of N, with a⁻¹ = x the input:
 *
 * <pre>
 *   z^l = W^l a^(l−1) + b^l       z_j = b_j + Σ_i W_ji a_i, summed from the bias, i = 0, 1, …
 *   a^l = f_l(z^l)                hidden layers, f_l a catalog {@link Activation}
 *   ŷ = σ(z) | softmax(z) | z     output of {@link Task#BINARY} | MULTICLASS | REGRESSION
 *   L = (1/N) Σ_b ℓ_b             ℓ = binary or categorical cross-entropy; for MSE
 *                                 L = 1/(N·K) Σ_b Σ_c (z_c − y_c)², K outputs, no ½
 * </pre>
 *
 * Backpropagation carries δ^l = ∂L/∂z^l down the layers:
 *
 * <pre>
 *   δ^(L−1) = (ŷ − y)/N           both cross-entropies (y one-hot for MULTICLASS)
 *   δ^(L−1) = 2(z − y)/(N·K)      mean squared error
 *   ∂L/∂W^l_ji = Σ_b δ^l_bj a^(l−1)_bi        ∂L/∂b^l_j = Σ_b δ^l_bj
 *   δ^(l−1)_bi = f'(z^(l−1)_bi) Σ_j W^l_ji δ^l_bj      ∂L/∂x_bi = Σ_j W^0_ji δ^0_bj
 * </pre>
 *
 * Arrays are sample-major: {@code z[l][b][j]} is unit j of layer l for sample b.
 */
final class ReferenceMlp {
  final Task task;
  final int layers;
  /** {@code weights[l][j][i]}: from input i to unit j of layer l. */
  final double[][][] weights;
  final double[][] biases;
  /** The activation f_l of each hidden layer. */
  final Activation[] f;

  // Filled by forward: the input x, pre-activations z, hidden outputs a = f(z), task outputs ŷ.
  double[][] x;
  double[][][] z;
  double[][][] a;
  double[][] output;
  // Filled by backward: δ = ∂L/∂z per layer, ∂L/∂W, ∂L/∂b and ∂L/∂x.
  double[][][] delta;
  double[][][] weightGradients;
  double[][] biasGradients;
  double[][] inputGradients;

  /** A twin of {@code net}: its task, activations and a copy of its current parameters. */
  ReferenceMlp(Mlp net) {
    task = net.task();
    layers = net.layerCount();
    double[] p = new double[net.parameterCount()];
    net.copyParameters(p);
    weights = new double[layers][][];
    biases = new double[layers][];
    f = new Activation[layers - 1];
    for (int l = 0; l < layers; l++) {
      int fanIn = net.fanIn(l);
      weights[l] = new double[net.width(l)][fanIn];
      biases[l] = new double[net.width(l)];
      for (int j = 0; j < net.width(l); j++) {
        for (int i = 0; i < fanIn; i++) {
          weights[l][j][i] = p[net.weightOffset(l) + j * fanIn + i]; // row-major W[j][i]
        }
        biases[l][j] = p[net.biasOffset(l) + j];
      }
      if (l < layers - 1) {
        f[l] = net.activation(l);
      }
    }
  }

  /** Forward pass of the samples {@code x[b]}; returns the task outputs ŷ[b]. */
  double[][] forward(double[][] input) {
    int n = input.length;
    x = input;
    z = new double[layers][n][];
    a = new double[layers - 1][n][];
    output = new double[n][];
    for (int b = 0; b < n; b++) {
      double[] previous = x[b];
      for (int l = 0; l < layers; l++) {
        double[][] w = weights[l];
        z[l][b] = new double[w.length];
        for (int j = 0; j < w.length; j++) {
          double sum = biases[l][j];
          for (int i = 0; i < previous.length; i++) {
            sum += w[j][i] * previous[i];
          }
          z[l][b][j] = sum;
        }
        if (l < layers - 1) {
          a[l][b] = new double[w.length];
          for (int j = 0; j < w.length; j++) {
            a[l][b][j] = f[l].value(z[l][b][j]);
          }
          previous = a[l][b];
        }
      }
      double[] logits = z[layers - 1][b];
      output[b] = switch (task) {
        case BINARY -> new double[] {sigmoid(logits[0])};
        case MULTICLASS -> softmax(logits);
        case REGRESSION -> logits.clone();
      };
    }
    return output;
  }

  /** σ(z) = 1/(1 + e^−z), written e^z/(1 + e^z) for z &lt; 0 so that e^−z cannot overflow. */
  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  /** e^(z_c − m) / Σ_k e^(z_k − m) with m = max z: the same ratio, no exp of a large number. */
  static double[] softmax(double[] z) {
    double max = Arrays.stream(z).max().getAsDouble();
    double sum = 0;
    double[] p = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      p[c] = Math.exp(z[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < z.length; c++) {
      p[c] = p[c] / sum;
    }
    return p;
  }

  /**
   * The mean loss of the last forward pass; {@code y[b]} is 0/1 (BINARY), the class index
   * (MULTICLASS) or the K target values (REGRESSION). Both cross-entropies are written from the
   * logits, as {@link Task} defines them: −[y ln σ(z) + (1−y) ln(1−σ(z))] = max(z,0) − zy +
   * ln(1 + e^−|z|), and −ln softmax(z)_y = ln Σ_c e^(z_c − m) + m − z_y.
   */
  double loss(double[][] y) {
    int n = x.length;
    int k = output[0].length;
    double sum = 0;
    for (int b = 0; b < n; b++) {
      double[] logits = z[layers - 1][b];
      switch (task) {
        case BINARY -> sum += Math.max(logits[0], 0) - logits[0] * y[b][0]
            + Math.log1p(Math.exp(-Math.abs(logits[0])));
        case MULTICLASS -> {
          double max = Arrays.stream(logits).max().getAsDouble();
          double exps = 0;
          for (double v : logits) {
            exps += Math.exp(v - max);
          }
          sum += Math.log(exps) + max - logits[(int) y[b][0]];
        }
        case REGRESSION -> {
          for (int c = 0; c < k; c++) {
            double diff = logits[c] - y[b][c];
            sum += diff * diff;
          }
        }
      }
    }
    return task == Task.REGRESSION ? sum / (n * k) : sum / n;
  }

  /** Backward pass after {@link #forward}, for the same targets as {@link #loss}. */
  void backward(double[][] y) {
    int n = x.length;
    int last = layers - 1;
    int k = output[0].length;
    delta = new double[layers][n][];
    weightGradients = new double[layers][][];
    biasGradients = new double[layers][];
    for (int b = 0; b < n; b++) { // the output layer's δ = ∂L/∂z
      delta[last][b] = new double[k];
      for (int c = 0; c < k; c++) {
        delta[last][b][c] = switch (task) {
          case BINARY -> (output[b][0] - y[b][0]) / n;
          case MULTICLASS -> (output[b][c] - (c == (int) y[b][0] ? 1 : 0)) / n;
          case REGRESSION -> 2 * (output[b][c] - y[b][c]) / (n * k);
        };
      }
    }
    for (int l = last; l >= 0; l--) {
      double[][] w = weights[l];
      double[][] previous = l == 0 ? x : a[l - 1];
      int fanIn = w[0].length;
      weightGradients[l] = new double[w.length][fanIn];
      biasGradients[l] = new double[w.length];
      for (int j = 0; j < w.length; j++) {
        for (int i = 0; i < fanIn; i++) {
          for (int b = 0; b < n; b++) {
            weightGradients[l][j][i] += delta[l][b][j] * previous[b][i];
          }
        }
        for (int b = 0; b < n; b++) {
          biasGradients[l][j] += delta[l][b][j];
        }
      }
      // one layer down: Wᵀδ, times f'(z) below a hidden layer; at the input it is ∂L/∂x
      double[][] below = new double[n][fanIn];
      for (int b = 0; b < n; b++) {
        for (int i = 0; i < fanIn; i++) {
          double sum = 0;
          for (int j = 0; j < w.length; j++) {
            sum += w[j][i] * delta[l][b][j];
          }
          below[b][i] = l == 0 ? sum : sum * f[l - 1].derivative(z[l - 1][b][i]);
        }
      }
      if (l == 0) {
        inputGradients = below;
      } else {
        delta[l - 1] = below;
      }
    }
  }
}
