package org.activationlab.nn;

/**
 * The dense-layer loops. Batch buffers are feature-major: value j of sample b of a batch of n is
 * at {@code [j·n + b]}, so a block of consecutive samples sits at constant offsets from one index
 * and eight (or four, two) samples share every weight load with independent accumulators. Weights are
 * row-major, {@code W[j][i]} at {@code wo + j·fanIn + i}. Every per-sample sum runs in the same
 * order whatever the blocking, so results do not depend on the batch composition.
 */
final class Dense {
  private Dense() {}

  /** z[j][b] = bias_j + Σ_i W[j][i]·x[i][b]. */
  static void forward(double[] p, int wo, int bo, int pin, int w, double[] x, double[] z, int n) {
    int b = 0;
    for (; b + 8 <= n; b += 8) {
      for (int j = 0; j < w; j++) {
        final int row = wo + j * pin;
        final double bias = p[bo + j];
        double s0 = bias;
        double s1 = bias;
        double s2 = bias;
        double s3 = bias;
        double s4 = bias;
        double s5 = bias;
        double s6 = bias;
        double s7 = bias;
        for (int i = 0, k = b; i < pin; i++, k += n) {
          final double wv = p[row + i];
          s0 += wv * x[k];
          s1 += wv * x[k + 1];
          s2 += wv * x[k + 2];
          s3 += wv * x[k + 3];
          s4 += wv * x[k + 4];
          s5 += wv * x[k + 5];
          s6 += wv * x[k + 6];
          s7 += wv * x[k + 7];
        }
        final int zo = j * n + b;
        z[zo] = s0;
        z[zo + 1] = s1;
        z[zo + 2] = s2;
        z[zo + 3] = s3;
        z[zo + 4] = s4;
        z[zo + 5] = s5;
        z[zo + 6] = s6;
        z[zo + 7] = s7;
      }
    }
    for (; b + 4 <= n; b += 4) {
      for (int j = 0; j < w; j++) {
        final int row = wo + j * pin;
        final double bias = p[bo + j];
        double s0 = bias;
        double s1 = bias;
        double s2 = bias;
        double s3 = bias;
        for (int i = 0, k = b; i < pin; i++, k += n) {
          final double wv = p[row + i];
          s0 += wv * x[k];
          s1 += wv * x[k + 1];
          s2 += wv * x[k + 2];
          s3 += wv * x[k + 3];
        }
        final int zo = j * n + b;
        z[zo] = s0;
        z[zo + 1] = s1;
        z[zo + 2] = s2;
        z[zo + 3] = s3;
      }
    }
    for (; b + 2 <= n; b += 2) {
      for (int j = 0; j < w; j++) {
        final int row = wo + j * pin;
        final double bias = p[bo + j];
        double s0 = bias;
        double s1 = bias;
        for (int i = 0, k = b; i < pin; i++, k += n) {
          final double wv = p[row + i];
          s0 += wv * x[k];
          s1 += wv * x[k + 1];
        }
        final int zo = j * n + b;
        z[zo] = s0;
        z[zo + 1] = s1;
      }
    }
    for (; b < n; b++) {
      for (int j = 0; j < w; j++) {
        final int row = wo + j * pin;
        double s0 = p[bo + j];
        for (int i = 0, k = b; i < pin; i++, k += n) {
          s0 += p[row + i] * x[k];
        }
        z[j * n + b] = s0;
      }
    }
  }

