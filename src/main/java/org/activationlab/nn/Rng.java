package org.activationlab.nn;

/**
 * Deterministic seeded random numbers: SplitMix64 exactly as {@link java.util.SplittableRandom}
 * computes it (same seeds, same numbers; a test holds the two together), written out so that its
 * state can be saved and restored for checkpoints, plus our own Box–Muller normal. The same seed
 * gives bit-identical numbers on any JDK.
 */
public final class Rng {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long seed;
  private double spare;
  private boolean hasSpare;

  /** The whole state of a generator (for checkpoints). */
  public record State(long seed, double spare, boolean hasSpare) {}

  public Rng(long seed) {
    this.seed = seed;
  }

  /** A generator for an independent purpose derived from {@code seed} and a stream number. */
  public static Rng stream(long seed, long stream) {
    return new Rng(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL);
  }

  public State state() {
    return new State(seed, spare, hasSpare);
  }

  public void restore(State s) {
    seed = s.seed();
    spare = s.spare();
    hasSpare = s.hasSpare();
  }

  private long nextLong() {
    long z = seed += GOLDEN_GAMMA;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private int nextInt() {
    long z = seed += GOLDEN_GAMMA;
    z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
    return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** Uniform integer in [0, bound), rejecting over-represented values (unbiased). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive");
    }
    int m = bound - 1;
    int r = nextInt();
    if ((bound & m) == 0) {
      return r & m;
    }
    for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
      // reject
    }
    return r;
  }

  /** Standard normal N(0, 1) by the Box–Muller transform. */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u1;
    do {
      u1 = nextDouble();
    } while (u1 <= 0);
    double u2 = nextDouble();
    double r = Math.sqrt(-2.0 * Math.log(u1));
    double t = 2.0 * Math.PI * u2;
    spare = r * Math.sin(t);
    hasSpare = true;
    return r * Math.cos(t);
  }

  /** Fisher–Yates shuffle of {@code a[0..n)}. */
  public void shuffle(int[] a, int n) {
    for (int i = n - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
