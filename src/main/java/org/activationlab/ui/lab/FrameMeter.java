package org.activationlab.ui.lab;

import java.util.Arrays;

/**
 * The FX thread's work per drawn frame, in nanoseconds, over the last {@value #CAPACITY} frames:
 * what the Lab benchmark reports as median and 99th percentile. Written and read on the FX
 * thread only.
 */
public final class FrameMeter {

  public static final int CAPACITY = 8192;

  private final long[] nanos = new long[CAPACITY];
  private long count;

  void record(long frameNanos) {
    nanos[(int) (count++ % CAPACITY)] = frameNanos;
  }

  /** Frames recorded since creation or {@link #clear()}. */
  public long count() {
    return count;
  }

  public void clear() {
    count = 0;
  }

  /** The q-quantile (0..1) of the recorded frames' work in milliseconds; NaN when none. */
  public double quantileMillis(double q) {
    int n = (int) Math.min(count, CAPACITY);
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, n);
    Arrays.sort(sorted);
    int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
    return sorted[i] / 1e6;
  }
}
