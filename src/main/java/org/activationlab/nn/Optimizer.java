package org.activationlab.nn;

/**
 * Applies one update to a network's parameters from a gradient. With g the loss gradient (after
 * optional clipping) and, for weights only, g ← g + λ·w (coupled L2 decay), the rules are
 * PyTorch's (dampening 0, no amsgrad, not centred):
 *
 * <pre>
 * sgd       w ← w − η g
 * momentum  v ← μ v + g;               w ← w − η v
 * nesterov  v ← μ v + g;               w ← w − η (g + μ v)
 * rmsprop   s ← α s + (1 − α) g²;      w ← w − η g / (√s + ε)
 * adam      m ← β₁ m + (1 − β₁) g;     v ← β₂ v + (1 − β₂) g²;   t ← t + 1
 *           w ← w − η (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * State (v, s, m) starts at 0. Mutable and single-threaded; owns per-parameter state arrays sized
 * once, so a step allocates nothing. The learning rate, decay and clip norm may change between
 * steps without losing state.
 */
public final class Optimizer {
  private OptimizerSpec spec;
  private final double[] s1;
  private final double[] s2;
  private long t;
  /** The hyperparameters and clip scale of the last step, to reconstruct its update. */
  private OptimizerSpec lastSpec;
  private double lastScale = 1;

  public Optimizer(OptimizerSpec spec, int parameterCount) {
    this.spec = spec;
    boolean one = spec.kind() != OptimizerSpec.Kind.SGD;
    boolean two = spec.kind() == OptimizerSpec.Kind.ADAM;
    this.s1 = one ? new double[parameterCount] : null;
    this.s2 = two ? new double[parameterCount] : null;
  }

  public OptimizerSpec spec() {
    return spec;
  }

  /** Steps taken (Adam's t). */
  public long steps() {
    return t;
  }

  /**
   * Replaces hyperparameters of the same kind (learning rate, decay, clip, …), keeping the state.
   *
   * @throws IllegalArgumentException if the kind differs: make a new optimiser for that
   */
  public void update(OptimizerSpec newSpec) {
    if (newSpec.kind() != spec.kind()) {
      throw new IllegalArgumentException("optimizer kind changes need a new Optimizer");
    }
    this.spec = newSpec;
  }

  /**
   * The optimiser's whole state (copies): per-parameter averages, the step count and what the
   * last step used, for checkpoints.
   */
  public record State(OptimizerSpec.Kind kind, double[] s1, double[] s2, long t,
      OptimizerSpec lastSpec, double lastScale) {}

  /** A copy of the state. */
  public State state() {
    return new State(spec.kind(), s1 == null ? null : s1.clone(), s2 == null ? null : s2.clone(),
        t, lastSpec, lastScale);
  }

  /**
   * Puts back a state taken with {@link #state()} from an optimiser of the same kind and size.
   *
   * @throws IllegalArgumentException if the kind or the size differs
   */
  public void restore(State s) {
    if (s.kind() != spec.kind() || (s1 == null) != (s.s1() == null)
        || (s1 != null && s1.length != s.s1().length)) {
      throw new IllegalArgumentException("optimizer state of another kind or size");
    }
    if (s1 != null) {
      System.arraycopy(s.s1(), 0, s1, 0, s1.length);
    }
    if (s2 != null) {
      System.arraycopy(s.s2(), 0, s2, 0, s2.length);
    }
    t = s.t();
    lastSpec = s.lastSpec();
    lastScale = s.lastScale();
  }

  /** Forgets momentum/averages and the step count. */
  public void reset() {
    if (s1 != null) {
      java.util.Arrays.fill(s1, 0);
    }
    if (s2 != null) {
      java.util.Arrays.fill(s2, 0);
    }
    t = 0;
    lastSpec = null;
  }

  /**
   * Updates {@code net}'s parameters from {@code gradients} (laid out like {@link
   * Mlp#parameters()}). When {@code stats} is not null, records the gradient norm and whether it
   * was clipped. Without clipping, the norm in the
   * statistics is rebuilt from their per-layer gradient RMS, so {@code stats} must hold this
   * gradient's backward statistics ({@link Mlp#backward} with the same holder).
   *
   * @return the global L2 norm of {@code gradients}, or NaN when neither clipping nor statistics
   *     needed it
   */
  public double step(Mlp net, double[] gradients, StepStatistics stats) {
    double[] p = net.parameters();
    double clip = spec.clipNorm();
    double norm;
    if (clip > 0) {
      norm = norm(gradients, p.length);
    } else if (stats != null) {
      // display only: rebuilt from the per-layer RMS the backward pass already measured
      double sq = 0;
      for (int l = 0; l < net.layerCount(); l++) {
        int w = net.width(l);
        double rw = stats.gradWeightRms[l];
        double rb = stats.gradBiasRms[l];
        sq += rw * rw * (net.fanIn(l) * w) + rb * rb * w;
      }
      norm = Math.sqrt(sq);
    } else {
      norm = Double.NaN;
    }
    double scale = 1.0;
    if (clip > 0 && norm > clip) {
      scale = clip / norm;
    }
    t++;
    lastSpec = spec;
    lastScale = scale;
    double decay = spec.weightDecay();
    for (int l = 0; l < net.layerCount(); l++) {
      int wo = net.weightOffset(l);
      int bo = net.biasOffset(l);
      int be = bo + net.width(l);
      apply(p, gradients, wo, bo, scale, decay);
      apply(p, gradients, bo, be, scale, 0.0);
    }
    if (stats != null) {
      stats.gradNorm = norm;
      stats.clipped = scale < 1.0;
    }
    return norm;
  }

