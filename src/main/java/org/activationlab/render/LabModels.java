package org.activationlab.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.PropertyAnalysis;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.training.History;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.training.WeightsSnapshot;

/**
 * Builds the Lab's picture models from a {@link TrainingSnapshot}: one factory per picture, so
 * the screen, the exports and the command line show the same numbers. Nothing here keeps state
 * except a cache of each activation's largest |f′| (a property analysis takes about a millisecond).
 */
public final class LabModels {

  private static final Map<String, Double> MAX_SLOPE = new ConcurrentHashMap<>();

  private LabModels() {}

  /** A layer's short label as the history shows it: {@code 3}, or "out" in the theme's language. */
  public static String layerLabel(LayerSnapshot l, Theme theme) {
    return l.output() ? theme.text("network.out") : String.valueOf(l.index() + 1);
  }

  /**
   * The decade range fitted to the snapshot's neuron gradients (mean |δ| of every unit): the
   * heatmap and the network diagram share it, so their colours agree.
   */
  public static DecadeRange gradientRange(TrainingSnapshot s) {
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (LayerSnapshot l : s.layers()) {
      for (int j = 0; j < l.width(); j++) {
        double v = l.neuronGrad(j);
        if (v > 0 && Double.isFinite(v)) {
          smallest = Math.min(smallest, v);
          largest = Math.max(largest, v);
        }
      }
    }
    return DecadeRange.fitting(smallest, largest);
  }

  /** The per-layer heatmap over the range fitted to the snapshot. */
  public static GradientHeatmapModel heatmap(TrainingSnapshot s, Theme theme) {
    return heatmap(s, theme, Optional.empty());
  }

  /**
   * The per-layer heatmap: a row per layer (input side first), a cell per neuron, titled with
   * the step (and the first-to-last hidden ratio) in the theme's language, coloured over {@code
   * lock} or, when empty, over the range fitted to the snapshot.
   */
  public static GradientHeatmapModel heatmap(TrainingSnapshot s, Theme theme,
      Optional<DecadeRange> lock) {
    return heatmap(s, theme, lock.orElseGet(() -> gradientRange(s)), lock.isPresent());
  }

  /**
   * The heatmap over the colour range {@code range}; {@code locked}: the user locked it (the
   * legend says so and marks values beyond it), otherwise it holds every value shown (fitted to
   * the snapshot, or shared by the two runs of a comparison).
   */
  public static GradientHeatmapModel heatmap(TrainingSnapshot s, Theme theme, DecadeRange range,
      boolean locked) {
    List<GradientHeatmapModel.Row> rows = new java.util.ArrayList<>();
    for (LayerSnapshot l : s.layers()) {
      rows.add(new GradientHeatmapModel.Row((l.index() + 1) + " "
          + (l.output() ? theme.text("heatmap.output") : shortName(l.activation())), l));
    }
    String title = theme.text("heatmap.title", s.step());
    List<LayerSnapshot> layers = s.layers();
    if (layers.size() >= 3) { // two hidden layers or more: how much the gradient shrinks
      double first = layers.get(0).gradMeanAbs();
      double last = layers.get(layers.size() - 2).gradMeanAbs();
      if (first > 0 && last > 0 && Double.isFinite(first) && Double.isFinite(last)) {
        title += " · " + theme.text("heatmap.ratio", ratioText(first, last));
      }
    }
    return new GradientHeatmapModel(title, rows, range.min(), range.max(), locked);
  }

  /** {@code 1 : 14000} when the last is larger, {@code 3.2 : 1} when the first is. */
  static String ratioText(double first, double last) {
    return last >= first ? "1 : " + NiceTicks.significant(last / first, 2)
        : NiceTicks.significant(first / last, 2) + " : 1";
  }

