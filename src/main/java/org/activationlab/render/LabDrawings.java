package org.activationlab.render;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.activationlab.training.Comparison;
import org.activationlab.training.TrainingSnapshot;

/**
 * The Lab's six pictures of a snapshot, each with its own renderer (renderers keep per-picture
 * caches, so the screen and an export each get their own {@code LabDrawings}). The snapshot and
 * the view options are read from a {@link View} at draw time. The Lab's screen, its exports and
 * recordings, and the command line's pictures all come from here, so the same step of the same
 * run is the same picture wherever it is drawn.
 */
public final class LabDrawings {

  /** What the pictures show, read at draw time. */
  public interface View {
    TrainingSnapshot snapshot();

    /** What the gradient history plots. */
    HistoryMetric historyMetric();

    /** Whether the loss axis is logarithmic. */
    boolean logLoss();

    /** The hidden layer (0-based) whose activations are shown. */
    int activationLayer();

    /**
     * The colour range of the gradient heatmap and the network diagram, when the user locked it
     * to compare moments; empty: fitted to each snapshot.
     */
    default Optional<DecadeRange> gradientLock() {
      return Optional.empty();
    }
  }

  /** A fixed view: one snapshot with fixed options (a command-line picture, a GIF frame). */
  public record Fixed(TrainingSnapshot snapshot, HistoryMetric historyMetric, boolean logLoss,
      int activationLayer, Optional<DecadeRange> gradientLock) implements View {

    /** A view whose gradient colours are fitted to the snapshot. */
    public Fixed(TrainingSnapshot snapshot, HistoryMetric historyMetric, boolean logLoss,
        int activationLayer) {
      this(snapshot, historyMetric, logLoss, activationLayer, Optional.empty());
    }
  }

  /** The six pictures by name (file names, the command line's {@code --picture}). */
  public enum Kind {
    NETWORK("network", LabDrawings::network),
    BOUNDARY("boundary", LabDrawings::boundary),
    HEATMAP("heatmap", LabDrawings::heatmap),
    LOSS("loss", LabDrawings::loss),
    HISTORY("history", LabDrawings::history),
    ACTIVATIONS("activations", LabDrawings::activations);

    private final String id;
    private final Function<LabDrawings, Picture> picture;

    Kind(String id, Function<LabDrawings, Picture> picture) {
      this.id = id;
      this.picture = picture;
    }

    public String id() {
      return id;
    }

    /** This picture among {@code drawings}. */
    public Picture of(LabDrawings drawings) {
      return picture.apply(drawings);
    }

    /**
     * The kind named {@code id}.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static Kind parse(String id) {
      String key = id.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(k -> k.id.equals(key)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("unknown picture '" + id + "'; valid: " + String.join(
              ", ", Arrays.stream(values()).map(Kind::id).toList())));
    }
  }

  private final View view;
  /** Whether these drawings show run B of the view's comparison (else the view's own run). */
  private final boolean sideB;
  /** Run B's drawings, with renderers of their own, made when a comparison is first shown. */
  private LabDrawings b;
  private final GradientHeatmapRenderer heatmapRenderer = new GradientHeatmapRenderer();
  private final NetworkDiagramRenderer networkRenderer = new NetworkDiagramRenderer();
  private final GradientHistoryRenderer historyRenderer = new GradientHistoryRenderer();
  private final LossChartRenderer lossRenderer = new LossChartRenderer();
  private final DecisionBoundaryRenderer boundaryRenderer = new DecisionBoundaryRenderer();
  private final ActivationDistributionRenderer activationRenderer =
      new ActivationDistributionRenderer();
  private NetworkDiagramModel network;
  private TrainingSnapshot networkOf;
  private DecadeRange networkRange;

  public LabDrawings(View view) {
    this(view, false);
  }

  private LabDrawings(View view, boolean sideB) {
    this.view = view;
    this.sideB = sideB;
  }

  // ---------------------------------------------------------------------------- comparison

  /**
   * Whether the view's snapshot compares two runs: then every picture shows both, side by side
   * on one colour scale ({@link SideBySide}), except the loss, which overlays them.
   */
  public boolean comparing() {
    return view.snapshot().comparing();
  }

  /**
   * The drawings of one run: 0 for A (these), 1 for run B of a comparison (for hovering a half
   * of a side-by-side picture, drawn at {@link SideBySide#layout}'s half size).
   */
  public LabDrawings side(int side) {
    if (side == 0 || sideB) {
      return this;
    }
    if (b == null) {
      b = new LabDrawings(view, true);
    }
    return b;
  }

  /** The snapshot these drawings show: the view's, or run B's of its comparison. */
  public TrainingSnapshot shown() {
    return sideB ? view.snapshot().compared() : view.snapshot();
  }

  /** What sets each run apart, for the tags over the halves: {A's, B's}. */
  public static String[] tags(TrainingSnapshot s, Theme theme) {
    List<Comparison.Change> changes =
        Comparison.between(s.scenario(), s.compared().scenario());
    if (changes.isEmpty()) {
      return new String[] {"", theme.text("compare.copy")};
    }
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (Comparison.Change c : changes) {
      a.add(tagValue(c.key(), c.from()));
      b.add(tagValue(c.key(), c.to()));
    }
    return new String[] {String.join(" · ", a), String.join(" · ", b)};
  }

  /** An activation or initialiser by its name; any other setting as "key value". */
  private static String tagValue(String key, String value) {
    return switch (key) {
      case "activation", "activations", "init", "biasInit", "optimizer" ->
          value.isEmpty() ? "—" : LabModels.shortName(value);
      default -> key + " " + value;
    };
  }

