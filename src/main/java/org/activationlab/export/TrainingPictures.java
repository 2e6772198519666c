package org.activationlab.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.LayerRecord;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.OutputGrid;
import org.activationlab.nn.TrainingSession;
import org.activationlab.render.DecadeScale;
import org.activationlab.render.DecisionBoundaryModel;
import org.activationlab.render.DecisionBoundaryRenderer;
import org.activationlab.render.GradientHeatmapModel;
import org.activationlab.render.GradientHistoryRenderer;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.render.LabModels;
import org.activationlab.render.NetworkDiagramModel;
import org.activationlab.render.NetworkDiagramRenderer;
import org.activationlab.render.Picture;
import org.activationlab.training.GridSnapshot;
import org.activationlab.training.History;
import org.activationlab.training.Scenario;

/**
 * The Lab's pictures of a training run as {@link Picture}s for export (PNG, GIF frames), built
 * from a stats {@link Record} or the session as it is now. Each picture holds copies: it shows
 * the moment it was made, however the session goes on.
 */
public final class TrainingPictures {

  private TrainingPictures() {}

  /** The pictures {@code train --gif} can record. */
  public enum Kind {
    HEATMAP("heatmap"), HISTORY("history"), BOUNDARY("boundary"), NETWORK("network");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** Parses an id; the message of the exception lists the valid ones. */
    public static Kind parse(String id) {
      for (Kind k : values()) {
        if (k.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown picture '" + id + "'; valid: heatmap, history, "
          + "boundary, network");
    }
  }

  /** Height in user units of a heatmap with {@code layers} rows (width 1000 or less). */
  public static int heatmapHeight(int layers) {
    return Math.min(2000, 80 + 46 * layers);
  }

  /** Label of a layer in the pictures: {@code 3 sigmoid}, {@code 9 output}. */
  private static String label(Layer layer) {
    return layer.index() + ("output".equals(layer.kind()) ? " output" : " " + layer.activation());
  }

  /** The per-layer gradient heatmap of a record. */
  public static Picture heatmap(Record r, List<Layer> layers, String description) {
    List<GradientHeatmapModel.Row> rows = new ArrayList<>();
    for (int l = 0; l < r.layers().size(); l++) {
      LayerRecord lr = r.layers().get(l);
      rows.add(new GradientHeatmapModel.Row(label(layers.get(l)), lr.neuronGradMeanAbs(),
          lr.dead(), lr.deadFraction(), lr.saturatedFraction()));
    }
    GradientHeatmapModel m = new GradientHeatmapModel("mean |δ| per neuron, step " + r.step()
        + " — " + description, rows, GradientHeatmapModel.DEFAULT_DECADE_MIN,
        GradientHeatmapModel.DEFAULT_DECADE_MAX);
    return Picture.of("gradient-heatmap", (g, w, h, t) ->
        new GradientHeatmapRenderer().draw(g, w, h, m, t));
  }

  /**
   * The decision boundary (2-D data) or fitted curve (1-D) of the session's network now, with its
   * training and test samples.
   */
  public static Picture boundary(TrainingSession session, Scenario scenario) {
    Mlp net = session.network();
    OutputGrid grid = OutputGrid.of(net, net.inputSize() == 2 ? 160 : 400);
    session.outputGrid(grid);
    GridSnapshot gs = new GridSnapshot(grid.resolution, grid.dimensions, grid.channels,
        grid.xMin, grid.xMax, grid.yMin, grid.yMax, grid.values);
    DecisionBoundaryModel m = DecisionBoundaryModel.of(scenario.describe() + ", step "
        + session.stepCount(), gs, session.data());
    return Picture.of("decision-boundary", (g, w, h, t) ->
        new DecisionBoundaryRenderer().draw(g, w, h, m, t));
  }

  /**
   * The network diagram: neurons coloured by the record's mean |δ|, dead ones crossed out, links
   * from {@code net}'s current weights.
   */
  public static Picture network(Mlp net, Record r) {
    int layers = net.layerCount();
    int[] widths = new int[layers + 1];
    widths[0] = net.inputSize();
    double[][] magnitudes = new double[layers][];
    boolean[][] dead = new boolean[layers][];
    double[][] weights = new double[layers][];
    double[] params = net.parameters();
    for (int l = 0; l < layers; l++) {
      widths[l + 1] = net.width(l);
      magnitudes[l] = r.layers().get(l).neuronGradMeanAbs();
      dead[l] = r.layers().get(l).dead();
      int from = net.weightOffset(l);
      weights[l] = Arrays.copyOfRange(params, from, from + net.width(l) * net.fanIn(l));
    }
    return Picture.of("network", (g, w, h, t) -> new NetworkDiagramRenderer().draw(g, w, h,
        new NetworkDiagramModel(widths, magnitudes, dead, weights, DecadeScale.GRADIENTS, t)));
  }

  /** The gradient history (per-layer mean |δ| over the steps recorded so far). */
  public static Picture history(History history, List<Layer> layers) {
    String[] labels = new String[history.layerCount()];
    for (int l = 0; l < labels.length; l++) {
      labels[l] = "output".equals(layers.get(l).kind()) ? "out" : Integer.toString(l + 1);
    }
    return Picture.of("gradient-history", (g, w, h, t) -> new GradientHistoryRenderer().draw(g,
        w, h, LabModels.history(history, labels, LabModels.HistoryMetric.MEAN_ABS_DELTA, t)));
  }
}
