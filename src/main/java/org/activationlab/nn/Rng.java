package org.activationlab.nn;

import java.util.SplittableRandom;

/**
 * Deterministic seeded random numbers: {@link SplittableRandom} for uniforms plus our own
 * Box–Muller normal, so the same seed gives bit-identical numbers on any JDK.
 */
public final class Rng {
  private final SplittableRandom random;
  private double spare;
  private boolean hasSpare;

  public Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A generator for an independent purpose derived from {@code seed} and a stream number. */
  public static Rng stream(long seed, long stream) {
    return new Rng(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return random.nextDouble();
  }

  /** Uniform in [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** Uniform integer in [0, bound). */
  public int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** Standard normal N(0, 1) by the Box–Muller transform. */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u1;
    do {
      u1 = random.nextDouble();
    } while (u1 <= 0);
    double u2 = random.nextDouble();
    double r = Math.sqrt(-2.0 * Math.log(u1));
    double t = 2.0 * Math.PI * u2;
    spare = r * Math.sin(t);
    hasSpare = true;
    return r * Math.cos(t);
  }

  /** Fisher–Yates shuffle of {@code a[0..n)}. */
  public void shuffle(int[] a, int n) {
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