  /**
   * A catalog spec short enough for a row label: parameters as bare values, e.g. {@code
   * leaky_relu:negative_slope=0.1} → {@code leaky_relu(0.1)}.
   */
  public static String shortName(String spec) {
    int colon = spec.indexOf(':');
    if (colon < 0) {
      return spec;
    }
    StringBuilder values = new StringBuilder();
    for (String part : spec.substring(colon + 1).split(",")) {
      int eq = part.indexOf('=');
      values.append(values.length() > 0 ? ", " : "").append(eq < 0 ? part : part.substring(eq + 1));
    }
    return spec.substring(0, colon) + "(" + values + ")";
  }

  /** The network diagram over the gradient range fitted to the snapshot. */
  public static NetworkDiagramModel network(TrainingSnapshot s, Theme theme) {
    return network(s, theme, Optional.empty());
  }

  /**
   * The network diagram with its current weights; input features as the first column; neurons
   * coloured like the heatmap (over {@code lock}, or the range fitted to the snapshot).
   */
  public static NetworkDiagramModel network(TrainingSnapshot s, Theme theme,
      Optional<DecadeRange> lock) {
    List<LayerSnapshot> layers = s.layers();
    WeightsSnapshot w = s.weights();
    int n = layers.size();
    int[] widths = new int[n + 1];
    widths[0] = w.inputSize();
    double[][] magnitudes = new double[n][];
    boolean[][] dead = new boolean[n][];
    double[][] weights = new double[n][];
    for (int l = 0; l < n; l++) {
      LayerSnapshot layer = layers.get(l);
      widths[l + 1] = layer.width();
      magnitudes[l] = new double[layer.width()];
      dead[l] = new boolean[layer.width()];
      for (int j = 0; j < layer.width(); j++) {
        magnitudes[l][j] = layer.neuronGrad(j);
        dead[l][j] = layer.isDead(j);
      }
      weights[l] = w.layerWeights(l);
    }
    // inputs other than x₁, x₂ (Playground's features) are named beside their nodes
    org.activationlab.nn.InputFeatures features = s.scenario().features();
    String[] inputs = features.isDefault() || features.size() != widths[0] ? null
        : features.list().stream().map(org.activationlab.nn.InputFeatures.Feature::label)
            .toArray(String[]::new);
    return new NetworkDiagramModel(widths, magnitudes, dead, weights,
        DecadeScale.gradients(lock.orElseGet(() -> gradientRange(s))), theme, inputs);
  }

  /** The layer × time history of {@code metric}; columns are labelled by their last step. */
  public static GradientHistoryModel history(TrainingSnapshot s, HistoryMetric metric,
      Theme theme) {
    return history(s, metric, theme, Optional.empty());
  }

  /**
   * The history over the colour range {@code range} (shared by the two runs of a comparison),
   * or fitted to its values when empty.
   */
  public static GradientHistoryModel history(TrainingSnapshot s, HistoryMetric metric,
      Theme theme, Optional<DecadeRange> range) {
    History h = s.history();
    String[] labels = new String[h.layerCount()];
    List<LayerSnapshot> ls = s.layers();
    for (int l = 0; l < labels.length; l++) {
      labels[l] = l < ls.size() ? layerLabel(ls.get(l), theme) : String.valueOf(l + 1);
    }
    GradientHistoryModel fitted = history(h, labels, metric, theme);
    return range.map(r -> new GradientHistoryModel(fitted.values(), fitted.steps(), labels,
        fitted.metric(), DecadeScale.gradients(r), theme)).orElse(fitted);
  }

  /** The decade range fitted to the history's values of {@code metric}. */
  public static DecadeRange historyRange(History h, HistoryMetric metric) {
    double smallest = Double.POSITIVE_INFINITY;
    double largest = 0;
    for (int l = 0; l < h.layerCount(); l++) {
      for (int c = 0; c < h.size(); c++) {
        double v = metric == HistoryMetric.MEAN_ABS_DELTA ? h.gradMeanAbs(l, c)
            : h.gradWeightRms(l, c);
        if (v > 0 && Double.isFinite(v)) {
          smallest = Math.min(smallest, v);
          largest = Math.max(largest, v);
        }
      }
    }
    return DecadeRange.fitting(smallest, largest);
  }