  /**
   * g[W] += Σ_b δ[j][b]·x[i][b] and g[b_j] += Σ_b δ[j][b] (g must start at 0 per step); when
   * {@code absSum} is not null also absSum[j] = Σ_b |δ[j][b]| (for the statistics, at no extra
   * memory traffic).
   */
  static void weightGradient(double[] g, int wo, int bo, int pin, int w, double[] x,
      double[] delta, int n, double[] absSum) {
    for (int j = 0; j < w; j++) {
      final int row = wo + j * pin;
      final int dj = j * n;
      double sa = 0;
      int b = 0;
      for (; b + 8 <= n; b += 8) {
        final double e0 = delta[dj + b];
        final double e1 = delta[dj + b + 1];
        final double e2 = delta[dj + b + 2];
        final double e3 = delta[dj + b + 3];
        final double e4 = delta[dj + b + 4];
        final double e5 = delta[dj + b + 5];
        final double e6 = delta[dj + b + 6];
        final double e7 = delta[dj + b + 7];
        g[bo + j] += ((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7));
        sa += ((Math.abs(e0) + Math.abs(e1)) + (Math.abs(e2) + Math.abs(e3)))
            + ((Math.abs(e4) + Math.abs(e5)) + (Math.abs(e6) + Math.abs(e7)));
        for (int i = 0, k = b; i < pin; i++, k += n) {
          g[row + i] += ((e0 * x[k] + e1 * x[k + 1]) + (e2 * x[k + 2] + e3 * x[k + 3]))
              + ((e4 * x[k + 4] + e5 * x[k + 5]) + (e6 * x[k + 6] + e7 * x[k + 7]));
        }
      }
      for (; b + 4 <= n; b += 4) {
        final double e0 = delta[dj + b];
        final double e1 = delta[dj + b + 1];
        final double e2 = delta[dj + b + 2];
        final double e3 = delta[dj + b + 3];
        g[bo + j] += (e0 + e1) + (e2 + e3);
        sa += (Math.abs(e0) + Math.abs(e1)) + (Math.abs(e2) + Math.abs(e3));
        for (int i = 0, k = b; i < pin; i++, k += n) {
          g[row + i] += (e0 * x[k] + e1 * x[k + 1]) + (e2 * x[k + 2] + e3 * x[k + 3]);
        }
      }
      for (; b + 2 <= n; b += 2) {
        final double e0 = delta[dj + b];
        final double e1 = delta[dj + b + 1];
        g[bo + j] += e0 + e1;
        sa += Math.abs(e0) + Math.abs(e1);
        for (int i = 0, k = b; i < pin; i++, k += n) {
          g[row + i] += e0 * x[k] + e1 * x[k + 1];
        }
      }
      for (; b < n; b++) {
        final double e0 = delta[dj + b];
        g[bo + j] += e0;
        sa += Math.abs(e0);
        for (int i = 0, k = b; i < pin; i++, k += n) {
          g[row + i] += e0 * x[k];
        }
      }
      if (absSum != null) {
        absSum[j] = sa;
      }
    }
  }

  /** gx[i][b] = fp[i][b] · Σ_j W[j][i]·δ[j][b]: the previous layer's δ. */
  static void inputError(double[] p, int wo, int pin, int w, double[] delta, double[] fp,
      double[] gx, int n) {
    int b = 0;
    for (; b + 8 <= n; b += 8) {
      for (int i = 0; i < pin; i++) {
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        double t4 = 0;
        double t5 = 0;
        double t6 = 0;
        double t7 = 0;
        for (int j = 0, k = wo + i, d = b; j < w; j++, k += pin, d += n) {
          final double wv = p[k];
          t0 += wv * delta[d];
          t1 += wv * delta[d + 1];
          t2 += wv * delta[d + 2];
          t3 += wv * delta[d + 3];
          t4 += wv * delta[d + 4];
          t5 += wv * delta[d + 5];
          t6 += wv * delta[d + 6];
          t7 += wv * delta[d + 7];
        }
        final int o = i * n + b;
        gx[o] = t0 * fp[o];
        gx[o + 1] = t1 * fp[o + 1];
        gx[o + 2] = t2 * fp[o + 2];
        gx[o + 3] = t3 * fp[o + 3];
        gx[o + 4] = t4 * fp[o + 4];
        gx[o + 5] = t5 * fp[o + 5];
        gx[o + 6] = t6 * fp[o + 6];
        gx[o + 7] = t7 * fp[o + 7];
      }
    }
    for (; b + 4 <= n; b += 4) {
      for (int i = 0; i < pin; i++) {
        double t0 = 0;
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (int j = 0, k = wo + i, d = b; j < w; j++, k += pin, d += n) {
          final double wv = p[k];
          t0 += wv * delta[d];
          t1 += wv * delta[d + 1];
          t2 += wv * delta[d + 2];
          t3 += wv * delta[d + 3];
        }
        final int o = i * n + b;
        gx[o] = t0 * fp[o];
        gx[o + 1] = t1 * fp[o + 1];
        gx[o + 2] = t2 * fp[o + 2];
        gx[o + 3] = t3 * fp[o + 3];
      }
    }
    for (; b + 2 <= n; b += 2) {
      for (int i = 0; i < pin; i++) {
        double t0 = 0;
        double t1 = 0;
        for (int j = 0, k = wo + i, d = b; j < w; j++, k += pin, d += n) {
          final double wv = p[k];
          t0 += wv * delta[d];
          t1 += wv * delta[d + 1];
        }
        final int o = i * n + b;
        gx[o] = t0 * fp[o];
        gx[o + 1] = t1 * fp[o + 1];
      }
    }
    for (; b < n; b++) {
      for (int i = 0; i < pin; i++) {
        double t0 = 0;
        for (int j = 0, k = wo + i, d = b; j < w; j++, k += pin, d += n) {
          t0 += p[k] * delta[d];
        }
        final int o = i * n + b;
        gx[o] = t0 * fp[o];
      }
    }
  }
}