  /**
   * The update-to-weight ratio of the last step per layer, ‖ΔW‖ / ‖W‖ over the layer's weights
   * (biases excluded; W before the update), healthy around 1e-3. The step stores nothing extra:
   * the update is rebuilt from the optimiser's state, the parameters after the step and {@code
   * gradients}, which must still hold that step's loss gradient. Rebuilding solves each rule
   * for the weight before the update (e.g. SGD with decay: w = (w′ + η g) / (1 − η λ)), exact up
   * to rounding. NaN before the first step (or after {@link #reset()}).
   *
   * @param out one entry per layer
   */
  public void updateRatios(Mlp net, double[] gradients, double[] out) {
    for (int l = 0; l < out.length; l++) {
      out[l] = lastSpec == null ? Double.NaN
          : layerUpdateRatio(net.parameters(), gradients, net.weightOffset(l),
              net.biasOffset(l));
    }
  }

  private double layerUpdateRatio(double[] p, double[] g, int from, int to) {
    OptimizerSpec s = lastSpec;
    double lr = s.learningRate();
    double decay = s.weightDecay();
    double mu = s.momentum();
    double c1 = 1 - Math.pow(s.beta1(), t);
    double c2 = 1 - Math.pow(s.beta2(), t);
    double updates = 0;
    double weights = 0;
    for (int k = from; k < to; k++) {
      double gs = g[k] * lastScale;
      double d = switch (s.kind()) {
        case SGD -> p[k] - (p[k] + lr * gs) / (1 - lr * decay);
        case MOMENTUM -> -lr * s1[k];
        case NESTEROV -> -lr * ((gs + decay * p[k] + decay * lr * mu * s1[k]) / (1 - decay * lr)
            + mu * s1[k]);
        case RMSPROP -> {
          double den = Math.sqrt(s1[k]) + s.epsilon();
          yield -lr * ((gs + decay * p[k]) / (1 - decay * lr / den)) / den;
        }
        case ADAM -> -lr * (s1[k] / c1) / (Math.sqrt(s2[k] / c2) + s.epsilon());
      };
      double before = p[k] - d;
      updates += d * d;
      weights += before * before;
    }
    return Math.sqrt(updates / weights);
  }

  /** L2 norm of g[0..n). */
  static double norm(double[] g, int n) {
    return Math.sqrt(Reduce.sumSquares(g, 0, n));
  }

  /** Updates p[from..to) by the rule of {@link #spec}. */
  private void apply(double[] p, double[] g, int from, int to, double scale, double decay) {
    double lr = spec.learningRate();
    switch (spec.kind()) {
      case SGD -> {
        for (int k = from; k < to; k++) {
          p[k] -= lr * (g[k] * scale + decay * p[k]);
        }
      }
      case MOMENTUM -> {
        double mu = spec.momentum();
        double[] v = s1;
        for (int k = from; k < to; k++) {
          double gk = g[k] * scale + decay * p[k];
          double vk = mu * v[k] + gk;
          v[k] = vk;
          double d = -lr * vk;
          p[k] += d;
        }
      }
      case NESTEROV -> {
        double mu = spec.momentum();
        double[] v = s1;
        for (int k = from; k < to; k++) {
          double gk = g[k] * scale + decay * p[k];
          double vk = mu * v[k] + gk;
          v[k] = vk;
          double d = -lr * (gk + mu * vk);
          p[k] += d;
        }
      }
      case RMSPROP -> {
        double alpha = spec.rmsAlpha();
        double eps = spec.epsilon();
        double[] s = s1;
        for (int k = from; k < to; k++) {
          double gk = g[k] * scale + decay * p[k];
          double sk = alpha * s[k] + (1 - alpha) * gk * gk;
          s[k] = sk;
          double d = -lr * gk / (Math.sqrt(sk) + eps);
          p[k] += d;
        }
      }
      case ADAM -> {
        double b1 = spec.beta1();
        double b2 = spec.beta2();
        double eps = spec.epsilon();
        double c1 = 1 - Math.pow(b1, t);
        double c2 = 1 - Math.pow(b2, t);
        double[] m = s1;
        double[] v = s2;
        for (int k = from; k < to; k++) {
          double gk = g[k] * scale + decay * p[k];
          double mk = b1 * m[k] + (1 - b1) * gk;
          double vk = b2 * v[k] + (1 - b2) * gk * gk;
          m[k] = mk;
          v[k] = vk;
          double d = -lr * (mk / c1) / (Math.sqrt(vk / c2) + eps);
          p[k] += d;
        }
      }
      default -> throw new AssertionError();
    }
  }
}
