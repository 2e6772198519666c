package org.activationlab.nn;

import org.activationlab.activation.Activation;

/**
 * A layer's activation applied to whole arrays. One call per layer and batch keeps the element
 * loops monomorphic. Common functions get a specialised kernel (e.g. sigmoid's derivative from its
 * output, saving an exp); it is used only after checking that it agrees with the catalog's own
 * {@link Activation} at probe points, otherwise the generic kernel delegates to the activation.
 */
abstract class Kernel {
  final Activation activation;

  Kernel(Activation activation) {
    this.activation = activation;
  }

  /** a[i] = f(z[i]) for i in [0, n), with a scratch array of its own (for checks and tests). */
  final void values(double[] z, double[] a, int n) {
    values(z, a, new double[n], n);
  }

  /**
   * a[i] = f(z[i]) for i in [0, n); {@code scratch} (length ≥ n) may be overwritten. Kernels hold
   * no buffers of their own, so one instance can serve several threads' networks.
   */
  abstract void values(double[] z, double[] a, double[] scratch, int n);

  /** d[i] = f'(z[i]) for i in [0, n), given a = f(z). */
  abstract void derivatives(double[] z, double[] a, double[] d, int n);

  private static final double[] CHECK_POINTS = {
    -30, -7.5, -3.1, -1, -0.7, -1e-3, 0, 1e-3, 0.4, 1, 2.5, 7, 30
  };

  static Kernel of(Activation f) {
    Kernel k = switch (f.function().id()) {
      case "sigmoid" -> new Sigmoid(f);
      case "tanh" -> new Tanh(f);
      case "relu" -> new Relu(f);
      case "leaky_relu" -> f.parameterValues().length == 1 && f.parameterValues()[0] >= 0
          ? new Leaky(f, f.parameterValues()[0]) : null;
      default -> null;
    };
    if (k != null && agrees(k, f)) {
      return k;
    }
    return new Generic(f);
  }

  private static boolean agrees(Kernel k, Activation f) {
    int n = CHECK_POINTS.length;
    double[] a = new double[n];
    double[] d = new double[n];
    k.values(CHECK_POINTS, a, n);
    k.derivatives(CHECK_POINTS, a, d, n);
    for (int i = 0; i < n; i++) {
      double v = f.value(CHECK_POINTS[i]);
      double dv = f.derivative(CHECK_POINTS[i]);
      if (!(Math.abs(a[i] - v) <= 1e-13 * (1 + Math.abs(v)))
          || !(Math.abs(d[i] - dv) <= 1e-13 * (1 + Math.abs(dv)))) {
        return false;
      }
    }
    return true;
  }

  static final class Generic extends Kernel {
    Generic(Activation f) {
      super(f);
    }

    @Override
    void values(double[] z, double[] a, double[] scratch, int n) {
      activation.values(z, a, 0, n);
    }

    @Override
    void derivatives(double[] z, double[] a, double[] d, int n) {
      activation.derivatives(z, d, 0, n);
    }
  }

  static final class Sigmoid extends Kernel {
    Sigmoid(Activation f) {
      super(f);
    }

    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final double[] TWO_POW = new double[64];
    private static final double MAGIC = 0x1.8p52;
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    private static final double INV_LN2_64 = 64 / Math.log(2);
    private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64; // fdlibm split
    private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64;

    static {
      for (int j = 0; j < 64; j++) {
        TWO_POW[j] = StrictMath.pow(2, j / 64.0);
      }
    }

