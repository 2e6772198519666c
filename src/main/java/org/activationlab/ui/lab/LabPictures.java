package org.activationlab.ui.lab;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Optional;
import org.activationlab.activation.Activation;
import org.activationlab.nn.Dataset;
import org.activationlab.render.ActivationDistributionModel;
import org.activationlab.render.DecadeRange;
import org.activationlab.render.DecisionBoundaryModel;
import org.activationlab.render.GradientHistoryModel;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.render.GradientHistoryRenderer;
import org.activationlab.render.HistoryMetric;
import org.activationlab.render.LabDrawings;
import org.activationlab.render.LabModels;
import org.activationlab.render.LossChartModel;
import org.activationlab.render.NetworkDiagramModel;
import org.activationlab.render.NiceTicks;
import org.activationlab.render.Picture;
import org.activationlab.render.PlotFrame;
import org.activationlab.render.SideBySide;
import org.activationlab.render.Theme;
import org.activationlab.training.GridSnapshot;
import org.activationlab.training.History;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.SampleTraces;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.I18n;

/**
 * The Lab's six pictures of the snapshot shown, and what the pointer is over in each. The FX
 * thread sets the newest snapshot ({@link #show}) and the pictures draw it through {@link
 * LabDrawings}, the same drawings the exports and the command line use. View options (history
 * metric and log loss axis from the model, the layer whose activations are shown) are read at
 * draw time.
 */
final class LabPictures implements LabDrawings.View {

  private final LabModel model;
  private TrainingSnapshot snapshot;

  /** The on-screen drawings: one renderer each, reused frame after frame (also for hovering). */
  private final LabDrawings screen = new LabDrawings(this);

  LabPictures(LabModel model) {
    this.model = model;
    snapshot = model.latest();
  }

  void show(TrainingSnapshot s) {
    snapshot = s;
    model.setActivationLayer(Math.min(model.activationLayer(), hiddenLayers() - 1));
  }

  @Override
  public TrainingSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public HistoryMetric historyMetric() {
    return model.historyMetricProperty().get();
  }

  @Override
  public boolean logLoss() {
    return model.logLossProperty().get();
  }

  @Override
  public int activationLayer() {
    return model.activationLayer();
  }

  @Override
  public Optional<DecadeRange> gradientLock() {
    return model.gradientLock();
  }

  /** Which hidden layer (0-based) the activations picture shows; clamped to the network. */
  void setActivationLayer(int layer) {
    model.setActivationLayer(Math.max(0, Math.min(hiddenLayers() - 1, layer)));
  }

  int hiddenLayers() {
    return snapshot.layers().size() - 1;
  }

  // ------------------------------------------------------------------------------ pictures

  /** The pictures as the screen draws them. */
  LabDrawings screen() {
    return screen;
  }

  /** {@code kind} of snapshot {@code s} as it would be shown now (for a recording's frame). */
  Picture frame(LabPicture kind, TrainingSnapshot s) {
    return kind.of(new LabDrawings(new LabDrawings.Fixed(s, historyMetric(), logLoss(),
        activationLayer(), gradientLock())));
  }

  /** The pictures of the shown snapshot with renderers of their own, for an export. */
  LabDrawings forExport() {
    return new LabDrawings(this);
  }

  // ------------------------------------------------------------------------- hover readouts

  /** A readout of one run's picture drawn at w × h by {@code d}, at (x, y). */
  @FunctionalInterface
  private interface Readout {
    Optional<String> at(LabDrawings d, double x, double y, double w, double h, Theme theme);
  }

