package org.activationlab.training;

import java.util.Arrays;

/**
 * The trainer's bounded recorder of per-step values (mutable, single-threaded). It holds at most
 * {@code capacity} columns; each column sums the values of {@code stride} consecutive steps
 * (counting, per series, only the finite values, so a test loss measured now and then averages
 * correctly). When all columns are full, neighbouring pairs are merged (sums and counts added)
 * into the first half and the stride doubles. After N steps the stride is the smallest power of
 * two with N / stride ≤ capacity, so an hour of training occupies the same arrays as a minute: all
 * arrays are allocated in the constructor and never grow.
 */
public final class HistoryBuffer {
  public static final int DEFAULT_CAPACITY = 512;

  private final int capacity;
  private final int layers;
  /**
   * Series: 0 loss, 1 test loss, 2 batch accuracy, then per layer mean |δ|, then per layer RMS dW,
   * last the test accuracy.
   */
  private final double[][] sum;
  private final int[][] count;
  private final long[] firstStep;
  private final long[] lastStep;
  private final long[] records;
  private int size;
  private long stride = 1;
  private long recorded;

  public HistoryBuffer(int layers, int capacity) {
    if (capacity < 2 || capacity % 2 != 0) {
      throw new IllegalArgumentException("capacity must be even and ≥ 2");
    }
    this.capacity = capacity;
    this.layers = layers;
    int series = 4 + 2 * layers;
    sum = new double[series][capacity];
    count = new int[series][capacity];
    firstStep = new long[capacity];
    lastStep = new long[capacity];
    records = new long[capacity];
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    return size;
  }

  public long stride() {
    return stride;
  }

  public long recorded() {
    return recorded;
  }

  public int layerCount() {
    return layers;
  }

  /**
   * A copy holding the columns that begin at or before {@code step} (for a branch of the run
   * from that step; the last column may include a few later steps when columns were merged).
   */
  public HistoryBuffer copyUpTo(long step) {
    HistoryBuffer b = new HistoryBuffer(layers, capacity);
    int n = 0;
    while (n < size && firstStep[n] <= step) {
      n++;
    }
    for (int s = 0; s < sum.length; s++) {
      System.arraycopy(sum[s], 0, b.sum[s], 0, n);
      System.arraycopy(count[s], 0, b.count[s], 0, n);
    }
    System.arraycopy(firstStep, 0, b.firstStep, 0, n);
    System.arraycopy(lastStep, 0, b.lastStep, 0, n);
    System.arraycopy(records, 0, b.records, 0, n);
    if (n > 0) {
      b.lastStep[n - 1] = Math.min(lastStep[n - 1], step);
    }
    b.size = n;
    b.stride = stride;
    b.recorded = Math.min(recorded, step + 1);
    return b;
  }

  /** Forgets everything (keeps the arrays). */
  public void clear() {
    size = 0;
    stride = 1;
    recorded = 0;
  }

  /**
   * Records one step. {@code gradMeanAbs}/{@code gradWeightRms} may be null (statistics off);
   * non-finite values are skipped per series.
   */
  public void record(long step, double loss, double testLoss, double accuracy,
      double[] gradMeanAbs, double[] gradWeightRms) {
    if (size == 0 || records[size - 1] >= stride) {
      if (size == capacity) {
        compact();
      }
      int c = size++;
      for (int s = 0; s < sum.length; s++) {
        sum[s][c] = 0;
        count[s][c] = 0;
      }
      firstStep[c] = step;
      records[c] = 0;
    }
    int c = size - 1;
    lastStep[c] = step;
    records[c]++;
    recorded++;
    add(0, c, loss);
    add(1, c, testLoss);
    add(2, c, accuracy);
    for (int l = 0; l < layers; l++) {
      add(3 + l, c, gradMeanAbs == null ? Double.NaN : gradMeanAbs[l]);
      add(3 + layers + l, c, gradWeightRms == null ? Double.NaN : gradWeightRms[l]);
    }
  }

  /** Adds a test loss and accuracy measured after the newest recorded step (at publish time). */
  public void recordTest(double testLoss, double testAccuracy) {
    if (size > 0) {
      add(1, size - 1, testLoss);
      add(testAccuracySeries(), size - 1, testAccuracy);
    }
  }

  private int testAccuracySeries() {
    return 3 + 2 * layers;
  }

  private void add(int s, int c, double v) {
    if (Double.isFinite(v)) {
      sum[s][c] += v;
      count[s][c]++;
    }
  }

  private void compact() {
    int half = capacity / 2;
    for (int i = 0; i < half; i++) {
      int a = 2 * i;
      int b = a + 1;
      for (int s = 0; s < sum.length; s++) {
        sum[s][i] = sum[s][a] + sum[s][b];
        count[s][i] = count[s][a] + count[s][b];
      }
      firstStep[i] = firstStep[a];
      lastStep[i] = lastStep[b];
      records[i] = records[a] + records[b];
    }
    size = half;
    stride *= 2;
  }

  /** An immutable copy of the column means. */
  public History snapshot() {
    long[] f = Arrays.copyOf(firstStep, size);
    long[] l = Arrays.copyOf(lastStep, size);
    double[][] g = new double[layers][];
    double[][] w = new double[layers][];
    for (int k = 0; k < layers; k++) {
      g[k] = means(3 + k);
      w[k] = means(3 + layers + k);
    }
    return new History(capacity, stride, recorded, f, l, means(0), means(1), means(2),
        means(testAccuracySeries()), g, w);
  }

  private double[] means(int s) {
    double[] out = new double[size];
    for (int c = 0; c < size; c++) {
      out[c] = count[s][c] == 0 ? Double.NaN : sum[s][c] / count[s][c];
    }
    return out;
  }
}
