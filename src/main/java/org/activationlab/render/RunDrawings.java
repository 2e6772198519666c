package org.activationlab.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RunAlerts;

/**
 * The run viewer's four pictures of a recorded run — per-unit heatmap, gradient history, loss,
 * activation distribution — each with its own renderer (renderers keep caches, so the screen and
 * an export each get their own {@code RunDrawings}). The run viewer's screen, its exports and
 * {@code report} all draw through here, so the same record is the same picture everywhere.
 */
public final class RunDrawings {

  /** Cells of a heatmap row are at least this many pixels wide; wider layers are binned. */
  public static final double MIN_CELL_PX = 6;

  /** What the pictures show, read at draw time. */
  public interface View {
    RecordedRun run();

    /** The record shown (heatmap, activations) and the last one in history and loss. */
    int index();

    RunMetric metric();

    boolean logLoss();

    /** The first layer (0-based) of the heatmap's rows. */
    int firstLayer();

    /** The layer (0-based) whose activations are shown. */
    int activationLayer();

    /** The run's alerts (computed once per run value by the caller). */
    List<RunAlerts.Span> alerts();
  }

  /** A fixed view (a command-line picture). */
  public record Fixed(RecordedRun run, int index, RunMetric metric, boolean logLoss,
      int firstLayer, int activationLayer, List<RunAlerts.Span> alerts) implements View {}

  /** The four pictures by name (file names, {@code report}'s options). */
  public enum Kind {
    HEATMAP("heatmap", RunDrawings::heatmap),
    HISTORY("history", RunDrawings::history),
    LOSS("loss", RunDrawings::loss),
    ACTIVATIONS("activations", RunDrawings::activations);

    private final String id;
    private final Function<RunDrawings, Picture> picture;

    Kind(String id, Function<RunDrawings, Picture> picture) {
      this.id = id;
      this.picture = picture;
    }

    public String id() {
      return id;
    }

    public Picture of(RunDrawings d) {
      return picture.apply(d);
    }

    /** The kind named {@code id}; the exception lists the valid names. */
    public static Kind parse(String id) {
      String key = id.trim().toLowerCase(Locale.ROOT);
      return Arrays.stream(values()).filter(k -> k.id.equals(key)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("unknown picture '" + id + "'; valid: heatmap, history, "
              + "loss, activations"));
    }
  }

  private final View view;
  private GradientHistoryModel history;
  private List<Object> historyKey;
  private final GradientHeatmapRenderer heatmapRenderer = new GradientHeatmapRenderer();
  private final GradientHistoryRenderer historyRenderer = new GradientHistoryRenderer();
  private final LossChartRenderer lossRenderer = new LossChartRenderer();
  private final ActivationDistributionRenderer activationRenderer =
      new ActivationDistributionRenderer();

  public RunDrawings(View view) {
    this.view = view;
  }

  public View view() {
    return view;
  }

  // -------------------------------------------------------------------------------- models

  /**
   * Heatmap rows that fit a picture {@code height} high: each at least half a line high (the
   * renderer then labels every k-th row), so only networks of many dozens of layers are shown a
   * window at a time.
   */
  public static int rowsFitting(double height, Theme theme) {
    double row = theme.fontSize() * 0.5;
    return Math.max(1, (int) ((height - theme.fontSize() * 3.5) / row));
  }

  /** Cells a heatmap row has room for in a picture {@code width} wide. */
  public static int cellsFitting(double width) {
    return Math.max(8, (int) (width * 0.55 / MIN_CELL_PX));
  }

  /** The heatmap as drawn into a picture of this size (rows and cells fitted to it). */
  public GradientHeatmapModel heatmapModel(Theme theme, double width, double height) {
    RecordedRun run = view.run();
    return RunModels.heatmap(run, view.index(), theme, view.firstLayer(),
        rowsFitting(height, theme), cellsFitting(width));
  }

  /**
   * The history, built once per run value, record, metric, alerts and theme: it reads every
   * record, and hovering asks for it on every mouse move.
   */
  public GradientHistoryModel historyModel(Theme theme) {
    List<Object> key = List.of(view.run(), view.index(), view.metric(), view.alerts(), theme);
    if (history == null || !key.equals(historyKey)) {
      history = RunModels.history(view.run(), view.metric(), theme, view.index(), view.alerts());
      historyKey = key;
    }
    return history;
  }

  public LossChartModel lossModel(Theme theme) {
    return RunModels.loss(view.run(), view.logLoss(), theme, view.index());
  }

  /** Null when the layer has no histogram or an unknown function. */
  public ActivationDistributionModel activationsModel(Theme theme) {
    return RunModels.activations(view.run(), view.index(), view.activationLayer(), theme);
  }

  // ------------------------------------------------------------------------------ pictures

  public Picture heatmap() {
    return Picture.of("run-heatmap", (g, w, h, t) -> {
      if (empty(g, w, h, t)) {
        return;
      }
      heatmapRenderer.draw(g, w, h, heatmapModel(t, w, h), t);
    });
  }

  public Picture history() {
    return Picture.of("run-history", (g, w, h, t) -> {
      if (empty(g, w, h, t)) {
        return;
      }
      historyRenderer.draw(g, w, h, historyModel(t));
    });
  }

  public Picture loss() {
    return Picture.of("run-loss", (g, w, h, t) -> {
      if (empty(g, w, h, t)) {
        return;
      }
      lossRenderer.draw(g, w, h, lossModel(t));
    });
  }

  public Picture activations() {
    return Picture.of("run-activations", (g, w, h, t) -> {
      if (empty(g, w, h, t)) {
        return;
      }
      ActivationDistributionModel m = activationsModel(t);
      if (m != null) {
        activationRenderer.draw(g, w, h, m);
      } else {
        message(g, w, h, t, RunModels.activationsMissing(view.run(), view.index(),
            view.activationLayer(), t));
      }
    });
  }

  /** A run with no records yet: says so and draws nothing else. */
  private boolean empty(Graphics2D g, double w, double h, Theme t) {
    if (!view.run().isEmpty()) {
      return false;
    }
    message(g, w, h, t, t.text("run.empty"));
    return true;
  }

  private static void message(Graphics2D g, double w, double h, Theme t, String text) {
    Backdrop.paint(g, w, h, t);
    Axes.drawEmptyMessage(new Labels(g, w, h), new Rectangle2D.Double(0, 0, w, h), t, text);
  }

  // ------------------------------------------------------------- renderers (for hovering)

  public GradientHeatmapRenderer heatmapRenderer() {
    return heatmapRenderer;
  }

  public GradientHistoryRenderer historyRenderer() {
    return historyRenderer;
  }

  public LossChartRenderer lossRenderer() {
    return lossRenderer;
  }

  public ActivationDistributionRenderer activationRenderer() {
    return activationRenderer;
  }
}