  /**
   * The readout under (x, y) of a picture drawn at w × h: of the one run, or, when two runs are
   * side by side, of the run under the pointer and of the other at the same place in its half
   * ("A: …" and "B: …"), so that one look reads both.
   */
  private Optional<String> read(Readout r, double x, double y, double w, double h, Theme theme) {
    if (!screen.comparing()) {
      return r.at(screen, x, y, w, h, theme);
    }
    SideBySide.Halves halves = SideBySide.layout(w, h, theme);
    int side = halves.sideAt(x, y);
    if (side < 0) {
      return Optional.empty();
    }
    Rectangle2D mine = halves.side(side);
    double lx = x - mine.getX();
    double ly = y - mine.getY();
    double hw = mine.getWidth();
    double hh = mine.getHeight();
    Optional<String> a = r.at(screen.side(0), lx, ly, hw, hh, theme);
    Optional<String> b = r.at(screen.side(1), lx, ly, hw, hh, theme);
    if (a.isEmpty() && b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("A · " + a.orElse("—") + "\nB · " + b.orElse("—"));
  }

  /** The unit under (x, y) of the heatmap drawn at w × h, as a readout. */
  Optional<String> heatmapAt(double x, double y, double w, double h, Theme theme) {
    return read((d, px, py, pw, ph, t) -> heatmapCellAt(d, px, py, pw, ph, t)
        .map(c -> unitText(d.shown().layers().get(c[0]), c[1])), x, y, w, h, theme);
  }

  /** The layer (0-based, the output last) of the heatmap row under (x, y), in the run there. */
  Optional<Integer> heatmapRowAt(double x, double y, double w, double h, Theme theme) {
    if (!screen.comparing()) {
      return heatmapCellAt(screen, x, y, w, h, theme).map(c -> c[0]);
    }
    SideBySide.Halves halves = SideBySide.layout(w, h, theme);
    int side = halves.sideAt(x, y);
    if (side < 0) {
      return Optional.empty();
    }
    Rectangle2D r = halves.side(side);
    return heatmapCellAt(screen.side(side), x - r.getX(), y - r.getY(), r.getWidth(),
        r.getHeight(), theme).map(c -> c[0]);
  }

  /** Where the heatmap draws unit {@code j} of layer {@code layer} at w × h (run A's). */
  Rectangle2D heatmapCell(int layer, int j, double w, double h, Theme theme) {
    GradientHeatmapRenderer r = screen.heatmapRenderer();
    if (!screen.comparing()) {
      return r.cell(r.layout(w, h, screen.heatmapModel(theme), theme), layer, j);
    }
    Rectangle2D half = SideBySide.layout(w, h, theme).a();
    Rectangle2D c = r.cell(r.layout(half.getWidth(), half.getHeight(),
        screen.heatmapModel(theme), theme), layer, j);
    return new Rectangle2D.Double(c.getX() + half.getX(), c.getY() + half.getY(), c.getWidth(),
        c.getHeight());
  }

  /** {layer, unit} under (x, y), if a cell is there. */
  private static Optional<int[]> heatmapCellAt(LabDrawings d, double x, double y, double w,
      double h, Theme theme) {
    GradientHeatmapRenderer.Layout l =
        d.heatmapRenderer().layout(w, h, d.heatmapModel(theme), theme);
    Rectangle2D cells = l.cells();
    if (!cells.contains(x, y)) {
      return Optional.empty();
    }
    int row = (int) ((y - cells.getY()) / l.rowHeight());
    int j = (int) ((x - cells.getX()) / l.cellWidth());
    List<LayerSnapshot> layers = d.shown().layers();
    if (row < 0 || row >= layers.size() || j < 0 || j >= layers.get(row).width()) {
      return Optional.empty();
    }
    return Optional.of(new int[] {row, j});
  }

  /** The neuron nearest to (x, y) in the network diagram, within its cell. */
  Optional<String> networkAt(double x, double y, double w, double h, Theme theme) {
    return read(LabPictures::networkAt, x, y, w, h, theme);
  }

  private static Optional<String> networkAt(LabDrawings d, double x, double y, double w,
      double h, Theme theme) {
    NetworkDiagramModel m = d.networkModel(theme);
    double reach = Math.max(6, d.networkRenderer().cellSize(w, h, m) * 0.7);
    int[] widths = m.widths();
    for (int l = 0; l < widths.length; l++) {
      for (int j = 0; j < widths[l]; j++) {
        Point2D c = d.networkRenderer().neuronCentre(w, h, m, l, j);
        if (Math.abs(c.getX() - x) <= reach && Math.abs(c.getY() - y) <= reach) {
          return Optional.of(l == 0 ? inputText(d.shown(), j)
              : unitText(d.shown().layers().get(l - 1), j));
        }
      }
    }
    return Optional.empty();
  }

  /** Input {@code j}: x₁ or x₂, or the input feature it is (x₁², sin x₁, …). */
  private static String inputText(TrainingSnapshot s, int j) {
    List<org.activationlab.nn.InputFeatures.Feature> f = s.scenario().features().list();
    return s.scenario().datasetSpec().inputSize() == 2 && j < f.size()
        ? I18n.text("lab.hover.feature", f.get(j).label())
        : I18n.text("lab.hover.input", j + 1);
  }

  /** The layer and column under (x, y) in the history. */
  Optional<String> historyAt(double x, double y, double w, double h, Theme theme) {
    return read(this::historyAt, x, y, w, h, theme);
  }

  private Optional<String> historyAt(LabDrawings d, double x, double y, double w, double h,
      Theme theme) {
    GradientHistoryModel m = d.historyModel(theme);
    if (m.columns() == 0) {
      return Optional.empty();
    }
    PlotFrame heat = d.historyRenderer().heatmapFrame(w, h, m);
    PlotFrame chart = d.historyRenderer().chartFrame(w, h, m);
    PlotFrame f = heat.contains(x, y) ? heat : chart.contains(x, y) ? chart : null;
    if (f == null) {
      return Optional.empty();
    }
    int column = GradientHistoryRenderer.columnAt(m.steps(), f.toDataX(x));
    History hist = d.shown().history();
    StringBuilder sb = new StringBuilder(I18n.text("lab.hover.steps", hist.firstStep(column),
        hist.lastStep(column), historyMetric().label(I18n.locale())));
    if (f == heat) {
      int layer = (int) ((y - heat.area().getY()) / heat.area().getHeight() * m.layers());
      layer = Math.max(0, Math.min(m.layers() - 1, layer));
      sb.append('\n').append(I18n.text("lab.hover.layerValue", m.layerLabels()[layer],
          num(m.values()[layer][column])));
    } else {
      for (int layer = 0; layer < m.layers(); layer++) {
        sb.append(layer == 0 ? "\n" : " · ").append(m.layerLabels()[layer]).append(": ")
            .append(num(m.values()[layer][column]));
      }
    }
    return Optional.of(sb.toString());
  }

  /** Losses and accuracy at the step under x (of both runs when they are compared). */
  Optional<String> lossAt(double x, double y, double w, double h, Theme theme) {
    LossChartModel m = screen.lossModel(theme);
    PlotFrame f = screen.lossRenderer().frame(w, h, m);
    if (m.steps().length == 0 || !f.contains(x, y)) {
      return Optional.empty();
    }
    if (m.compared() == null) {
      return Optional.of(lossText(m, f.toDataX(x)));
    }
    return Optional.of("A · " + lossText(m, f.toDataX(x)) + "\nB · "
        + lossText(m.compared(), f.toDataX(x)));
  }

  private static String lossText(LossChartModel m, double step) {
    if (m.steps().length == 0) {
      return "—";
    }
    int c = GradientHistoryRenderer.columnAt(m.steps(), step);
    return I18n.text("lab.hover.loss", m.steps()[c], num(m.trainLoss()[c]), num(m.testLoss()[c]),
        percent(m.accuracy()[c]));
  }

  /** The input point and the network's output there. */
  Optional<String> boundaryAt(double x, double y, double w, double h, Theme theme) {
    return read(LabPictures::boundaryAt, x, y, w, h, theme);
  }

  private static Optional<String> boundaryAt(LabDrawings d, double x, double y, double w,
      double h, Theme theme) {
    DecisionBoundaryModel m = d.boundaryModel(theme);
    if (m == null) {
      return Optional.empty();
    }
    PlotFrame f = d.boundaryRenderer().frame(w, h, m, theme);
    if (!f.contains(x, y)) {
      return Optional.empty();
    }
    GridSnapshot g = m.grid();
    double dx = f.toDataX(x);
    double dy = f.toDataY(y);
    int ix = cellIndex(dx, g.xMin(), g.xMax(), g.resolution());
    if (g.dimensions() == 1) {
      return Optional.of(I18n.text("lab.hover.curve", num(dx), num(g.value(ix, 0, 0))));
    }
    int iy = cellIndex(dy, g.yMin(), g.yMax(), g.resolution());
    if (g.channels() == 1) {
      return Optional.of(I18n.text("lab.hover.probability", num(dx), num(dy),
          num(g.value(ix, iy, 0))));
    }
    int best = 0;
    for (int c = 1; c < g.channels(); c++) {
      best = g.value(ix, iy, c) > g.value(ix, iy, best) ? c : best;
    }
    return Optional.of(I18n.text("lab.hover.classes", num(dx), num(dy), best,
        num(g.value(ix, iy, best))));
  }

  /**
   * The data point under (x, y) of the decision-boundary picture at w × h, as {x, y, data units
   * per pixel in x, in y} (in the half under the pointer when two runs are compared), if the
   * pointer is over the plot.
   */
  Optional<double[]> boundaryDataAt(double x, double y, double w, double h, Theme theme) {
    return boundaryUnder(x, y, w, h, theme).filter(b -> b.frame().contains(b.x(), b.y()))
        .map(b -> {
          PlotFrame f = b.frame();
          return new double[] {f.toDataX(b.x()), f.toDataY(b.y()),
              Math.abs(f.toDataX(b.x() + 1) - f.toDataX(b.x())),
              Math.abs(f.toDataY(b.y() + 1) - f.toDataY(b.y()))};
        });
  }

  /** The boundary picture's run under the pointer: its drawings, plot frame and local point. */
  private record BoundaryUnder(LabDrawings drawings, PlotFrame frame, double x, double y) {}

  /**
   * The decision-boundary picture drawn at w × h as the pointer at (x, y) sees it: the one run's,
   * or the half under the pointer when two runs are compared (x, y then local to that half).
   */
  private Optional<BoundaryUnder> boundaryUnder(double x, double y, double w, double h,
      Theme theme) {
    LabDrawings d = screen;
    if (screen.comparing()) {
      SideBySide.Halves halves = SideBySide.layout(w, h, theme);
      int side = halves.sideAt(x, y);
      if (side < 0) {
        return Optional.empty();
      }
      Rectangle2D r = halves.side(side);
      d = screen.side(side);
      x -= r.getX();
      y -= r.getY();
      w = r.getWidth();
      h = r.getHeight();
    }
    DecisionBoundaryModel m = d.boundaryModel(theme);
    if (m == null) {
      return Optional.empty();
    }
    PlotFrame f = d.boundaryRenderer().frame(w, h, m, theme);
    return Optional.of(new BoundaryUnder(d, f, x, y));
  }

  /** A sample of the data: its split and index (stored order). */
  record SamplePick(SampleTraces.Split split, int index) {}

  /**
   * The sample drawn nearest to (x, y) on the decision-boundary picture at w × h, if one is
   * within {@code reach} pixels (when two runs are compared, in either half: they share the data).
   */
  Optional<SamplePick> sampleAt(double pointerX, double pointerY, double w, double h,
      Theme theme, double reach) {
    Optional<BoundaryUnder> under = boundaryUnder(pointerX, pointerY, w, h, theme);
    if (under.isEmpty()) {
      return Optional.empty();
    }
    LabDrawings d = under.get().drawings();
    PlotFrame f = under.get().frame();
    double x = under.get().x();
    double y = under.get().y();
    SamplePick best = null;
    double bestDistance = reach * reach;
    for (SampleTraces.Split split : SampleTraces.Split.values()) {
      Dataset data = SampleTraces.samples(d.shown(), split);
      for (int i = 0; i < data.size(); i++) {
        double px = f.toPixelX(data.input(i, 0));
        double py = f.toPixelY(data.inputSize() == 1 ? data.target(i) : data.input(i, 1));
        double dist = (px - x) * (px - x) + (py - y) * (py - y);
        if (dist <= bestDistance) {
          bestDistance = dist;
          best = new SamplePick(split, i);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** z under the pointer, the layer's f(z), f′(z) and how many probe samples fall in that bin. */
  Optional<String> activationsAt(double x, double y, double w, double h, Theme theme) {
    return read(LabPictures::activationsAt, x, y, w, h, theme);
  }

  private static Optional<String> activationsAt(LabDrawings d, double x, double y, double w,
      double h, Theme theme) {
    ActivationDistributionModel m = d.activationsModel(theme);
    PlotFrame f = d.activationRenderer().frame(w, h, m);
    if (!f.contains(x, y)) {
      return Optional.empty();
    }
    double z = f.toDataX(x);
    int bin = Math.max(0, Math.min(m.counts().length - 1,
        (int) ((z - m.min()) / m.binWidth())));
    Activation a = m.activation();
    return Optional.of(I18n.text("lab.hover.activation", num(z), num(a.value(z)),
        num(a.derivative(z)), m.counts()[bin]));
  }

  private static int cellIndex(double v, double min, double max, int resolution) {
    return Math.max(0, Math.min(resolution - 1, (int) ((v - min) / (max - min) * resolution)));
  }

  private static String unitText(LayerSnapshot l, int j) {
    String layer = l.output() ? I18n.text("lab.hover.outputLayer")
        : I18n.text("lab.hover.hiddenLayer", l.index() + 1, l.activation());
    String state = l.isDead(j) ? I18n.text("lab.hover.dead")
        : l.isSaturated(j) ? I18n.text("lab.hover.saturated")
        : l.flatness().reportsInactive()
            ? I18n.text("lab.hover.inactiveShare", percent(l.unitInactiveFraction(j)))
        : I18n.text("lab.hover.active");
    double ratio = l.updateRatio();
    String update = Double.isNaN(ratio) ? I18n.text("lab.hover.updateRatio.none")
        : I18n.text("lab.hover.updateRatio", num(ratio));
    return I18n.text("lab.hover.unit", layer, j + 1, num(l.neuronGrad(j)), state) + "\n"
        + update;
  }

  static String num(double v) {
    return NiceTicks.significant(v, 3);
  }

  static String percent(double fraction) {
    return LabModels.percent(fraction);
  }
}
