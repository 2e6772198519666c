package org.activationlab.render;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.Flatness;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;
import org.activationlab.training.RunAlerts;

/**
 * The picture models of a recorded run (a file of ours, a PyTorch probe's, a TensorBoard log):
 * the same heatmap, history, loss and activation models the Lab's snapshots make, so the same
 * renderers draw them on screen, in exports and from {@code report}.
 *
 * <p>Real networks are large. A layer wider than the cells a row has room for is drawn in
 * {@link Binning bins} of consecutive units, each cell the mean |δ| of its units (so the row's
 * colours average to the layer's mean |δ|, stated exactly in its label), marked dead only when
 * every unit in it is dead; hovering a cell names its units and their smallest and largest
 * value. More layers than rows fit are shown a window at a time ({@code firstLayer}).
 */
public final class RunModels {

  /** Columns of the history at most; longer runs merge consecutive records (their mean). */
  public static final int MAX_HISTORY_COLUMNS = 2000;

  private RunModels() {}

  /**
   * {@code units} consecutive units in {@code cells} cells: cell b holds units
   * [from(b), to(b)), sizes differing by at most one.
   */
  public record Binning(int units, int cells) {
    /** One cell per unit when they fit, else {@code maxCells} bins. */
    public static Binning of(int units, int maxCells) {
      return new Binning(units, Math.max(1, Math.min(units, maxCells)));
    }

    public int from(int cell) {
      return (int) ((long) cell * units / cells);
    }

    public int to(int cell) {
      return (int) ((long) (cell + 1) * units / cells);
    }

    /** The cell showing unit j. */
    public int cellOf(int unit) {
      int c = (int) (((long) unit * cells + cells - 1) / units);
      while (c > 0 && from(c) > unit) {
        c--;
      }
      while (c < cells - 1 && to(c) <= unit) {
        c++;
      }
      return c;
    }

    public boolean binned() {
      return cells < units;
    }
  }

  /** The colour range fitted to a record's per-unit values (per-layer values when none). */
  public static DecadeRange gradientRange(RecordedStep r) {
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (LayerRecord lr : r.layers()) {
      if (lr == null) {
        continue;
      }
      int n = lr.units();
      for (int j = 0; j < n; j++) {
        double v = lr.neuronGrad(j);
        if (v > 0 && Double.isFinite(v)) {
          smallest = Math.min(smallest, v);
          largest = Math.max(largest, v);
        }
      }
      if (n == 0) {
        double v = RunAlerts.magnitude(lr);
        if (v > 0 && Double.isFinite(v)) {
          smallest = Math.min(smallest, v);
          largest = Math.max(largest, v);
        }
      }
    }
    return DecadeRange.fitting(smallest, largest);
  }

  /** A layer's label: its name and function, e.g. {@code net.0 sigmoid}, {@code net.8 output}. */
  public static String layerLabel(RecordedLayer l, Theme theme) {
    String what = l.output() ? theme.text("heatmap.output")
        : l.activation().isEmpty() ? "" : LabModels.shortName(l.activation());
    String name = displayName(l);
    return what.isEmpty() ? name : name + " " + what;
  }

  /**
   * A layer's name as shown: a module of a top-level {@code nn.Sequential} is named by its
   * position ("0", "2"), shown as PyTorch indexes it, {@code [0]}, so it is not read as our
   * 1-based layer number; our own layers keep their numbers.
   */
  public static String displayName(RecordedLayer l) {
    return l.name().matches("\\d+") && !"dense".equals(l.type()) ? "[" + l.name() + "]"
        : l.name();
  }

  /** How the layer's function flattens, or null when the catalog does not know it. */
  static Flatness flatness(RecordedLayer l) {
    Activation a = activation(l);
    return a == null ? null : Flatness.of(a);
  }

