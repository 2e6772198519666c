package org.activationlab.ui.lab;

import java.util.Arrays;

/**
 * The FX thread's work per drawn frame over the last {@value #CAPACITY} frames, as elapsed time and
 * as the thread's CPU time (elapsed time also counts the moments the thread waited for a core,
 * which on two busy cores is much of it): what the Lab benchmark reports as median and 99th
 * percentile. Written and read on the FX thread only.
 */
public final class FrameMeter {

  public static final int CAPACITY = 8192;

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private final long[] nanos = new long[CAPACITY];
  private final long[] cpuNanos = new long[CAPACITY];
  private long count;
  private long startNanos;
  private long startCpu;

  /** Marks the start of a frame's work. */
  void start() {
    startNanos = System.nanoTime();
    startCpu = cpuTime();
  }

  /** Records the work since {@link #start()}. */
  void stop() {
    int i = (int) (count++ % CAPACITY);
    nanos[i] = System.nanoTime() - startNanos;
    cpuNanos[i] = cpuTime() - startCpu;
  }

  private static long cpuTime() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  /** Frames recorded since creation or {@link #clear()}. */
  public long count() {
    return count;
  }

  public void clear() {
    count = 0;
  }

  /** The q-quantile (0..1) of the recorded frames' elapsed time in milliseconds; NaN when none. */
  public double quantileMillis(double q) {
    return quantile(nanos, q);
  }

  /** The q-quantile (0..1) of the recorded frames' CPU time in milliseconds; NaN when none. */
  public double cpuQuantileMillis(double q) {
    return quantile(cpuNanos, q);
  }

  private double quantile(long[] values, double q) {
    int n = (int) Math.min(count, CAPACITY);
    if (n == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
    return sorted[i] / 1e6;
  }
}
