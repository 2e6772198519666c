package org.activationlab.runs.tensorboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;

/**
 * Gathers samples from one or more event files by step and turns them into a
 * {@link RecordedRun}: one layer per module, in the order the modules first appear. A value
 * logged twice for the same step and module (two files, a restarted run) keeps the later one.
 */
final class StepTable {

  /** Distinct steps held at most. */
  static final int MAX_STEPS = 1_000_000;

  /** One step's values: the loss and, per module, weight-gradient RMS and norm. */
  private static final class Row {
    double loss = Double.NaN;
    int lossRank = Integer.MAX_VALUE;
    double[] rms = new double[0];
    double[] norm = new double[0];

    void set(int module, double v, boolean isNorm) {
      if (module >= rms.length) {
        int n = Math.max(module + 1, rms.length * 2);
        rms = grow(rms, n);
        norm = grow(norm, n);
      }
      (isNorm ? norm : rms)[module] = v;
    }

    private static double[] grow(double[] a, int n) {
      double[] b = Arrays.copyOf(a, n);
      Arrays.fill(b, a.length, n, Double.NaN);
      return b;
    }
  }

  private final Map<String, Integer> modules = new LinkedHashMap<>();
  private final TreeMap<Long, Row> rows = new TreeMap<>();

  /**
   * Takes one sample.
   *
   * @throws IllegalStateException past {@link #MAX_STEPS} distinct steps
   */
  void add(Sample s) {
    Row row = rows.get(s.step());
    if (row == null) {
      if (rows.size() >= MAX_STEPS) {
        throw new IllegalStateException("more than " + MAX_STEPS + " distinct steps");
      }
      row = new Row();
      rows.put(s.step(), row);
    }
    switch (s.quantity()) {
      case LOSS -> {
        int rank = GradientTags.lossRank(s.module());
        if (rank <= row.lossRank) {
          row.loss = s.value();
          row.lossRank = rank;
        }
      }
      case GRAD_WEIGHT_RMS -> row.set(module(s.module()), s.value(), false);
      case GRAD_WEIGHT_NORM -> row.set(module(s.module()), s.value(), true);
      // a bias names its module (it becomes a layer) but has no value of its own in a record
      case GRAD_BIAS_RMS, GRAD_BIAS_NORM -> module(s.module());
      default -> throw new IllegalArgumentException("unknown quantity " + s.quantity());
    }
  }

  /** The run read: source TENSORBOARD, finished, not diverged. */
  RecordedRun toRun(Map<String, String> meta) {
    List<RecordedLayer> layers = new ArrayList<>();
    int index = 1;
    for (String name : modules.keySet()) {
      layers.add(new RecordedLayer(index++, name, "hidden", "", 0, ""));
    }
    List<RecordedStep> records = new ArrayList<>(rows.size());
    for (Map.Entry<Long, Row> e : rows.entrySet()) {
      records.add(record(e.getKey(), e.getValue(), layers.size()));
    }
    return RecordedRun.start(RecordedRun.Source.TENSORBOARD, meta, layers).append(records)
        .finished(-1);
  }

  private static RecordedStep record(long step, Row row, int modules) {
    int n = Math.min(row.rms.length, modules); // the arrays grow in doubles
    List<LayerRecord> layers = new ArrayList<>(n);
    for (int m = 0; m < n; m++) {
      boolean any = !Double.isNaN(row.rms[m]) || !Double.isNaN(row.norm[m]);
      layers.add(any ? LayerRecord.builder().gradWeightRms(row.rms[m])
          .gradWeightNorm(row.norm[m]).build() : null);
    }
    return new RecordedStep(step, row.loss, Double.NaN, Double.NaN, layers);
  }

  private int module(String name) {
    return modules.computeIfAbsent(name, n -> modules.size());
  }
}