  /**
   * The layer × time history of {@code metric} with the given row labels (input side first, e.g.
   * "1", "2", …, "out"); columns are labelled by their last step.
   */
  public static GradientHistoryModel history(History h, String[] labels, HistoryMetric metric,
      Theme theme) {
    int layers = h.layerCount();
    int columns = h.size();
    double[][] values = new double[layers][columns];
    long[] steps = new long[columns];
    for (int c = 0; c < columns; c++) {
      steps[c] = h.lastStep(c);
    }
    for (int l = 0; l < layers; l++) {
      for (int c = 0; c < columns; c++) {
        values[l][c] = metric == HistoryMetric.MEAN_ABS_DELTA
            ? h.gradMeanAbs(l, c) : h.gradWeightRms(l, c);
      }
    }
    return new GradientHistoryModel(values, steps, labels, metric.label(theme.locale()),
        DecadeScale.gradients(historyRange(h, metric)), theme);
  }

  /**
   * Loss on the training batches and on the test set, and test accuracy (both measured when a
   * snapshot was published), over the history.
   */
  public static LossChartModel loss(TrainingSnapshot s, boolean logLoss, Theme theme) {
    History h = s.history();
    int n = h.size();
    long[] steps = new long[n];
    double[] train = new double[n];
    double[] test = new double[n];
    double[] accuracy = new double[n];
    for (int c = 0; c < n; c++) {
      steps[c] = h.lastStep(c);
      train[c] = h.loss(c);
      test[c] = h.testLoss(c);
      accuracy[c] = h.testAccuracy(c);
    }
    return new LossChartModel(steps, train, test, accuracy, logLoss, theme);
  }

  /**
   * The decision boundary (2-D data, titled with the test accuracy) or fitted curve (1-D), or
   * null when there is no grid.
   */
  public static DecisionBoundaryModel boundary(TrainingSnapshot s, Theme theme) {
    if (s.grid() == null) {
      return null;
    }
    String title = s.data().spec().classes() == 0 ? theme.text("boundary.titleRegression")
        : theme.text("boundary.title", percent(s.scores().accuracy()));
    return DecisionBoundaryModel.of(title, s.grid(), s.data());
  }

  /** A fraction as a percentage with one decimal, or a dash when it is not a number. */
  public static String percent(double fraction) {
    return Double.isFinite(fraction)
        ? String.format(java.util.Locale.ROOT, "%.1f %%", fraction * 100) : "—";
  }

  /**
   * Pre-activations of hidden layer {@code layer} (0-based) over the probe set, on that layer's
   * activation curve, with the measured inactive or saturated share of its family.
   *
   * @throws IllegalArgumentException if {@code layer} is not a hidden layer of the snapshot
   */
  public static ActivationDistributionModel activations(TrainingSnapshot s, int layer,
      Theme theme) {
    List<LayerSnapshot> layers = s.layers();
    if (layer < 0 || layer >= layers.size() - 1) {
      throw new IllegalArgumentException("hidden layer must be in 0.." + (layers.size() - 2)
          + " (got " + layer + ")");
    }
    LayerSnapshot l = layers.get(layer);
    Activation a = Catalog.parse(l.activation());
    long[] counts = new long[l.bins()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = l.histogram(i);
    }
    double zoneShare = l.flatness().reportsInactive() ? l.inactiveFraction()
        : l.saturatedPairFraction();
    return new ActivationDistributionModel(a, counts, ProbeStatistics.HISTOGRAM_MIN,
        ProbeStatistics.HISTOGRAM_MAX, l.below(), l.above(), maxAbsDerivative(a), l.flatness(),
        zoneShare, theme.text("history.layer", layer + 1), theme);
  }

  /** sup |f′| of an activation, cached by its spec. */
  static double maxAbsDerivative(Activation a) {
    return MAX_SLOPE.computeIfAbsent(a.spec(),
        k -> PropertyAnalysis.analyse(a).maxAbsDerivative());
  }
}
