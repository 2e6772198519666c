package org.activationlab.ui.run;

import java.awt.geom.Rectangle2D;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.activationlab.render.GradientHeatmapModel;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.render.GradientHistoryModel;
import org.activationlab.render.GradientHistoryRenderer;
import org.activationlab.render.LossChartModel;
import org.activationlab.render.NiceTicks;
import org.activationlab.render.Picture;
import org.activationlab.render.PlotFrame;
import org.activationlab.render.RunDrawings;
import org.activationlab.render.RunMetric;
import org.activationlab.render.RunModels;
import org.activationlab.render.Theme;
import org.activationlab.render.AlertTexts;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;
import org.activationlab.training.RunAlerts;
import org.activationlab.ui.ExportDialog;
import org.activationlab.ui.FxNodes;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.PicturePanel;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.ViewListeners;

/**
 * The run viewer: a run someone else trained (the PyTorch probe's file, our {@code train
 * --stats}, a TensorBoard log) in the Lab's pictures — per-unit heatmap, gradient history with its
 * alerts, loss, activations — read-only: there is nothing to train, only records to look at. A
 * slider walks the records; "Follow" keeps the newest in view while the file grows.
 *
 * <p>Keyboard (while shown and no text field has the focus): ←/→ previous/next record, Home/End
 * first/last, 1–4 a picture alone, Esc all four again.
 */
public final class RunView extends BorderPane {

  private final RunViewerModel model;
  private final ThemeManager themes;
  private final ViewListeners listeners = new ViewListeners();
  private final RunDrawings drawings;
  private final List<PicturePanel> panels = new ArrayList<>();
  private final GridPane grid = new GridPane();
  private final StackPane centre = new StackPane();
  private final VBox empty;
  private final Label title = new Label();
  private final Label facts = new Label();
  private final Label status = new Label();
  private final Label stepLabel = new Label();
  private final Slider slider = new Slider(0, 0, 0);
  private final CheckBox follow = new CheckBox(I18n.text("run.follow"));
  private final ScrollBar layerScroll = new ScrollBar();
  private final ChoiceBox<Integer> activationLayer = new ChoiceBox<>();
  private final ListView<RunAlerts.Span> alertList = new ListView<>();
  private final Label alertTitle = new Label();
  private final VBox alertPane;
  private PicturePanel focusedPanel;
  /** The picture Ctrl+E exports: the one in focus mode, else the last one pointed at. */
  private PicturePanel pointed;
  private boolean updating;