  /** The layer's function from the catalog, or null when it is not one of ours. */
  static Activation activation(RecordedLayer l) {
    if (l.activation().isEmpty()) {
      return null;
    }
    try {
      return Catalog.parse(l.activation());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The heatmap of record {@code index}: layers {@code firstLayer} … (at most {@code rows}), each
   * in at most {@code maxCells} cells. Layers without per-unit values (TensorBoard) get one cell
   * with their per-layer magnitude, and the title says which.
   */
  public static GradientHeatmapModel heatmap(RecordedRun run, int index, Theme theme,
      int firstLayer, int rows, int maxCells) {
    RecordedStep r = run.record(index);
    List<RecordedLayer> layers = run.layers();
    int first = Math.max(0, Math.min(firstLayer, layers.size() - 1));
    int last = Math.min(layers.size(), first + Math.max(1, rows)); // exclusive
    List<GradientHeatmapModel.Row> out = new ArrayList<>();
    boolean anyUnits = false;
    boolean binned = false;
    boolean sameFunction = layers.stream().filter(x -> !x.output())
        .map(RecordedLayer::activation).distinct().count() == 1;
    for (int l = first; l < last; l++) {
      LayerRecord lr = r.layer(l);
      anyUnits |= lr != null && lr.hasUnits();
      binned |= lr != null && lr.units() > maxCells;
      out.add(row(layers.get(l), lr, theme, maxCells, sameFunction));
    }
    String title;
    if (!anyUnits) {
      String metric = run.source() == RecordedRun.Source.TENSORBOARD
          ? RunMetric.WEIGHT_RMS.label(theme.locale()) : RunMetric.MEAN_ABS_DELTA.label(
              theme.locale());
      title = theme.text("run.heatmap.perLayer", metric, r.step());
    } else if (first > 0 || last < layers.size()) {
      title = theme.text("run.heatmap.titleLayers", r.step(), first + 1, last, layers.size());
    } else {
      title = theme.text("run.heatmap.title", r.step());
    }
    int firstHidden = -1;
    int lastHidden = -1;
    for (int l = 0; l < layers.size(); l++) {
      if (!layers.get(l).output()) {
        firstHidden = firstHidden < 0 ? l : firstHidden;
        lastHidden = l;
      }
    }
    if (anyUnits && lastHidden > firstHidden && first == 0 && last == layers.size()) {
      double a = r.layer(firstHidden) == null ? Double.NaN : r.layer(firstHidden).gradMeanAbs();
      double b = r.layer(lastHidden) == null ? Double.NaN : r.layer(lastHidden).gradMeanAbs();
      if (a > 0 && b > 0 && Double.isFinite(a) && Double.isFinite(b)) {
        title += " · " + theme.text("heatmap.ratio", LabModels.ratioText(a, b));
      }
    }
    if (binned) { // first: a narrow picture drops its title's first parts, the step stays
      title = theme.text("run.heatmap.binned", maxCells) + " · " + title;
    }
    DecadeRange range = gradientRange(r);
    return new GradientHeatmapModel(title, out, range.min(), range.max(), false);
  }

  /**
   * A row; {@code sameFunction}: every hidden layer has the same function, so a real model's long
   * module names get the room (the function is named by the activations picture).
   */
  private static GradientHeatmapModel.Row row(RecordedLayer layer, LayerRecord lr, Theme theme,
      int maxCells, boolean sameFunction) {
    String label = sameFunction && !layer.output() && !"dense".equals(layer.type())
        ? displayName(layer) : layerLabel(layer, theme);
    if (lr == null) {
      return new GradientHeatmapModel.Row(label, 1, j -> Double.NaN, j -> false, Double.NaN,
          Double.NaN, Double.NaN);
    }
    Flatness flat = flatness(layer);
    double inactive = flat != null && flat.reportsInactive() ? lr.inactiveFraction() : Double.NaN;
    if (!lr.hasUnits()) {
      double v = RunAlerts.magnitude(lr);
      return new GradientHeatmapModel.Row(label, 1, j -> v, j -> false, lr.deadFraction(),
          lr.saturatedFraction(), inactive, v);
    }
    Binning bins = Binning.of(lr.units(), maxCells);
    double mean = Double.isFinite(lr.gradMeanAbs()) ? lr.gradMeanAbs() : unitMean(lr);
    if (!bins.binned()) {
      return new GradientHeatmapModel.Row(label, lr.units(), lr::neuronGrad, lr::isDead,
          lr.deadFraction(), lr.saturatedFraction(), inactive, mean);
    }
    double[] cells = new double[bins.cells()];
    boolean[] dead = new boolean[bins.cells()];
    for (int c = 0; c < cells.length; c++) {
      double sum = 0;
      boolean allDead = lr.hasDeadFlags();
      for (int j = bins.from(c); j < bins.to(c); j++) {
        sum += lr.neuronGrad(j);
        allDead &= lr.isDead(j);
      }
      cells[c] = sum / (bins.to(c) - bins.from(c));
      dead[c] = allDead;
    }
    return new GradientHeatmapModel.Row(label, cells.length, j -> cells[j], j -> dead[j],
        lr.deadFraction(), lr.saturatedFraction(), inactive, mean);
  }

  private static double unitMean(LayerRecord lr) {
    double sum = 0;
    for (int j = 0; j < lr.units(); j++) {
      sum += lr.neuronGrad(j);
    }
    return sum / lr.units();
  }

  /** The smallest, mean and largest value of units [from, to) of a layer record. */
  public static double[] cellStats(LayerRecord lr, int from, int to) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int j = from; j < to; j++) {
      double v = lr.neuronGrad(j);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    return new double[] {min, sum / (to - from), max};
  }

  /**
   * The layer × time history of {@code metric}, all layers (rows of one pixel are fine: it is an
   * image), at most {@link #MAX_HISTORY_COLUMNS} columns, with the alert spans of that metric
   * outlined. Columns up to record {@code upTo} (inclusive).
   */
  public static GradientHistoryModel history(RecordedRun run, RunMetric metric, Theme theme,
      int upTo, List<RunAlerts.Span> alerts) {
    int records = Math.min(run.size(), upTo + 1);
    int layers = run.layers().size();
    // records where nothing of this metric was measured (the update ratio at step 0) are left out
    int[] kept = new int[records];
    int n = 0;
    for (int i = 0; i < records; i++) {
      for (int l = 0; l < layers; l++) {
        if (!Double.isNaN(metric.of(run.record(i).layer(l)))) {
          kept[n++] = i;
          break;
        }
      }
    }
    int columns = Math.min(n, MAX_HISTORY_COLUMNS);
    double[][] values = new double[layers][columns];
    long[] steps = new long[columns];
    int[] columnOf = new int[records]; // a left-out record belongs to the column before it
    for (int c = 0; c < columns; c++) {
      int from = (int) ((long) c * n / columns);
      int to = (int) ((long) (c + 1) * n / columns);
      steps[c] = run.record(kept[to - 1]).step();
      for (int i = kept[from]; i < (to < n ? kept[to] : records); i++) {
        columnOf[i] = c;
      }
      for (int l = 0; l < layers; l++) {
        double sum = 0;
        int count = 0;
        for (int k = from; k < to; k++) {
          double v = metric.of(run.record(kept[k]).layer(l));
          if (!Double.isNaN(v)) {
            sum += v;
            count++;
          }
        }
        values[l][c] = count == 0 ? Double.NaN : sum / count;
      }
    }
    String[] labels = new String[layers];
    for (int l = 0; l < layers; l++) {
      labels[l] = run.layers().get(l).output() ? theme.text("network.out") : String.valueOf(l + 1);
    }
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (double[] row : values) {
      for (double v : row) {
        if (v > 0 && Double.isFinite(v)) {
          smallest = Math.min(smallest, v);
          largest = Math.max(largest, v);
        }
      }
    }
    List<GradientHistoryModel.Marker> markers = new ArrayList<>();
    if (columns > 0) {
      for (RunAlerts.Span s : alerts) {
        if (s.from() < records && shows(metric, s.kind())) {
          markers.add(new GradientHistoryModel.Marker(s.layer(), columnOf[s.from()],
              columnOf[Math.min(s.to(), records - 1)]));
        }
      }
    }
    return new GradientHistoryModel(values, steps, labels, metric.label(theme.locale()),
        DecadeScale.gradients(DecadeRange.fitting(smallest, largest)), theme, merged(markers));
  }

  /** Markers of neighbouring layers over the same columns as one box. */
  static List<GradientHistoryModel.Marker> merged(List<GradientHistoryModel.Marker> markers) {
    List<GradientHistoryModel.Marker> sorted = new ArrayList<>(markers);
    sorted.sort(java.util.Comparator.comparingInt(GradientHistoryModel.Marker::from)
        .thenComparingInt(GradientHistoryModel.Marker::to)
        .thenComparingInt(GradientHistoryModel.Marker::firstLayer));
    List<GradientHistoryModel.Marker> out = new ArrayList<>();
    for (GradientHistoryModel.Marker m : sorted) {
      GradientHistoryModel.Marker last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.from() == m.from() && last.to() == m.to()
          && m.firstLayer() <= last.lastLayer() + 1) {
        out.set(out.size() - 1, new GradientHistoryModel.Marker(last.firstLayer(),
            Math.max(last.lastLayer(), m.lastLayer()), m.from(), m.to()));
      } else {
        out.add(m);
      }
    }
    return out;
  }

