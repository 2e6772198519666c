package org.activationlab.nn;

/**
 * The dense-layer loops.
 *
 * <p>To read the maths in one sitting, start with {@code ReferenceMlp} in src/test (the same
 * network as plain loops over {@code double[][]}), then see {@code ReferenceMlpProperties} there
 * for the proof that this fast code computes the same numbers.
 *
 * <p>Batch buffers are feature-major: value j of sample b of a batch of n is
 * at {@code [j·n + b]}, so a block of consecutive samples sits at constant offsets from one index
 * and eight (or four, two) samples share every weight load with independent accumulators. Weights are
 * row-major, {@code W[j][i]} at {@code wo + j·fanIn + i}. Every per-sample sum runs in the same
 * order whatever the blocking, so results do not depend on the batch composition.
 *
 * <p>Rows (forward, weight gradient) or inputs (input error) go in pairs where possible, so that
 * each load of a sample value feeds two products: the loops are bound by loads and loop overhead
 * more than by arithmetic, and pairing makes them 10–30 % faster. Pairing only regroups whole
 * per-row sums, so the results are bit-identical to one row at a time (the unpaired code stays
 * for the odd row and the 4- and 1-sample blocks).
 */
final class Dense {
  private Dense() {}

  /** z[j][b] = bias_j + Σ_i W[j][i]·x[i][b]. */
  static void forward(double[] p, int wo, int bo, int pin, int w, double[] x, double[] z, int n) {
    int b = 0;
    for (; b + 8 <= n; b += 8) {
      int j0 = 0;
      for (; j0 + 2 <= w; j0 += 2) {
        forwardPair8(p, wo + j0 * pin, p[bo + j0], p[bo + j0 + 1], pin, x, z, b, n, j0 * n + b);
      }
      for (int j = j0; j < w; j++) {
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
      int j0 = 0;
      for (; j0 + 2 <= w; j0 += 2) {
        final int row = wo + j0 * pin;
        final int row1 = row + pin;
        double s0 = p[bo + j0];
        double s1 = s0;
        double u0 = p[bo + j0 + 1];
        double u1 = u0;
        for (int i = 0, k = b; i < pin; i++, k += n) {
          final double wv = p[row + i];
          final double wv1 = p[row1 + i];
          final double x0 = x[k];
          final double x1 = x[k + 1];
          s0 += wv * x0;
          s1 += wv * x1;
          u0 += wv1 * x0;
          u1 += wv1 * x1;
        }
        final int zo = j0 * n + b;
        z[zo] = s0;
        z[zo + 1] = s1;
        z[zo + n] = u0;
        z[zo + n + 1] = u1;
      }
      for (int j = j0; j < w; j++) {
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

  /** Rows j, j + 1 (weights from {@code row}) of {@link #forward} for samples b..b+7. */
  private static void forwardPair8(double[] p, int row, double bias, double bias1, int pin,
      double[] x, double[] z, int b, int n, int zo) {
    final int row1 = row + pin;
    double s0 = bias;
    double s1 = bias;
    double s2 = bias;
    double s3 = bias;
    double s4 = bias;
    double s5 = bias;
    double s6 = bias;
    double s7 = bias;
    double u0 = bias1;
    double u1 = bias1;
    double u2 = bias1;
    double u3 = bias1;
    double u4 = bias1;
    double u5 = bias1;
    double u6 = bias1;
    double u7 = bias1;
    for (int i = 0, k = b; i < pin; i++, k += n) {
      final double wv = p[row + i];
      final double wv1 = p[row1 + i];
      final double x0 = x[k];
      final double x1 = x[k + 1];
      final double x2 = x[k + 2];
      final double x3 = x[k + 3];
      final double x4 = x[k + 4];
      final double x5 = x[k + 5];
      final double x6 = x[k + 6];
      final double x7 = x[k + 7];
      s0 += wv * x0;
      s1 += wv * x1;
      s2 += wv * x2;
      s3 += wv * x3;
      s4 += wv * x4;
      s5 += wv * x5;
      s6 += wv * x6;
      s7 += wv * x7;
      u0 += wv1 * x0;
      u1 += wv1 * x1;
      u2 += wv1 * x2;
      u3 += wv1 * x3;
      u4 += wv1 * x4;
      u5 += wv1 * x5;
      u6 += wv1 * x6;
      u7 += wv1 * x7;
    }
    z[zo] = s0;
    z[zo + 1] = s1;
    z[zo + 2] = s2;
    z[zo + 3] = s3;
    z[zo + 4] = s4;
    z[zo + 5] = s5;
    z[zo + 6] = s6;
    z[zo + 7] = s7;
    final int zo1 = zo + n;
    z[zo1] = u0;
    z[zo1 + 1] = u1;
    z[zo1 + 2] = u2;
    z[zo1 + 3] = u3;
    z[zo1 + 4] = u4;
    z[zo1 + 5] = u5;
    z[zo1 + 6] = u6;
    z[zo1 + 7] = u7;
  }

  /**
   * g[W] += Σ_b δ[j][b]·x[i][b] and g[b_j] += Σ_b δ[j][b] (g must start at 0 per step); when
   * {@code absSum} is not null also absSum[j] = Σ_b |δ[j][b]| (for the statistics, at no extra
   * memory traffic). The batch sums run in blocks of 8, 4, 2, 1 samples, each block a fixed
   * pairwise tree; rows go in pairs that share every x load (about 30 % faster than one row at
   * a time), which does not change any row's arithmetic.
   */
  static void weightGradient(double[] g, int wo, int bo, int pin, int w, double[] x,
      double[] delta, int n, double[] absSum) {
    int j = 0;
    for (; j + 2 <= w; j += 2) {
      rowPairGradient(g, wo + j * pin, bo + j, pin, x, delta, j * n, n, absSum, j);
    }
    if (j < w) {
      rowGradient(g, wo + j * pin, bo + j, pin, x, delta, j * n, n, absSum, j);
    }
  }

  /** {@link #weightGradient} for rows j and j + 1 (weights from {@code row}, δ from {@code dj}). */
  private static void rowPairGradient(double[] g, int row, int bias, int pin, double[] x,
      double[] delta, int dj, int n, double[] absSum, int j) {
    final int row1 = row + pin;
    final int dj1 = dj + n;
    double sa = 0;
    double sa1 = 0;
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
      final double f0 = delta[dj1 + b];
      final double f1 = delta[dj1 + b + 1];
      final double f2 = delta[dj1 + b + 2];
      final double f3 = delta[dj1 + b + 3];
      final double f4 = delta[dj1 + b + 4];
      final double f5 = delta[dj1 + b + 5];
      final double f6 = delta[dj1 + b + 6];
      final double f7 = delta[dj1 + b + 7];
      g[bias] += ((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7));
      g[bias + 1] += ((f0 + f1) + (f2 + f3)) + ((f4 + f5) + (f6 + f7));
      sa += ((Math.abs(e0) + Math.abs(e1)) + (Math.abs(e2) + Math.abs(e3)))
          + ((Math.abs(e4) + Math.abs(e5)) + (Math.abs(e6) + Math.abs(e7)));
      sa1 += ((Math.abs(f0) + Math.abs(f1)) + (Math.abs(f2) + Math.abs(f3)))
          + ((Math.abs(f4) + Math.abs(f5)) + (Math.abs(f6) + Math.abs(f7)));
      for (int i = 0, k = b; i < pin; i++, k += n) {
        final double x0 = x[k];
        final double x1 = x[k + 1];
        final double x2 = x[k + 2];
        final double x3 = x[k + 3];
        final double x4 = x[k + 4];
        final double x5 = x[k + 5];
        final double x6 = x[k + 6];
        final double x7 = x[k + 7];
        g[row + i] += ((e0 * x0 + e1 * x1) + (e2 * x2 + e3 * x3))
            + ((e4 * x4 + e5 * x5) + (e6 * x6 + e7 * x7));
        g[row1 + i] += ((f0 * x0 + f1 * x1) + (f2 * x2 + f3 * x3))
            + ((f4 * x4 + f5 * x5) + (f6 * x6 + f7 * x7));
      }
    }
    for (; b + 4 <= n; b += 4) {
      final double e0 = delta[dj + b];
      final double e1 = delta[dj + b + 1];
      final double e2 = delta[dj + b + 2];
      final double e3 = delta[dj + b + 3];
      final double f0 = delta[dj1 + b];
      final double f1 = delta[dj1 + b + 1];
      final double f2 = delta[dj1 + b + 2];
      final double f3 = delta[dj1 + b + 3];
      g[bias] += (e0 + e1) + (e2 + e3);
      g[bias + 1] += (f0 + f1) + (f2 + f3);
      sa += (Math.abs(e0) + Math.abs(e1)) + (Math.abs(e2) + Math.abs(e3));
      sa1 += (Math.abs(f0) + Math.abs(f1)) + (Math.abs(f2) + Math.abs(f3));
      for (int i = 0, k = b; i < pin; i++, k += n) {
        final double x0 = x[k];
        final double x1 = x[k + 1];
        final double x2 = x[k + 2];
        final double x3 = x[k + 3];
        g[row + i] += (e0 * x0 + e1 * x1) + (e2 * x2 + e3 * x3);
        g[row1 + i] += (f0 * x0 + f1 * x1) + (f2 * x2 + f3 * x3);
      }
    }
    for (; b + 2 <= n; b += 2) {
      final double e0 = delta[dj + b];
      final double e1 = delta[dj + b + 1];
      final double f0 = delta[dj1 + b];
      final double f1 = delta[dj1 + b + 1];
      g[bias] += e0 + e1;
      g[bias + 1] += f0 + f1;
      sa += Math.abs(e0) + Math.abs(e1);
      sa1 += Math.abs(f0) + Math.abs(f1);
      for (int i = 0, k = b; i < pin; i++, k += n) {
        final double x0 = x[k];
        final double x1 = x[k + 1];
        g[row + i] += e0 * x0 + e1 * x1;
        g[row1 + i] += f0 * x0 + f1 * x1;
      }
    }
    for (; b < n; b++) {
      final double e0 = delta[dj + b];
      final double f0 = delta[dj1 + b];
      g[bias] += e0;
      g[bias + 1] += f0;
      sa += Math.abs(e0);
      sa1 += Math.abs(f0);
      for (int i = 0, k = b; i < pin; i++, k += n) {
        final double x0 = x[k];
        g[row + i] += e0 * x0;
        g[row1 + i] += f0 * x0;
      }
    }
    if (absSum != null) {
      absSum[j] = sa;
      absSum[j + 1] = sa1;
    }
  }

  /** {@link #weightGradient} for the single row j (weights from {@code row}, δ from {@code dj}). */
  private static void rowGradient(double[] g, int row, int bias, int pin, double[] x,
      double[] delta, int dj, int n, double[] absSum, int j) {
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
      g[bias] += ((e0 + e1) + (e2 + e3)) + ((e4 + e5) + (e6 + e7));
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
      g[bias] += (e0 + e1) + (e2 + e3);
      sa += (Math.abs(e0) + Math.abs(e1)) + (Math.abs(e2) + Math.abs(e3));
      for (int i = 0, k = b; i < pin; i++, k += n) {
        g[row + i] += (e0 * x[k] + e1 * x[k + 1]) + (e2 * x[k + 2] + e3 * x[k + 3]);
      }
    }
    for (; b + 2 <= n; b += 2) {
      final double e0 = delta[dj + b];
      final double e1 = delta[dj + b + 1];
      g[bias] += e0 + e1;
      sa += Math.abs(e0) + Math.abs(e1);
      for (int i = 0, k = b; i < pin; i++, k += n) {
        g[row + i] += e0 * x[k] + e1 * x[k + 1];
      }
    }
    for (; b < n; b++) {
      final double e0 = delta[dj + b];
      g[bias] += e0;
      sa += Math.abs(e0);
      for (int i = 0, k = b; i < pin; i++, k += n) {
        g[row + i] += e0 * x[k];
      }
    }
    if (absSum != null) {
      absSum[j] = sa;
    }
  }

  /** gx[i][b] = fp[i][b] · Σ_j W[j][i]·δ[j][b]: the previous layer's δ. */
  static void inputError(double[] p, int wo, int pin, int w, double[] delta, double[] fp,
      double[] gx, int n) {
    int b = 0;
    for (; b + 8 <= n; b += 8) {
      int i0 = 0;
      for (; i0 + 2 <= pin; i0 += 2) {
        inputErrorPair8(p, wo + i0, pin, w, delta, fp, gx, b, n, i0 * n + b);
      }
      for (int i = i0; i < pin; i++) {
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
      int i0 = 0;
      for (; i0 + 2 <= pin; i0 += 2) {
        double t0 = 0;
        double t1 = 0;
        double v0 = 0;
        double v1 = 0;
        for (int j = 0, k = wo + i0, d = b; j < w; j++, k += pin, d += n) {
          final double wv = p[k];
          final double wv1 = p[k + 1];
          final double d0 = delta[d];
          final double d1 = delta[d + 1];
          t0 += wv * d0;
          t1 += wv * d1;
          v0 += wv1 * d0;
          v1 += wv1 * d1;
        }
        final int o = i0 * n + b;
        gx[o] = t0 * fp[o];
        gx[o + 1] = t1 * fp[o + 1];
        gx[o + n] = v0 * fp[o + n];
        gx[o + n + 1] = v1 * fp[o + n + 1];
      }
      for (int i = i0; i < pin; i++) {
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

  /** Inputs i, i + 1 (weights from column {@code col}) of {@link #inputError}, samples b..b+7. */
  private static void inputErrorPair8(double[] p, int col, int pin, int w, double[] delta,
      double[] fp, double[] gx, int b, int n, int o) {
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    double t3 = 0;
    double t4 = 0;
    double t5 = 0;
    double t6 = 0;
    double t7 = 0;
    double v0 = 0;
    double v1 = 0;
    double v2 = 0;
    double v3 = 0;
    double v4 = 0;
    double v5 = 0;
    double v6 = 0;
    double v7 = 0;
    for (int j = 0, k = col, d = b; j < w; j++, k += pin, d += n) {
      final double wv = p[k];
      final double wv1 = p[k + 1];
      final double d0 = delta[d];
      final double d1 = delta[d + 1];
      final double d2 = delta[d + 2];
      final double d3 = delta[d + 3];
      final double d4 = delta[d + 4];
      final double d5 = delta[d + 5];
      final double d6 = delta[d + 6];
      final double d7 = delta[d + 7];
      t0 += wv * d0;
      t1 += wv * d1;
      t2 += wv * d2;
      t3 += wv * d3;
      t4 += wv * d4;
      t5 += wv * d5;
      t6 += wv * d6;
      t7 += wv * d7;
      v0 += wv1 * d0;
      v1 += wv1 * d1;
      v2 += wv1 * d2;
      v3 += wv1 * d3;
      v4 += wv1 * d4;
      v5 += wv1 * d5;
      v6 += wv1 * d6;
      v7 += wv1 * d7;
    }
    gx[o] = t0 * fp[o];
    gx[o + 1] = t1 * fp[o + 1];
    gx[o + 2] = t2 * fp[o + 2];
    gx[o + 3] = t3 * fp[o + 3];
    gx[o + 4] = t4 * fp[o + 4];
    gx[o + 5] = t5 * fp[o + 5];
    gx[o + 6] = t6 * fp[o + 6];
    gx[o + 7] = t7 * fp[o + 7];
    final int o1 = o + n;
    gx[o1] = v0 * fp[o1];
    gx[o1 + 1] = v1 * fp[o1 + 1];
    gx[o1 + 2] = v2 * fp[o1 + 2];
    gx[o1 + 3] = v3 * fp[o1 + 3];
    gx[o1 + 4] = v4 * fp[o1 + 4];
    gx[o1 + 5] = v5 * fp[o1 + 5];
    gx[o1 + 6] = v6 * fp[o1 + 6];
    gx[o1 + 7] = v7 * fp[o1 + 7];
  }
}