  /**
   * The gradient colour range of the heatmap and the network diagram: the user's lock, else the
   * range holding both runs' values when comparing, else this snapshot's.
   */
  private DecadeRange gradientRange() {
    Optional<DecadeRange> lock = view.gradientLock();
    if (lock.isPresent()) {
      return lock.get();
    }
    TrainingSnapshot top = view.snapshot();
    DecadeRange range = LabModels.gradientRange(top);
    return top.comparing() ? range.union(LabModels.gradientRange(top.compared())) : range;
  }

  private Picture paired(String name, Picture.Drawing one,
      java.util.function.Function<LabDrawings, Picture.Drawing> each) {
    return Picture.of(name, (g, w, h, t) -> {
      if (sideB || !comparing()) {
        one.draw(g, w, h, t);
        return;
      }
      String[] tags = tags(view.snapshot(), t);
      SideBySide.draw(g, w, h, t, tags[0], tags[1], each.apply(this), each.apply(side(1)));
    });
  }

  // -------------------------------------------------------------------------------- models

  /**
   * The network diagram's model of the shown snapshot, built once per snapshot and theme: it
   * copies every weight, and hovering asks for it on every mouse move.
   */
  public NetworkDiagramModel networkModel(Theme theme) {
    TrainingSnapshot s = shown();
    DecadeRange range = gradientRange();
    if (network == null || networkOf != s || !theme.equals(network.theme())
        || !range.equals(networkRange)) {
      network = LabModels.network(s, theme, Optional.of(range));
      networkOf = s;
      networkRange = range;
    }
    return network;
  }

  public GradientHeatmapModel heatmapModel(Theme theme) {
    return LabModels.heatmap(shown(), theme, gradientRange(), view.gradientLock().isPresent());
  }

  /** Null when the data has no grid (more than two inputs). */
  public DecisionBoundaryModel boundaryModel(Theme theme) {
    return LabModels.boundary(shown(), theme);
  }

  /** The history; when comparing, over the colour range holding both runs' values. */
  public GradientHistoryModel historyModel(Theme theme) {
    TrainingSnapshot top = view.snapshot();
    if (!top.comparing()) {
      return LabModels.history(shown(), view.historyMetric(), theme);
    }
    DecadeRange range = LabModels.historyRange(top.history(), view.historyMetric())
        .union(LabModels.historyRange(top.compared().history(), view.historyMetric()));
    return LabModels.history(shown(), view.historyMetric(), theme, Optional.of(range));
  }

  /** The loss chart; when comparing, run A's with run B's drawn over it. */
  public LossChartModel lossModel(Theme theme) {
    LossChartModel m = LabModels.loss(shown(), view.logLoss(), theme);
    return sideB || !comparing() ? m
        : m.comparedWith(LabModels.loss(view.snapshot().compared(), view.logLoss(), theme));
  }

  public ActivationDistributionModel activationsModel(Theme theme) {
    TrainingSnapshot s = shown();
    return LabModels.activations(s, Math.min(view.activationLayer(), s.layers().size() - 2),
        theme);
  }

  // ------------------------------------------------------------------------------ pictures

  public Picture heatmap() {
    return paired("gradient-heatmap", this::drawHeatmap, d -> d::drawHeatmap);
  }

  public Picture network() {
    return paired("network", this::drawNetwork, d -> d::drawNetwork);
  }

  public Picture history() {
    return paired("gradient-history", this::drawHistory, d -> d::drawHistory);
  }

  /** The loss chart: two runs are overlaid in one chart, not side by side. */
  public Picture loss() {
    return Picture.of("loss", (g, w, h, t) -> lossRenderer.draw(g, w, h, lossModel(t)));
  }

  public Picture boundary() {
    return paired("decision-boundary", this::drawBoundary, d -> d::drawBoundary);
  }

  public Picture activations() {
    return paired("activations", this::drawActivations, d -> d::drawActivations);
  }

  private void drawHeatmap(Graphics2D g, double w, double h, Theme t) {
    heatmapRenderer.draw(g, w, h, heatmapModel(t), t);
  }

  private void drawNetwork(Graphics2D g, double w, double h, Theme t) {
    networkRenderer.draw(g, w, h, networkModel(t));
  }

  private void drawHistory(Graphics2D g, double w, double h, Theme t) {
    historyRenderer.draw(g, w, h, historyModel(t));
  }

  private void drawBoundary(Graphics2D g, double w, double h, Theme t) {
    DecisionBoundaryModel m = boundaryModel(t);
    if (m != null) {
      boundaryRenderer.draw(g, w, h, m, t);
    }
  }

  private void drawActivations(Graphics2D g, double w, double h, Theme t) {
    activationRenderer.draw(g, w, h, activationsModel(t));
  }

  // ------------------------------------------------------------- renderers (for hovering)

  public GradientHeatmapRenderer heatmapRenderer() {
    return heatmapRenderer;
  }

  public NetworkDiagramRenderer networkRenderer() {
    return networkRenderer;
  }

  public GradientHistoryRenderer historyRenderer() {
    return historyRenderer;
  }

  public LossChartRenderer lossRenderer() {
    return lossRenderer;
  }

  public DecisionBoundaryRenderer boundaryRenderer() {
    return boundaryRenderer;
  }

  public ActivationDistributionRenderer activationRenderer() {
    return activationRenderer;
  }
}