    /**
     * e^y for y ≤ 0, inlined (Tang's table method: y = (64m + j)·ln2/64 + r, |r| ≤ ln2/128,
     * e^y = 2^m · 2^(j/64) · e^r with a degree-5 polynomial; within 2 ulp of {@link Math#exp}).
     * Falls back to Math.exp below −700, where results become subnormal.
     */
    static double expNonPositive(double y) {
        if (y < -FAST_LIMIT) {
        return Math.exp(y);
      }
      double kd = (y * INV_LN2_64 + MAGIC) - MAGIC;
      long k = (long) kd;
      double r = (y - kd * LN2_64_HI) - kd * LN2_64_LO;
      double p = r + r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120))));
      double t = TWO_POW[(int) (k & 63)];
      return (t + t * p) * Double.longBitsToDouble(((k >> 6) + 1023) << 52);
    }

    /** Below −700, e^y goes to {@link Math#exp} (the table method's 2^m would be subnormal). */
    private static final double FAST_LIMIT = 700;
    /** k ≥ this implies y &gt; −699 &gt; −{@link #FAST_LIMIT}: no need to look at y itself. */
    private static final long K_SURELY_FAST = (long) (-(FAST_LIMIT - 1) * INV_LN2_64);

    /**
     * The catalog's stable form, 1/(1+e^−x) for x ≥ 0 and e^x/(1+e^x) below, with e = exp(−|x|)
     * from {@link #expNonPositive}'s arithmetic (so values may differ from the catalog's by an ulp,
     * but are bit-identical to the one-element form {@link #value}).
     *
     * <p>One element at a time the ~70-cycle dependency chain (polynomial, scaling, division)
     * is latency-bound. Split into passes over the whole array instead, the pure-arithmetic
     * passes are simple loops that C2's SuperWord turns into SIMD code, and only the table lookup
     * stays scalar: about 2.5 times as fast on 80 values. Each element still sees exactly the same
     * operations in the same order, so the results do not change.
     */
    @Override
    void values(double[] z, double[] a, double[] scratch, int n) {
      final double[] s = scratch;
      // pass 1 (SIMD): the polynomial p(r) of e^r − 1, r the reduced argument; keep
      // y/(ln2/64) + 1.5·2^52, whose low bits are k = 64m + j (the same integer as (long) kd)
      for (int i = 0; i < n; i++) {
        double y = -Math.abs(z[i]);
        double shifted = y * INV_LN2_64 + MAGIC;
        double kd = shifted - MAGIC;
        double r = (y - kd * LN2_64_HI) - kd * LN2_64_LO;
        a[i] = r + r * r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120))));
        s[i] = shifted;
      }
      // pass 2 (scalar, table lookup): a = 2^(j/64)·(1 + p), s = 2^m, so that e = a·s
      for (int i = 0; i < n; i++) {
        long k = Double.doubleToRawLongBits(s[i]) - MAGIC_BITS;
        if (k < K_SURELY_FAST) { // rare: |x| near or above 700 (or infinite)
          double y = -Math.abs(z[i]);
          if (y < -FAST_LIMIT) {
            a[i] = Math.exp(y);
            s[i] = 1.0;
            continue;
          }
        }
        double t = TWO_POW[(int) (k & 63)];
        a[i] = t + t * a[i];
        s[i] = Double.longBitsToDouble(((k >> 6) + 1023) << 52);
      }
      // pass 3 (SIMD): numerator 1 for x > 0, e otherwise (e ≤ 1, and e = 1 at x = 0), as
      // max(e, step(x)): a branch-free select that SuperWord can vectorise
      for (int i = 0; i < n; i++) {
        double e = a[i] * s[i];
        a[i] = Math.max(e, step(z[i])) / (1.0 + e);
      }
    }

    /** One value, the reference for {@link #values}: e = exp(−|x|), (x &gt; 0 ? 1 : e)/(1 + e). */
    static double value(double x) {
      double e = expNonPositive(-Math.abs(x));
      long negative = Double.doubleToRawLongBits(x) >> 63; // all ones when the sign bit is set
      double num = Double.longBitsToDouble(
          (negative & Double.doubleToRawLongBits(e)) | (~negative & ONE_BITS));
      return num / (1.0 + e);
    }

    @Override
    void derivatives(double[] z, double[] a, double[] d, int n) {
      for (int i = 0; i < n; i++) {
        double s = a[i];
        d[i] = s * (1.0 - s);
      }
    }
  }

  static final class Tanh extends Kernel {
    Tanh(Activation f) {
      super(f);
    }

    @Override
    void values(double[] z, double[] a, double[] scratch, int n) {
      for (int i = 0; i < n; i++) {
        a[i] = Math.tanh(z[i]);
      }
    }

    @Override
    void derivatives(double[] z, double[] a, double[] d, int n) {
      for (int i = 0; i < n; i++) {
        double t = a[i];
        d[i] = 1.0 - t * t;
      }
    }
  }

  /**
   * 1.0 where x &gt; 0, else 0.0 (−0.0 and 0 give 0), without a branch: random signs make
   * branches mispredict about half the time, which costs several times the arithmetic.
   */
  static double step(double x) {
    return Math.min(1.0, Math.ceil(Math.max(x, 0.0)));
  }

  /** max(0, x) and its step derivative, branch-free (NaN propagates instead of becoming 0). */
  static final class Relu extends Kernel {
    Relu(Activation f) {
      super(f);
    }

    @Override
    void values(double[] z, double[] a, double[] scratch, int n) {
      for (int i = 0; i < n; i++) {
        a[i] = Math.max(z[i], 0.0);
      }
    }

    @Override
    void derivatives(double[] z, double[] a, double[] d, int n) {
      for (int i = 0; i < n; i++) {
        d[i] = step(z[i]);
      }
    }
  }

  static final class Leaky extends Kernel {
    private final double slope;

    Leaky(Activation f, double slope) {
      super(f);
      this.slope = slope;
    }

    /** s·x + (1 − s)·slope·x with s = step(x) ∈ {0, 1}: exactly x or slope·x, branch-free. */
    @Override
    void values(double[] z, double[] a, double[] scratch, int n) {
      for (int i = 0; i < n; i++) {
        double x = z[i];
        double s = step(x);
        a[i] = s * x + (1.0 - s) * (slope * x);
      }
    }

    @Override
    void derivatives(double[] z, double[] a, double[] d, int n) {
      for (int i = 0; i < n; i++) {
        double s = step(z[i]);
        d[i] = s + (1.0 - s) * slope;
      }
    }
  }
}
