package org.activationlab.training;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The statistics of a run read from a file — ours ({@code train --stats}), a PyTorch probe's, or
 * a TensorBoard log — shown by the run viewer and {@code report} read-only.
 *
 * <p>A value: its layers, its metadata and the first {@link #size()} records never change. A
 * file that grows (a run still training) is followed by {@link #append appending} to the newest
 * value, which returns a longer one sharing the records already read; only one thread (the
 * reader) may append, any thread may read any value it was handed.
 *
 * @see LayerRecord for what a value means and when it is missing
 */
public final class RecordedRun {

  /** Where the records come from: decides what the numbers mean and how they are labelled. */
  public enum Source {
    /** Activation Lab's own {@code train --stats} or Save statistics. */
    ACTIVATION_LAB,
    /** The PyTorch probe ({@code probe/}): δ = ∂L/∂z per unit, our definitions. */
    PYTORCH_PROBE,
    /**
     * TensorBoard histograms or scalars of parameter gradients: ∂L/∂W, not δ; no units, no dead
     * or saturated shares.
     */
    TENSORBOARD
  }

  private static final class Store {
    private volatile RecordedStep[] items = new RecordedStep[16];
    private int size;
    private long numbers;
  }

  private final Source source;
  private final Map<String, String> meta;
  private final List<RecordedLayer> layers;
  private final Store store;
  private final int size;
  private final long numbers;
  private final boolean complete;
  private final long divergedAtStep;

  private RecordedRun(Source source, Map<String, String> meta, List<RecordedLayer> layers,
      Store store, int size, long numbers, boolean complete, long divergedAtStep) {
    this.source = source;
    this.meta = meta;
    this.layers = layers;
    this.store = store;
    this.size = size;
    this.numbers = numbers;
    this.complete = complete;
    this.divergedAtStep = divergedAtStep;
  }

  /**
   * A run with no records yet.
   *
   * @param meta what the source says about itself, in its own words (e.g. {@code torch}: {@code
   *     1.13.1}), shown as given
   */
  public static RecordedRun start(Source source, Map<String, String> meta,
      List<RecordedLayer> layers) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).index() != i + 1) {
        throw new IllegalArgumentException("layer " + (i + 1) + " has index "
            + layers.get(i).index());
      }
    }
    return new RecordedRun(source, Map.copyOf(meta), List.copyOf(layers), new Store(), 0, 0,
        false, -1);
  }

  /**
   * This run with {@code more} records after its last (steps must not decrease; a record may
   * have fewer layers than the run, not more).
   *
   * @throws IllegalStateException if this is not the newest value of its run (someone appended
   *     to it already)
   * @throws IllegalArgumentException if a record goes back in steps or has too many layers
   */
  public RecordedRun append(List<RecordedStep> more) {
    if (more.isEmpty()) {
      return this;
    }
    synchronized (store) {
      if (store.size != size) {
        throw new IllegalStateException("append to the newest value of a recorded run only");
      }
      long last = size == 0 ? Long.MIN_VALUE : store.items[size - 1].step();
      long added = 0;
      for (RecordedStep r : more) {
        if (r.step() < last) {
          throw new IllegalArgumentException("step " + r.step() + " comes after step " + last);
        }
        if (r.layers().size() > layers.size()) {
          throw new IllegalArgumentException("step " + r.step() + " has " + r.layers().size()
              + " layers; the run has " + layers.size());
        }
        last = r.step();
        added += r.numbers();
      }
      RecordedStep[] items = store.items;
      int n = size + more.size();
      if (n > items.length) {
        items = Arrays.copyOf(items, Math.max(n, items.length * 2));
      }
      for (int i = 0; i < more.size(); i++) {
        items[size + i] = more.get(i);
      }
      store.items = items; // volatile write publishes the new records
      store.size = n;
      store.numbers = numbers + added;
      return new RecordedRun(source, meta, layers, store, n, numbers + added, complete,
          divergedAtStep);
    }
  }

  /** This run marked as finished (the writer said so), diverged at a step or not (−1). */
  public RecordedRun finished(long divergedAtStep) {
    return new RecordedRun(source, meta, layers, store, size, numbers, true, divergedAtStep);
  }

  public Source source() {
    return source;
  }

  public Map<String, String> meta() {
    return meta;
  }

  public List<RecordedLayer> layers() {
    return layers;
  }

  /** Records read so far. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Record i, 0 ≤ i < size(), in step order. */
  public RecordedStep record(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("record " + i + " of " + size);
    }
    return store.items[i];
  }

  /** The records read so far, in step order (a view). */
  public List<RecordedStep> records() {
    return new AbstractList<>() {
      @Override
      public RecordedStep get(int i) {
        return record(i);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  public RecordedStep last() {
    return size == 0 ? null : record(size - 1);
  }

  /** The index of the last record at or before {@code step} (0 if every record is later). */
  public int indexAtOrBefore(long step) {
    int lo = 0;
    int hi = size - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (record(mid).step() <= step) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Decoded numbers held by the records (for memory bounds and the benchmark). */
  public long numbers() {
    return numbers;
  }

  /** Whether the writer marked the run finished (its end line, or a whole JSON document). */
  public boolean complete() {
    return complete;
  }

  public boolean diverged() {
    return divergedAtStep >= 0;
  }

  /** The step at which the run diverged, or −1. */
  public long divergedAtStep() {
    return divergedAtStep;
  }
}
