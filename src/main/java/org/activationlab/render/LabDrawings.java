package org.activationlab.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
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
  private final GradientHeatmapRenderer heatmapRenderer = new GradientHeatmapRenderer();
  private final NetworkDiagramRenderer networkRenderer = new NetworkDiagramRenderer();
  private final GradientHistoryRenderer historyRenderer = new GradientHistoryRenderer();
  private final LossChartRenderer lossRenderer = new LossChartRenderer();
  private final DecisionBoundaryRenderer boundaryRenderer = new DecisionBoundaryRenderer();
  private final ActivationDistributionRenderer activationRenderer =
      new ActivationDistributionRenderer();
  private NetworkDiagramModel network;
  private TrainingSnapshot networkOf;
  private Optional<DecadeRange> networkLock;

  public LabDrawings(View view) {
    this.view = view;
  }

  // -------------------------------------------------------------------------------- models

  /**
   * The network diagram's model of the shown snapshot, built once per snapshot and theme: it
   * copies every weight, and hovering asks for it on every mouse move.
   */
  public NetworkDiagramModel networkModel(Theme theme) {
    TrainingSnapshot s = view.snapshot();
    Optional<DecadeRange> lock = view.gradientLock();
    if (network == null || networkOf != s || !theme.equals(network.theme())
        || !lock.equals(networkLock)) {
      network = LabModels.network(s, theme, lock);
      networkOf = s;
      networkLock = lock;
    }
    return network;
  }

  public GradientHeatmapModel heatmapModel(Theme theme) {
    return LabModels.heatmap(view.snapshot(), theme, view.gradientLock());
  }

  /** Null when the data has no grid (more than two inputs). */
  public DecisionBoundaryModel boundaryModel(Theme theme) {
    return LabModels.boundary(view.snapshot(), theme);
  }

  public GradientHistoryModel historyModel(Theme theme) {
    return LabModels.history(view.snapshot(), view.historyMetric(), theme);
  }

  public LossChartModel lossModel(Theme theme) {
    return LabModels.loss(view.snapshot(), view.logLoss(), theme);
  }

  public ActivationDistributionModel activationsModel(Theme theme) {
    return LabModels.activations(view.snapshot(), view.activationLayer(), theme);
  }

  // ------------------------------------------------------------------------------ pictures

  public Picture heatmap() {
    return Picture.of("gradient-heatmap",
        (g, w, h, t) -> heatmapRenderer.draw(g, w, h, heatmapModel(t), t));
  }

  public Picture network() {
    return Picture.of("network", (g, w, h, t) -> networkRenderer.draw(g, w, h, networkModel(t)));
  }

  public Picture history() {
    return Picture.of("gradient-history",
        (g, w, h, t) -> historyRenderer.draw(g, w, h, historyModel(t)));
  }

  public Picture loss() {
    return Picture.of("loss", (g, w, h, t) -> lossRenderer.draw(g, w, h, lossModel(t)));
  }

  public Picture boundary() {
    return Picture.of("decision-boundary", (g, w, h, t) -> {
      DecisionBoundaryModel m = boundaryModel(t);
      if (m != null) {
        boundaryRenderer.draw(g, w, h, m, t);
      }
    });
  }

  public Picture activations() {
    return Picture.of("activations",
        (g, w, h, t) -> activationRenderer.draw(g, w, h, activationsModel(t)));
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
