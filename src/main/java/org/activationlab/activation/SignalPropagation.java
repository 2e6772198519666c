package org.activationlab.activation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * How the size of signals and gradients changes from layer to layer of a deep stack at
 * initialisation, for z ~ N(0, σ²) pre-activations: the typical gain E[f′(z)²] and the per-layer
 * backward factor χ that initialisations such as He and Glorot are designed to make 1.
 *
 * <p>The model (He et al. 2015; Poole et al. 2016): layers of equal width n (fan-in = fan-out =
 * n), weights drawn independently with mean 0 and variance Var(w), biases 0, inputs with mean
 * square 1. Write σ_w² = n·Var(w) (He: 2, Glorot and LeCun: 1). Then
 *
 * <ul>
 *   <li>forward, layer l's pre-activations are z_l ~ N(0, q_l) with q_1 = σ_w² and q_(l+1) =
 *       σ_w²·E[f(z_l)²] (the second moment, not the variance: a mean such as sigmoid's ½ feeds
 *       the next layer too);
 *   <li>backward, the error δ = ∂L/∂z loses or gains variance by χ_l = fan-out·Var(w)·E[f′(z_l)²]
 *       = σ_w²·E[f′(z_l)²] per layer, so after n layers by χ_1·…·χ_n.
 * </ul>
 *
 * For ReLU E[f′²] = ½ whatever q is, so He's σ_w² = 2 gives χ = 1 at every layer; Glorot's σ_w² = 1
 * gives χ = 1 for the identity and, as q shrinks towards 0 through the layers, for tanh; sigmoid's
 * f′ ≤ ¼ keeps χ ≤ σ_w²/16. Letting q follow the layers (rather than fixing z ~ N(0, σ_w²) at every
 * layer) matters for saturating functions: tanh with Glorot would otherwise seem to lose a factor
 * 0.46 per layer, where its q, and so its loss, shrinks layer by layer.
 *
 * <p>Expectations are integrals against the normal density, by Gauss–Legendre quadrature ({@value
 * #NODES} nodes) on panels of width σ/4 going out from 0 in both directions, split at the
 * function's declared kinks and jumps (so each piece is smooth), until a panel adds less than
 * 1e-18 of the sum beyond 10σ; a few hundred evaluations of f, accurate to about 1e-15 relative.
 */
public final class SignalPropagation {

  static final int NODES = 10;
  private static final double PANEL = 0.25;
  private static final double MIN_REACH = 10;
  private static final double MAX_REACH = 60;
  private static final double[] X;
  private static final double[] W;

  static {
    double[][] nw = gaussLegendre(NODES);
    X = nw[0];
    W = nw[1];
  }

  private SignalPropagation() {}

  /**
   * E[g(z)] for z ~ N(0, σ²), σ &gt; 0, integrating piecewise between the sorted {@code breaks}
   * (in z units) where g may jump or kink. +∞ when the integral overflows.
   */
  public static double expectation(DoubleUnaryOperator g, double sigma, double[] breaks) {
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be positive and finite: " + sigma);
    }
    double[] b = Arrays.stream(breaks).filter(Double::isFinite).map(x -> x / sigma).sorted()
        .toArray();
    // u = z/σ: E = ∫ g(σu) φ(u) du, summed outward from 0 on each side
    double sum = side(g, sigma, b, 1) + side(g, sigma, b, -1);
    return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
  }

  private static double side(DoubleUnaryOperator g, double sigma, double[] breaks, int sign) {
    double sum = 0;
    for (double u = 0; u < MAX_REACH; u += PANEL) {
      double a = u;
      double end = u + PANEL;
      double panel = 0;
      for (double br : breaks) { // split the panel at the breaks inside it
        double at = sign * br;
        if (at > a && at < end) {
          panel += piece(g, sigma, a, at, sign);
          a = at;
        }
      }
      panel += piece(g, sigma, a, end, sign);
      if (!Double.isFinite(panel)) {
        return Double.POSITIVE_INFINITY;
      }
      sum += panel;
      if (end >= MIN_REACH && Math.abs(panel) <= 1e-18 * Math.abs(sum)) {
        break;
      }
    }
    return sum;
  }

  /** ∫ over u from a to b (a &lt; b, on the side {@code sign}) of g(σu)φ(u). */
  private static double piece(DoubleUnaryOperator g, double sigma, double a, double b, int sign) {
    double half = (b - a) / 2;
    double mid = (a + b) / 2;
    double s = 0;
    for (int i = 0; i < NODES; i++) {
      double u = sign * (mid + half * X[i]);
      double density = Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
      if (density == 0) {
        continue;
      }
      s += W[i] * g.applyAsDouble(sigma * u) * density;
    }
    return s * half;
  }

  /** Break points of f and f′ for the function's parameter values. */
  private static double[] breaks(Activation f) {
    double[] p = f.parameterValues();
    double[] v = f.function().valueDiscontinuities(p);
    double[] d = f.function().derivativeDiscontinuities(p);
    double[] all = Arrays.copyOf(v, v.length + d.length);
    System.arraycopy(d, 0, all, v.length, d.length);
    return all;
  }

  /** The typical gain E[f′(z)²] for z ~ N(0, σ²). */
  public static double meanSquareDerivative(Activation f, double sigma) {
    return expectation(z -> {
      double d = f.derivative(z);
      return d * d;
    }, sigma, breaks(f));
  }

  /** E[f(z)²] for z ~ N(0, σ²): the mean square of a layer's outputs. */
  public static double meanSquare(Activation f, double sigma) {
    return expectation(z -> {
      double v = f.value(z);
      return v * v;
    }, sigma, breaks(f));
  }

  /**
   * The backward factors χ_l = σ_w²·E[f′(z_l)²] of layers l = 1…{@code layers}, with z_1 ~ N(0,
   * σ_w²) and q_(l+1) = σ_w²·E[f(z_l)²] (see the class comment). +∞ once the signal overflows;
   * when it dies out completely (q = 0) z is 0 and χ = σ_w²·f′(0)².
   *
   * @param weightScale σ_w² = fan-in·Var(w), e.g. 2 for He
   */
  public static double[] backwardFactors(Activation f, double weightScale, int layers) {
    if (!(weightScale > 0) || Double.isInfinite(weightScale)) {
      throw new IllegalArgumentException("weight scale must be positive and finite");
    }
    double[] chi = new double[layers];
    double q = weightScale;
    for (int l = 0; l < layers; l++) {
      if (Double.isInfinite(q) || Double.isNaN(q)) {
        Arrays.fill(chi, l, layers, Double.POSITIVE_INFINITY);
        break;
      }
      if (q == 0) {
        double d = f.derivative(0);
        double v = f.value(0);
        chi[l] = weightScale * d * d;
        q = weightScale * v * v;
        continue;
      }
      double sigma = Math.sqrt(q);
      chi[l] = weightScale * meanSquareDerivative(f, sigma);
      q = weightScale * meanSquare(f, sigma);
    }
    return chi;
  }

  /** Nodes and weights of n-point Gauss–Legendre quadrature on [−1, 1] (Newton on P_n). */
  static double[][] gaussLegendre(int n) {
    double[] x = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double r = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double dp = 0;
      for (int it = 0; it < 100; it++) {
        double p0 = 1;
        double p1 = r;
        for (int k = 2; k <= n; k++) {
          double p2 = ((2 * k - 1) * r * p1 - (k - 1) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        dp = n * (r * p1 - p0) / (r * r - 1);
        double step = p1 / dp;
        r -= step;
        if (Math.abs(step) < 1e-16) {
          break;
        }
      }
      x[i] = r;
      w[i] = 2 / ((1 - r * r) * dp * dp);
    }
    return new double[][] {x, w};
  }
}