  public RunView(RunViewerModel model, ThemeManager themes) {
    this.model = model;
    this.themes = themes;
    this.drawings = new RunDrawings(model);
    setId("run-view");

    // ---- top: what is open, what it is, the view options
    Button open = new Button(I18n.text("run.open"));
    open.setId("run-open");
    open.setOnAction(e -> chooseAndOpen());
    title.getStyleClass().add("section-title");
    title.setId("run-title");
    facts.getStyleClass().add("hint");
    facts.setId("run-facts");
    Label readOnly = new Label(I18n.text("run.readOnly"));
    readOnly.getStyleClass().add("run-read-only");
    readOnly.setTooltip(FxNodes.explanation(I18n.text("run.readOnly.tooltip")));
    follow.setId("run-follow");
    follow.setTooltip(FxNodes.explanation(I18n.text("run.follow.tooltip")));
    follow.selectedProperty().bindBidirectional(model.stickToLatestProperty());
    ChoiceBox<RunMetric> metric = new ChoiceBox<>();
    metric.setId("run-metric");
    metric.getItems().setAll(RunMetric.values());
    metric.setConverter(converter(m -> m.label(I18n.locale())));
    metric.valueProperty().bindBidirectional(model.metricProperty());
    metric.setTooltip(FxNodes.explanation(I18n.text("run.metric.tooltip")));
    CheckBox logLoss = new CheckBox(I18n.text("run.logLoss"));
    logLoss.selectedProperty().bindBidirectional(model.logLossProperty());
    ToggleButton alertsToggle = new ToggleButton(I18n.text("run.alerts.toggle"));
    alertsToggle.setId("run-alerts-toggle");
    alertsToggle.setSelected(true);
    title.setMinWidth(0);
    facts.setMinWidth(0);
    readOnly.setMinWidth(Region.USE_PREF_SIZE);
    Label metricLabel = new Label(I18n.text("run.metric"));
    for (Region r : new Region[] {follow, metricLabel, metric, logLoss, alertsToggle, open}) {
      r.setMinWidth(Region.USE_PREF_SIZE); // the file's facts give way, the controls do not
    }
    VBox what = new VBox(2, new HBox(10, title, readOnly), facts);
    what.setMinWidth(0);
    HBox.setHgrow(what, Priority.SOMETIMES);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(10, open, what, spacer, follow, metricLabel, metric, logLoss,
        alertsToggle);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 8, 6, 8));
    top.getStyleClass().add("run-top");
    top.visibleProperty().bind(themes.controlsShownProperty());
    top.managedProperty().bind(top.visibleProperty());

    // ---- centre: four pictures
    panels.add(panel("run-heatmap", drawings.heatmap(), "run.explain.heatmap", this::heatmapHover));
    panels.add(panel("run-history", drawings.history(), "run.explain.history", this::historyHover));
    panels.add(panel("run-loss", drawings.loss(), "run.explain.loss", this::lossHover));
    panels.add(panel("run-activations", drawings.activations(), "run.explain.activations",
        (x, y) -> Optional.empty()));
    layerScroll.setOrientation(Orientation.VERTICAL);
    layerScroll.setId("run-layer-scroll");
    layerScroll.valueProperty().addListener((o, was, now) -> {
      if (!updating) {
        model.firstLayerProperty().set((int) Math.round(now.doubleValue()));
      }
    });
    PicturePanel heat = panels.get(0);
    heat.canvas().setOnScroll(e -> scrollLayers(e.getDeltaY() < 0 ? 3 : -3));
    heat.canvas().canvas().setOnMouseClicked(e -> pickLayer(e.getX(), e.getY()));
    HBox heatWithScroll = new HBox(heat, layerScroll);
    HBox.setHgrow(heat, Priority.ALWAYS);
    activationLayer.setId("run-activation-layer");
    activationLayer.setConverter(converter(l -> model.run() == null
        || l >= model.run().layers().size() ? "" : RunModels.displayName(
            model.run().layers().get(l))));
    activationLayer.valueProperty().addListener((o, was, now) -> {
      if (!updating && now != null) {
        model.activationLayerProperty().set(now);
      }
    });
    panels.get(3).addTool(activationLayer);
    grid.add(heatWithScroll, 0, 0);
    grid.add(panels.get(1), 1, 0);
    grid.add(panels.get(2), 0, 1);
    grid.add(panels.get(3), 1, 1);
    for (int i = 0; i < 2; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(50);
      grid.getColumnConstraints().add(c);
      RowConstraints r = new RowConstraints();
      r.setPercentHeight(50);
      grid.getRowConstraints().add(r);
    }
    grid.setHgap(6);
    grid.setVgap(6);
    grid.setPadding(new Insets(4));

    Label emptyTitle = new Label(I18n.text("run.none.title"));
    emptyTitle.getStyleClass().add("section-title");
    Label emptyBody = new Label(I18n.text("run.none.body"));
    emptyBody.setWrapText(true);
    emptyBody.setMaxWidth(640);
    Button emptyOpen = new Button(I18n.text("run.open"));
    emptyOpen.setOnAction(e -> chooseAndOpen());
    empty = new VBox(12, emptyTitle, emptyBody, emptyOpen);
    empty.setId("run-empty");
    empty.setAlignment(Pos.CENTER);
    empty.setPadding(new Insets(24));
    centre.getChildren().setAll(empty);

    // ---- right: alerts
    alertTitle.getStyleClass().add("section-title");
    alertList.setId("run-alerts");
    alertList.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(RunAlerts.Span s, boolean blank) {
        super.updateItem(s, blank);
        setText(blank || s == null || model.run() == null ? null
            : AlertTexts.describe(s, model.run(), themes.renderTheme()));
        setWrapText(true);
        setPrefWidth(0);
      }
    });
    alertList.getSelectionModel().selectedItemProperty().addListener((o, was, s) -> {
      if (s != null && model.run() != null) { // jump to where it starts, on its layer
        model.showRecord(s.from());
        model.activationLayerProperty().set(s.layer());
        revealLayer(s.layer());
      }
    });
    Label alertHint = new Label(I18n.text("run.alerts.hint"));
    alertHint.getStyleClass().add("hint");
    alertHint.setWrapText(true);
    alertPane = new VBox(6, alertTitle, alertHint, alertList);
    alertHint.setMinHeight(Region.USE_PREF_SIZE);
    VBox.setVgrow(alertList, Priority.ALWAYS);
    alertPane.setPadding(new Insets(6));
    alertPane.getStyleClass().add("run-alerts");
    // Ctrl+H (controls hidden) gives the pictures the whole width, as in the Lab
    alertPane.visibleProperty().bind(alertsToggle.selectedProperty()
        .and(model.runProperty().isNotNull()).and(themes.controlsShownProperty()));
    alertPane.managedProperty().bind(alertPane.visibleProperty());

    // ---- bottom: the records
    slider.setId("run-slider");
    slider.setBlockIncrement(1);
    slider.setMajorTickUnit(1);
    slider.setSnapToTicks(true);
    slider.valueProperty().addListener((o, was, now) -> {
      if (!updating) {
        model.showRecord((int) Math.round(now.doubleValue()));
      }
    });
    HBox.setHgrow(slider, Priority.ALWAYS);
    stepLabel.setId("run-step");
    stepLabel.setMinWidth(Region.USE_PREF_SIZE);
    status.setId("run-status");
    status.getStyleClass().add("hint");
    status.textProperty().bind(model.statusProperty());
    HBox bottom = new HBox(10, stepLabel, slider, status);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setPadding(new Insets(4, 8, 6, 8));
    bottom.visibleProperty().bind(model.runProperty().isNotNull());
    bottom.managedProperty().bind(bottom.visibleProperty());

    setTop(top);
    setCenter(centre);
    setRight(alertPane);
    setBottom(bottom);

    listeners.on(model.runProperty(), this::refresh);
    listeners.on(model.indexProperty(), this::refresh);
    listeners.on(model.metricProperty(), this::refresh);
    listeners.on(model.logLossProperty(), this::refresh);
    listeners.on(model.firstLayerProperty(), this::refresh);
    listeners.on(model.activationLayerProperty(), this::refresh);
    listeners.on(heat.canvas().heightProperty(), this::refresh);
    listeners.on(themes.changes(), this::refresh);
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    model.refreshStatus(); // a new view after a language switch speaks the new language
    refresh();
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : f.apply(t);
      }

      @Override
      public T fromString(String s) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private PicturePanel panel(String id, Picture picture, String explanation,
      BiFunction<Double, Double, Optional<String>> hover) {
    PictureCanvas canvas = new PictureCanvas(picture, themes);
    PicturePanel p = new PicturePanel(id, canvas, I18n.text(explanation), hover,
        () -> export(canvas), () -> ExportDialog.copy(canvas.picture(), themes.renderTheme(),
            canvas.getWidth(), canvas.getHeight()));
    p.setOnMouseEntered(e -> pointed = p);
    p.setOnMouseClicked(e -> {
      if (e.getClickCount() == 2) {
        focusPicture(focusedPanel == p ? -1 : panels.indexOf(p));
      }
    });
    return p;
  }

  /** Ctrl+E: the picture in focus, or the last one the pointer was over (the heatmap first). */
  public void exportFocusedPicture() {
    PicturePanel p = focusedPanel != null ? focusedPanel : pointed != null ? pointed
        : panels.get(0);
    export(p.canvas());
  }

  private void export(PictureCanvas canvas) {
    if (model.run() != null) {
      ExportDialog.show(getScene().getWindow(), canvas.picture(), themes.renderTheme(),
          canvas.getWidth(), canvas.getHeight());
    }
  }

  // --------------------------------------------------------------------------- state → view

  /** Everything shown follows the model: titles, slider, layer choices, alerts, pictures. */
  private void refresh() {
    RecordedRun run = model.run();
    updating = true;
    try {
      if (run == null) {
        centre.getChildren().setAll(empty);
        title.setText(I18n.text("run.none.title"));
        facts.setText("");
        return;
      }
      if (centre.getChildren().contains(empty)) {
        centre.getChildren().setAll(focusedPanel == null ? grid : focusedPanel);
      }
      Path file = model.fileProperty().get();
      title.setText(file == null ? "" : file.getFileName().toString());
      facts.setText(facts(run));
      slider.setMax(Math.max(0, run.size() - 1));
      slider.setValue(model.index());
      slider.setDisable(run.size() < 2);
      RecordedStep r = run.isEmpty() ? null : run.record(model.index());
      stepLabel.setText(r == null ? "" : I18n.text("run.record", r.step(), model.index() + 1,
          run.size()));
      int layers = run.layers().size();
      if (activationLayer.getItems().size() != layers) {
        List<Integer> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
          all.add(l);
        }
        activationLayer.getItems().setAll(all);
      }
      activationLayer.setValue(model.activationLayer());
      updateLayerScroll();
      List<RunAlerts.Span> alerts = model.alerts();
      if (!alertList.getItems().equals(alerts)) {
        alertList.getItems().setAll(alerts);
      }
      alertTitle.setText(alerts.isEmpty() ? I18n.text("run.alerts.none")
          : I18n.text("run.alerts", alerts.size()));
    } finally {
      updating = false;
    }
    for (PicturePanel p : panels) {
      p.canvas().invalidate();
      p.refreshReadout();
    }
  }

  /** "PyTorch probe · 12 layers · torch 1.13.1 · every 10". */
  private static String facts(RecordedRun run) {
    List<String> parts = new ArrayList<>();
    parts.add(I18n.text("run.source." + run.source().name()));
    parts.add(I18n.text("run.layers", run.layers().size()));
    run.meta().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .limit(6).forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
    return String.join(" · ", parts);
  }

  /** The scroll bar beside the heatmap, shown when not every layer fits. */
  private void updateLayerScroll() {
    RecordedRun run = model.run();
    PicturePanel heat = panels.get(0);
    int fit = RunDrawings.rowsFitting(Math.max(1, heat.canvas().getHeight()),
        themes.renderTheme());
    int layers = run.layers().size();
    boolean scrolls = layers > fit && heat.canvas().getHeight() > 0;
    layerScroll.setVisible(scrolls);
    layerScroll.setManaged(scrolls);
    layerScroll.setMin(0);
    layerScroll.setMax(Math.max(0, layers - fit));
    layerScroll.setVisibleAmount(fit);
    layerScroll.setValue(Math.min(model.firstLayer(), Math.max(0, layers - fit)));
  }

  private void scrollLayers(int by) {
    RecordedRun run = model.run();
    if (run == null) {
      return;
    }
    int fit = RunDrawings.rowsFitting(panels.get(0).canvas().getHeight(), themes.renderTheme());
    int max = Math.max(0, run.layers().size() - fit);
    model.firstLayerProperty().set(Math.max(0, Math.min(max, model.firstLayer() + by)));
  }

  private void revealLayer(int layer) {
    int fit = RunDrawings.rowsFitting(panels.get(0).canvas().getHeight(), themes.renderTheme());
    if (layer < model.firstLayer() || layer >= model.firstLayer() + fit) {
      model.firstLayerProperty().set(Math.max(0, layer - fit / 2));
    }
  }

  // ------------------------------------------------------------------------------- hovering

  /** The layer (0-based) and cell of the heatmap under (x, y), or null. */
  private int[] heatmapCell(double x, double y) {
    RecordedRun run = model.run();
    if (run == null || run.isEmpty()) {
      return null;
    }
    PictureCanvas c = panels.get(0).canvas();
    Theme t = themes.renderTheme();
    GradientHeatmapModel m = drawings.heatmapModel(t, c.getWidth(), c.getHeight());
    GradientHeatmapRenderer.Layout l = drawings.heatmapRenderer().layout(c.getWidth(),
        c.getHeight(), m, t);
    Rectangle2D cells = l.cells();
    if (!cells.contains(x, y)) {
      return null;
    }
    int row = (int) ((y - cells.getY()) / l.rowHeight());
    int cell = (int) ((x - cells.getX()) / l.cellWidth());
    if (row >= m.rows().size() || cell >= m.rows().get(row).width()) {
      return null;
    }
    int first = Math.max(0, Math.min(model.firstLayer(), run.layers().size() - 1));
    return new int[] {first + row, cell};
  }

  private Optional<String> heatmapHover(double x, double y) {
    int[] at = heatmapCell(x, y);
    if (at == null) {
      return Optional.empty();
    }
    RecordedRun run = model.run();
    RecordedLayer layer = run.layers().get(at[0]);
    LayerRecord lr = run.record(model.index()).layer(at[0]);
    String name = RunModels.layerLabel(layer, themes.renderTheme());
    if (lr == null) {
      return Optional.of(I18n.text("run.hover.none", name));
    }
    if (!lr.hasUnits()) {
      return Optional.of(I18n.text("run.hover.layer", name, num(RunAlerts.magnitude(lr))));
    }
    PictureCanvas c = panels.get(0).canvas();
    RunModels.Binning bins = RunModels.Binning.of(lr.units(), RunDrawings.cellsFitting(
        c.getWidth()));
    if (!bins.binned()) {
      int j = at[1];
      return Optional.of(I18n.text("run.hover.unit", name, j + 1, num(lr.neuronGrad(j)),
          lr.isDead(j) ? I18n.text("run.hover.dead") : ""));
    }
    int from = bins.from(at[1]);
    int to = bins.to(at[1]);
    double[] s = RunModels.cellStats(lr, from, to);
    int dead = 0;
    for (int j = from; j < to; j++) {
      dead += lr.isDead(j) ? 1 : 0;
    }
    return Optional.of(I18n.text("run.hover.bin", name, from + 1, to, lr.units(), num(s[1]),
        num(s[0]), num(s[2]), dead));
  }

  private Optional<String> historyHover(double x, double y) {
    RecordedRun run = model.run();
    if (run == null || run.isEmpty()) {
      return Optional.empty();
    }
    PictureCanvas c = panels.get(1).canvas();
    GradientHistoryModel m = drawings.historyModel(themes.renderTheme());
    if (m.columns() == 0) {
      return Optional.empty();
    }
    PlotFrame heat = drawings.historyRenderer().heatmapFrame(c.getWidth(), c.getHeight(), m);
    Rectangle2D a = heat.area();
    if (x < a.getMinX() || x > a.getMaxX()) {
      return Optional.empty();
    }
    int column = GradientHistoryRenderer.columnAt(m.steps(), heat.toDataX(x));
    if (a.contains(x, y)) {
      int layer = Math.min(m.layers() - 1, (int) ((y - a.getMinY()) / (a.getHeight()
          / m.layers())));
      return Optional.of(I18n.text("run.hover.history", RunModels.displayName(
          run.layers().get(layer)), m.steps()[column], m.metric(), num(m.values()[layer][column])));
    }
    return Optional.empty();
  }

  private Optional<String> lossHover(double x, double y) {
    RecordedRun run = model.run();
    if (run == null || run.isEmpty()) {
      return Optional.empty();
    }
    PictureCanvas c = panels.get(2).canvas();
    LossChartModel m = drawings.lossModel(themes.renderTheme());
    PlotFrame f = drawings.lossRenderer().frame(c.getWidth(), c.getHeight(), m);
    if (!f.area().contains(x, y) || m.steps().length == 0) {
      return Optional.empty();
    }
    int i = GradientHistoryRenderer.columnAt(m.steps(), f.toDataX(x));
    return Optional.of(I18n.text("run.hover.loss", m.steps()[i], num(m.trainLoss()[i])));
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "—" : NiceTicks.significant(v, 3);
  }

  /** A click on a heatmap row shows that layer's activations. */
  private void pickLayer(double x, double y) {
    int[] at = heatmapCell(x, y);
    if (at != null) {
      model.activationLayerProperty().set(at[0]);
    }
  }

  // ------------------------------------------------------------------------------- actions

  /** Asks for a run file and opens it. */
  public void chooseAndOpen() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.text("run.open.title"));
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter(I18n.text("run.filter"), "*.jsonl", "*.json", "*.csv",
            "events.out.tfevents*"),
        new FileChooser.ExtensionFilter(I18n.text("run.filter.all"), "*"));
    File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
    if (chosen != null) {
      open(chosen.toPath());
    }
  }

  /** Opens a run file; a file that cannot be read is explained and changes nothing. */
  public void open(Path path) {
    model.open(path, message -> {
      Alert alert = new Alert(Alert.AlertType.ERROR);
      alert.setTitle("Activation Lab");
      alert.setHeaderText(I18n.text("run.open.failed"));
      Label body = new Label(message);
      body.setWrapText(true);
      body.setPrefWidth(620);
      alert.getDialogPane().setContent(body);
      alert.getDialogPane().setId("run-open-failed");
      if (getScene() != null && getScene().getWindow() != null) {
        alert.initOwner(getScene().getWindow());
      }
      lastAlert = alert;
      alert.show();
    });
  }

  private Alert lastAlert;

  /** The error shown last (for tests), or null. */
  public Alert lastAlert() {
    return lastAlert;
  }

  private void onKey(KeyEvent e) {
    if (!FxNodes.isShowing(this) || e.isShortcutDown() || e.isAltDown()
        || (getScene() != null && getScene().getFocusOwner() instanceof TextInputControl)
        || model.run() == null) {
      return;
    }
    KeyCode code = e.getCode();
    int digit = code.isDigitKey() ? code.getChar().charAt(0) - '1' : -1;
    if (code == KeyCode.RIGHT || code == KeyCode.LEFT) {
      model.showRecord(model.index() + (code == KeyCode.RIGHT ? 1 : -1));
    } else if (code == KeyCode.HOME) {
      model.showRecord(0);
    } else if (code == KeyCode.END) {
      model.showRecord(Integer.MAX_VALUE);
    } else if (digit >= 0 && digit < panels.size()) {
      focusPicture(digit);
    } else if (focusedPanel != null && code == KeyCode.ESCAPE) {
      focusPicture(-1);
    } else {
      return;
    }
    e.consume();
  }

  /** Picture {@code index} (0–3) fills the view; −1 shows all four. */
  public void focusPicture(int index) {
    if (focusedPanel != null) {
      centre.getChildren().clear();
      Region holder = focusedPanel == panels.get(0) ? (Region) grid.getChildren().get(0) : null;
      if (holder instanceof HBox box) {
        box.getChildren().add(0, focusedPanel);
      } else {
        int i = panels.indexOf(focusedPanel);
        grid.add(focusedPanel, i % 2, i / 2);
      }
      focusedPanel = null;
    }
    if (index >= 0) {
      focusedPanel = panels.get(index);
      if (index == 0) {
        ((HBox) focusedPanel.getParent()).getChildren().remove(focusedPanel);
      } else {
        grid.getChildren().remove(focusedPanel);
      }
    }
    centre.getChildren().setAll(model.run() == null ? empty
        : focusedPanel == null ? grid : focusedPanel);
    refresh();
  }

  /** The picture panels (heatmap, history, loss, activations), for tests. */
  public List<PicturePanel> panels() {
    return List.copyOf(panels);
  }

  /** The picture in focus mode (0–3), or −1. */
  public int focusedPicture() {
    return focusedPanel == null ? -1 : panels.indexOf(focusedPanel);
  }

  public RunViewerModel model() {
    return model;
  }

  /** Unused: the locale of the view is the window's (kept for symmetry with other views). */
  static Locale locale() {
    return I18n.locale();
  }
}
