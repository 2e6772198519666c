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

  /** a[i] = f(z[i]) for i in [0, n). */
  abstract void values(double[] z, double[] a, int n);

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
    void values(double[] z, double[] a, int n) {
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

    @Override
    void values(double[] z, double[] a, int n) {
      for (int i = 0; i < n; i++) {
        double x = z[i];
        if (x >= 0) {
          a[i] = 1.0 / (1.0 + Math.exp(-x));
        } else {
          double e = Math.exp(x);
          a[i] = e / (1.0 + e);
        }
      }
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
    void values(double[] z, double[] a, int n) {
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

  static final class Relu extends Kernel {
    Relu(Activation f) {
      super(f);
    }

    @Override
    void values(double[] z, double[] a, int n) {
      for (int i = 0; i < n; i++) {
        double x = z[i];
        a[i] = x > 0 ? x : 0.0;
      }
    }

    @Override
    void derivatives(double[] z, double[] a, double[] d, int n) {
      for (int i = 0; i < n; i++) {
        d[i] = z[i] > 0 ? 1.0 : 0.0;
      }
    }
  }

  static final class Leaky extends Kernel {
    private final double slope;

    Leaky(Activation f, double slope) {
      super(f);
      this.slope = slope;
    }

    @Override
    void values(double[] z, double[] a, int n) {
      for (int i = 0; i < n; i++) {
        double x = z[i];
        a[i] = x > 0 ? x : slope * x;
      }
    }

    @Override
    void derivatives(double[] z, double[] a, double[] d, int n) {
      for (int i = 0; i < n; i++) {
        d[i] = z[i] > 0 ? 1.0 : slope;
      }
    }
  }
}