  /** Whether alerts of {@code kind} are about what {@code metric} shows. */
  static boolean shows(RunMetric metric, RunAlerts.Kind kind) {
    return switch (kind) {
      case VANISHING -> metric != RunMetric.UPDATE_RATIO;
      case UPDATE_RATIO_LOW, UPDATE_RATIO_HIGH -> metric == RunMetric.UPDATE_RATIO;
      case DEAD -> metric == RunMetric.MEAN_ABS_DELTA;
    };
  }

  /** Training loss (and test loss and accuracy where recorded) up to record {@code upTo}. */
  public static LossChartModel loss(RecordedRun run, boolean logLoss, Theme theme, int upTo) {
    int n = Math.min(run.size(), upTo + 1);
    long[] steps = new long[n];
    double[] train = new double[n];
    double[] test = new double[n];
    double[] accuracy = new double[n];
    for (int i = 0; i < n; i++) {
      RecordedStep r = run.record(i);
      steps[i] = r.step();
      train[i] = r.loss();
      test[i] = r.testLoss();
      accuracy[i] = r.accuracy();
    }
    return new LossChartModel(steps, train, test, accuracy, logLoss, theme);
  }

  /**
   * The pre-activation histogram of layer {@code layer} at record {@code index} on the layer's
   * function, or null when the record has no histogram or the function is not in the catalog
   * ({@link #activationsMissing} says which).
   */
  public static ActivationDistributionModel activations(RecordedRun run, int index, int layer,
      Theme theme) {
    RecordedLayer l = run.layers().get(layer);
    LayerRecord lr = run.record(index).layer(layer);
    Activation a = activation(l);
    if (lr == null || lr.histogram() == null || a == null) {
      return null;
    }
    LayerRecord.Histogram h = lr.histogram();
    Flatness flat = Flatness.of(a);
    // records hold the inactive share of (unit, sample) pairs, but the saturated share of units:
    // the picture's saturated share of pairs is then estimated from the bins
    double zone = flat.reportsInactive() ? lr.inactiveFraction() : Double.NaN;
    return new ActivationDistributionModel(a, h.counts().clone(), h.min(), h.max(), h.below(),
        h.above(), LabModels.maxAbsDerivative(a), flat, zone,
        "dense".equals(l.type()) ? theme.text("history.layer", l.name()) : displayName(l), theme);
  }

  /** Why {@link #activations} has no model: the message to show instead. */
  public static String activationsMissing(RecordedRun run, int index, int layer, Theme theme) {
    RecordedLayer l = run.layers().get(layer);
    if (activation(l) == null) {
      return theme.text("run.activations.unknown", l.name(),
          l.activation().isEmpty() ? "?" : l.activation());
    }
    return theme.text("run.activations.none", l.name());
  }
}
