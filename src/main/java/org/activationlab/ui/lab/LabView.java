package org.activationlab.ui.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.activationlab.export.RunLog;
import org.activationlab.export.TrainingStatsWriter;
import org.activationlab.render.HistoryMetric;
import org.activationlab.render.LabModels;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
import org.activationlab.training.Comparison;
import org.activationlab.training.Presets;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.ExportDialog;
import org.activationlab.ui.DisplayNames;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.PicturePanel;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.ViewListeners;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.StatusBar;

/**
 * The Lab: a network training live. Controls on the left; the network diagram, decision
 * boundary, per-layer gradient heatmap, loss, gradient history and activation distribution in
 * the middle; a lesson's notes on the right; step, speed, loss and dead units in the status bar;
 * a banner when training diverged.
 *
 * <p>Threading: the FX thread only draws. An animation timer looks at the trainer's newest
 * snapshot every pulse and redraws the pictures when it is a new one (the trainer publishes at
 * most every 16 ms), so no {@code Platform.runLater} per step and no drawing when nothing changed.
 * Keyboard (while the Lab is shown and no text field has the focus): Space play/pause, S step,
 * R reset, N the lesson notes.
 */
public final class LabView extends BorderPane {

  private final LabModel model;
  private final ViewListeners listeners = new ViewListeners();
  private final ThemeManager themes;
  private final LabPictures pictures;
  private final LabControls controls;
  private final StatusBar status = new StatusBar();
  private final TimelineBar timeline;
  private final Label bannerText = new Label();
  /** What run B changes, over the pictures while two runs are compared. */
  private final Label compareHeader = new Label();
  private final HBox banner;
  private final List<PicturePanel> panels;
  private final GridPane grid = new GridPane();
  private final VBox centre = new VBox(4);
  /** The picture filling the Lab (focus mode), or null when all six are shown. */
  private PicturePanel focusedPanel;
  private final PicturePanel heatmap;
  private final PicturePanel network;
  private final PicturePanel history;
  private final PicturePanel loss;
  private final PicturePanel boundary;
  private final PicturePanel activations;
  private final ChoiceBox<Integer> activationLayer = new ChoiceBox<>();
  private final LessonNotesPane notes;
  private boolean fullScreen;
  /**
   * The keys' filter, one instance: removed by identity when the Lab leaves its scene (full
   * screen moves it), else a second filter would run every key twice (Space, N toggled back).
   */
  private final EventHandler<KeyEvent> keys = this::onKey;
  private final FrameMeter frames = new FrameMeter();
  private LabPicture focused;
  private final RunLog runLog = new RunLog();
  private final Label notice = new Label();
  private GifRecording recording;
  private long shownSequence = -1;
  private long lastFrame;
  /** While training, the pictures are redrawn at most this often per second. */
  static final int MAX_FPS = 30;
  private static final long MIN_FRAME_NANOS = 1_000_000_000L / MAX_FPS;
  private final AnimationTimer timer = new AnimationTimer() {
    @Override
    public void handle(long now) {
      frame();
      showRecording();
    }
  };

  public LabView(LabModel model, ThemeManager themes) {
    this.model = model;
    this.themes = themes;
    setId("lab");
    pictures = new LabPictures(model);
    controls = new LabControls(model, this::recordOrStop, this::saveStatistics);
    // step through one sample's pass (key E), after the preset and play/step/reset
    controls.getChildren().add(2, StepThroughWindow.button(this::openStepThrough));

    network = panel("lab-network", LabPicture.NETWORK, "lab.network.help", pictures::networkAt);
    boundary = panel("lab-boundary", LabPicture.BOUNDARY, "lab.boundary.help",
        pictures::boundaryAt);
    heatmap = panel("lab-heatmap", LabPicture.HEATMAP, "lab.heatmap.help", pictures::heatmapAt);
    loss = panel("lab-loss", LabPicture.LOSS, "lab.loss.help", pictures::lossAt);
    history = panel("lab-history", LabPicture.HISTORY, "lab.history.help", pictures::historyAt);
    activations = panel("lab-activations", LabPicture.ACTIVATIONS, "lab.activations.help",
        pictures::activationsAt);
    panels = List.of(network, boundary, heatmap, loss, history, activations);
    focused = LabPicture.HEATMAP;
    notice.setId("lab-notice");
    notice.getStyleClass().add("recording-status");
    status.getRightItems().add(notice);
    addViewOptions();

    grid.setId("lab-pictures");
    grid.setHgap(4);
    grid.setVgap(4);
    grid.getColumnConstraints().addAll(column(58), column(42));
    grid.getRowConstraints().addAll(row(34), row(33), row(33));
    grid.add(network, 0, 0);
    grid.add(boundary, 1, 0);
    grid.add(heatmap, 0, 1);
    grid.add(loss, 1, 1);
    grid.add(history, 0, 2);
    grid.add(activations, 1, 2);
    VBox.setVgrow(grid, Priority.ALWAYS);

    Button resetFromBanner = new Button(I18n.text("lab.reset"));
    resetFromBanner.setId("lab-banner-reset");
    resetFromBanner.setMinWidth(Button.USE_PREF_SIZE);
    resetFromBanner.setOnAction(e -> model.reset());
    bannerText.setMinHeight(Label.USE_PREF_SIZE);
    bannerText.setWrapText(true);
    bannerText.setId("lab-banner-text");
    HBox.setHgrow(bannerText, Priority.ALWAYS);
    bannerText.setMaxWidth(Double.MAX_VALUE);
    banner = new HBox(10, bannerText, resetFromBanner);
    banner.setId("lab-banner");
    banner.getStyleClass().add("lab-banner");
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.setPadding(new Insets(8, 12, 8, 12));
    showBanner(null);
    compareHeader.setId("lab-compare-header");
    compareHeader.getStyleClass().add("compare-header");
    compareHeader.setWrapText(true);
    compareHeader.setMinHeight(Label.USE_PREF_SIZE);
    showCompareHeader(null);
    centre.getChildren().setAll(banner, compareHeader, grid);
    centre.setPadding(new Insets(4));
    for (PicturePanel p : panels) {
      // a handler beside the heatmap's own click (a row shows that layer's activations)
      p.canvas().canvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
        if (e.getClickCount() == 2) {
          focusPicture(focusedPanel == p ? -1 : panels.indexOf(p));
        }
      });
    }
    boundary.canvas().canvas().addEventHandler(MouseEvent.MOUSE_CLICKED, this::pickSample);
    boundary.canvas().canvas().addEventHandler(MouseEvent.MOUSE_PRESSED, this::editData);
    boundary.canvas().canvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::editData);

    ScrollPane side = new ScrollPane(controls);
    side.setFitToWidth(true);
    side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    side.getStyleClass().add("lab-sidebar"); // widths in em: they grow in presentation mode

    status.setId("lab-status");
    status.setText("");
    side.visibleProperty().bind(themes.controlsShownProperty());
    side.managedProperty().bind(themes.controlsShownProperty());
    setLeft(side);
    setCenter(centre);
    notes = new LessonNotesPane(model, themes);
    setRight(notes);
    timeline = new TimelineBar(model);
    setBottom(new VBox(timeline, status));

    sceneProperty().addListener((o, was, now) -> {
      if (was != null) {
        was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
      }
      if (now != null) {
        now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        timer.start();
      } else {
        timer.stop();
      }
    });
    frame();
  }

  // --------------------------------------------------------------------------- the frame

  /** One pulse: if the trainer published since the last frame, show the new snapshot. */
  void frame() {
    TrainingSnapshot s = model.latest();
    if (s.status().sequence() == shownSequence) {
      return;
    }
    long now = System.nanoTime();
    if (s.status().playing() && now - lastFrame < MIN_FRAME_NANOS) {
      return; // while training: at most MAX_FPS pictures a second (the eye needs no more)
    }
    lastFrame = now;
    frames.start();
    shownSequence = s.status().sequence();
    pictures.show(s);
    timeline.show(s);
    boolean past = s.step() < s.status().liveStep();
    if (!past) { // a look back in time is not a new record of the run
      runLog.add(s);
    }
    if (recording != null && !past) {
      recording.offer(s, pictures.frame(recording.plan().picture(), s));
    }
    updateLayerChoice();
    for (PicturePanel p : panels) {
      p.canvas().redraw();
      p.refreshReadout();
    }
    controls.showPlaying(s.status().playing());
    status.setText(statusText(s));
    showBanner(bannerFor(s));
    showCompareHeader(s);
    frames.stop();
  }

  /** Shows or hides the status bar (hidden in full screen). */
  public void setStatusShown(boolean shown) {
    status.setVisible(shown);
    status.setManaged(shown);
  }

  /** Full screen: no status bar, and the lesson notes closed unless opened there (key N). */
  public void setFullScreen(boolean full) {
    fullScreen = full;
    setStatusShown(!full);
    notes.setFullView(fullScreen || focusedPanel != null);
  }

  /** Opens or closes the lesson notes (key N, View ▸ Lesson notes); nothing without notes. */
  public void toggleNotes() {
    notes.toggle();
  }

  /** Whether a lesson with notes was opened. */
  public boolean hasNotes() {
    return notes.hasNotes();
  }

  /** Whether the lesson notes are open beside the pictures. */
  public boolean notesShown() {
    return notes.isShown();
  }

  /** The FX-thread work of the frames drawn so far. */
  public FrameMeter frames() {
    return frames;
  }

  /** The snapshot on screen. */
  public TrainingSnapshot shown() {
    return pictures.snapshot();
  }

  private static String statusText(TrainingSnapshot s) {
    String accuracy = Double.isFinite(s.scores().accuracy())
        ? I18n.text("lab.status.accuracy", LabPictures.percent(s.scores().accuracy())) : "";
    String rate = s.status().playing()
        ? I18n.text("lab.status.rate", Math.round(s.status().stepsPerSecond()))
        : s.step() == s.scenario().steps() ? I18n.text("lab.status.stoppedAsDesigned")
        : I18n.text("lab.status.paused");
    String text = I18n.text("lab.status", s.step(), s.epoch(), rate,
        LabPictures.num(s.scores().trainLoss()), LabPictures.num(s.scores().testLoss()), accuracy,
        LabPictures.percent(s.deadFraction()));
    if (!s.comparing()) {
      return text;
    }
    TrainingSnapshot b = s.compared();
    String accuracyB = Double.isFinite(b.scores().accuracy())
        ? I18n.text("lab.status.accuracy", LabPictures.percent(b.scores().accuracy())) : "";
    return text + "   " + I18n.text("lab.compare.statusB", LabPictures.num(b.scores().trainLoss()),
        accuracyB);
  }

  /** "B differs from A in: activation sigmoid → relu, …" while comparing; hidden otherwise. */
  private void showCompareHeader(TrainingSnapshot s) {
    boolean on = s != null && s.comparing();
    compareHeader.setVisible(on);
    compareHeader.setManaged(on);
    if (!on) {
      return;
    }
    List<Comparison.Change> changes =
        Comparison.between(s.scenario(), s.compared().scenario());
    compareHeader.setText(changes.isEmpty() ? I18n.text("lab.compare.same")
        : I18n.text("lab.compare.header", String.join(I18n.text("lab.compare.separator"),
            changes.stream().map(LabView::changeText).toList())));
  }

  /** "Activation: sigmoid → relu", the setting named as its field is. */
  static String changeText(Comparison.Change c) {
    String label = c.key().equals("activations") ? I18n.text("lab.setting.activation")
        : I18n.text("lab.setting." + c.key());
    return I18n.text("lab.compare.change", label.startsWith("[") ? c.key() : label,
        c.from().isEmpty() ? "—" : c.from(), c.to().isEmpty() ? "—" : c.to());
  }

  /** The banner: a run that diverged (each of two compared runs named), or an error. */
  static String bannerFor(TrainingSnapshot s) {
    List<String> lines = new java.util.ArrayList<>();
    if (s.diverged()) {
      lines.add((s.comparing() ? "A · " : "") + divergedText(s));
    }
    if (s.comparing() && s.compared().diverged()) {
      lines.add("B · " + divergedText(s.compared()));
    }
    if (s.status().error() != null) {
      lines.add(I18n.text("lab.error", s.status().error()));
    }
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  private static String divergedText(TrainingSnapshot s) {
    return I18n.text("lab.diverged", s.divergedAtStep(),
        Presets.text(s.divergence().reason().key(), I18n.locale()),
        Presets.text(s.hintKey(), I18n.locale()));
  }

  private void showBanner(String text) {
    boolean show = text != null;
    bannerText.setText(show ? text : "");
    banner.setVisible(show);
    banner.setManaged(show);
  }

  // -------------------------------------------------------------------------- the pictures

  private PicturePanel panel(String id, LabPicture kind, String helpKey, Hover hover) {
    PictureCanvas canvas = new PictureCanvas(kind.of(pictures.screen()), themes);
    PicturePanel panel = new PicturePanel(id, canvas, I18n.text(helpKey),
        (x, y) -> hover.at(x, y, canvas.canvas().getWidth(), canvas.canvas().getHeight(),
            themes.renderTheme()),
        () -> export(kind.of(pictures.forExport()), canvas),
        () -> ExportDialog.copy(kind.of(pictures.forExport()), themes.renderTheme(),
            canvas.getWidth(), canvas.getHeight()));
    canvas.setOnMouseEntered(e -> focused = kind);
    return panel;
  }

  /** A readout at a canvas position, for a picture of a given size and theme. */
  @FunctionalInterface
  private interface Hover {
    Optional<String> at(double x, double y, double width, double height, Theme theme);
  }

  private void addViewOptions() {
    ToggleButton meanDelta = new ToggleButton(HistoryMetric.MEAN_ABS_DELTA.label(I18n.locale()));
    ToggleButton weightRms = new ToggleButton(HistoryMetric.WEIGHT_RMS.label(I18n.locale()));
    meanDelta.setId("history-mean-delta");
    weightRms.setId("history-weight-rms");
    SegmentedButton metric = new SegmentedButton(meanDelta, weightRms);
    metric.getStyleClass().add("small-segmented");
    meanDelta.setTooltip(new Tooltip(I18n.text("lab.history.meanDelta.tooltip")));
    weightRms.setTooltip(new Tooltip(I18n.text("lab.history.weightRms.tooltip")));
    Runnable showMetric = () -> (model.historyMetricProperty().get() == HistoryMetric.WEIGHT_RMS
        ? weightRms : meanDelta).setSelected(true);
    showMetric.run();
    metric.getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
      if (now == null) {
        was.setSelected(true); // one of the two is always chosen
        return;
      }
      model.historyMetricProperty().set(now == weightRms ? HistoryMetric.WEIGHT_RMS
          : HistoryMetric.MEAN_ABS_DELTA);
    });
    listeners.on(model.historyMetricProperty(), () -> {
      showMetric.run();
      history.canvas().redraw();
    });
    history.addTool(metric);

    ToggleButton log = new ToggleButton(I18n.text("lab.loss.log"));
    log.setId("loss-log");
    log.getStyleClass().add("small-button");
    log.setTooltip(new Tooltip(I18n.text("lab.loss.log.tooltip")));
    log.selectedProperty().bindBidirectional(model.logLossProperty());
    listeners.on(model.logLossProperty(), () -> loss.canvas().redraw());
    loss.addTool(log);

    ToggleButton lock = new ToggleButton(I18n.text("lab.heatmap.lock"));
    lock.setId("heatmap-lock");
    lock.getStyleClass().add("small-button");
    lock.setTooltip(new Tooltip(I18n.text("lab.heatmap.lock.tooltip")));
    lock.setSelected(model.gradientLock().isPresent());
    lock.selectedProperty().addListener((o, was, now) -> model.gradientLockProperty().set(
        now ? Optional.of(LabModels.gradientRange(pictures.snapshot())) : Optional.empty()));
    listeners.on(model.gradientLockProperty(), () -> {
      lock.setSelected(model.gradientLock().isPresent());
      heatmap.canvas().redraw();
      network.canvas().redraw();
    });
    heatmap.addTool(lock);

    activationLayer.setId("activations-layer");
    activationLayer.setTooltip(new Tooltip(I18n.text("lab.activations.layer.tooltip")));
    activationLayer.setConverter(
        DisplayNames.of((Integer l) -> I18n.text("lab.activationTarget.layer", l + 1)));
    activationLayer.setOnAction(e -> {
      Integer l = activationLayer.getValue();
      if (l != null && l != pictures.activationLayer()) {
        pictures.setActivationLayer(l);
        activations.canvas().redraw();
        activations.refreshReadout();
      }
    });
    activations.addTool(activationLayer);
    // clicking a heatmap row shows that layer's activations
    heatmap.canvas().canvas().setOnMouseClicked(e -> {
      Optional<Integer> row = pictures.heatmapRowAt(e.getX(), e.getY(),
          heatmap.canvas().canvas().getWidth(), heatmap.canvas().canvas().getHeight(),
          themes.renderTheme());
      row.filter(r -> r < pictures.hiddenLayers()).ifPresent(activationLayer::setValue);
    });
  }

  private void updateLayerChoice() {
    int n = pictures.hiddenLayers();
    if (activationLayer.getItems().size() != n) {
      activationLayer.getItems().setAll(java.util.stream.IntStream.range(0, n).boxed().toList());
    }
    activationLayer.setValue(pictures.activationLayer());
  }

  private static ColumnConstraints column(double percent) {
    ColumnConstraints c = new ColumnConstraints();
    c.setPercentWidth(percent);
    c.setHgrow(Priority.ALWAYS);
    return c;
  }

  private static RowConstraints row(double percent) {
    RowConstraints r = new RowConstraints();
    r.setPercentHeight(percent);
    r.setVgrow(Priority.ALWAYS);
    return r;
  }

  // ------------------------------------------------------------------------ export, keys

  /** Opens the export dialog for the picture under the pointer last (the heatmap by default). */
  public void exportFocusedPicture() {
    export(focused.of(pictures.forExport()), panels.get(focused.ordinal()).canvas());
  }

  // ------------------------------------------------------------- recording, statistics

  /** Starts a GIF recording (asking what and where), or stops the one running. */
  private void recordOrStop() {
    if (recording != null && recording.state() == GifRecording.State.RECORDING) {
      recording.stop();
      return;
    }
    Optional<GifRecording.Plan> plan = RecordDialog.ask(window(), focused);
    if (plan.isEmpty()) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.text("record.title"));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GIF", "*.gif"));
    chooser.setInitialFileName(plan.get().picture().name().toLowerCase(Locale.ROOT) + ".gif");
    File file = chooser.showSaveDialog(window());
    if (file != null) {
      startRecording(plan.get().withFile(withExtension(file.toPath(), ".gif")));
    }
  }

  /** Records {@code plan} from the next snapshot on; plays if paused. */
  boolean startRecording(GifRecording.Plan plan) {
    try {
      recording = new GifRecording(plan, themes.renderTheme());
    } catch (IOException | RuntimeException e) {
      alert(Alert.AlertType.ERROR, I18n.text("record.failed", plan.file(), e.getMessage()));
      return false;
    }
    shownSequence = -1; // the current snapshot is the first frame
    if (!model.latest().status().playing()) {
      model.play();
    }
    showRecording();
    return true;
  }

  GifRecording recording() {
    return recording;
  }

  /** Shows the recording's progress beside the status; reports the end once. */
  private void showRecording() {
    if (recording == null) {
      return;
    }
    GifRecording.Plan plan = recording.plan();
    GifRecording.State state = recording.state();
    controls.showRecording(state == GifRecording.State.RECORDING);
    switch (state) {
      case RECORDING -> notice.setText(I18n.text("record.progress",
          recording.captured(), plan.frames()));
      case WRITING -> notice.setText(I18n.text("record.writing", recording.written(),
          recording.captured()));
      case DONE -> notice.setText(I18n.text("record.done", plan.file().getFileName(),
          recording.written()));
      case FAILED -> notice.setText(I18n.text("record.failed", plan.file().getFileName(),
          recording.failure()));
      case CANCELLED -> notice.setText(I18n.text("record.cancelled"));
      default -> { }
    }
    if (state != GifRecording.State.RECORDING && state != GifRecording.State.WRITING) {
      recording = null; // finished: the label keeps the outcome
    }
  }

  /** Saves the statistics of the run so far (the format of {@code train --stats}). */
  private void saveStatistics() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.text("stats.title"));
    chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
        new FileChooser.ExtensionFilter("CSV", "*.csv"));
    chooser.setInitialFileName("training-stats.json");
    File file = chooser.showSaveDialog(window());
    if (file != null) {
      Path p = file.getName().toLowerCase(Locale.ROOT).matches(".*\\.(json|csv)") ? file.toPath()
          : withExtension(file.toPath(), ".json");
      saveStatistics(p);
    }
  }

  /** Writes the run's statistics to {@code out}; a failure is explained, no partial file. */
  boolean saveStatistics(Path out) {
    TrainingStatsWriter.Run run = runLog.run();
    try {
      if (run == null) {
        throw new IOException(I18n.text("stats.empty"));
      }
      TrainingStatsWriter.write(out, run);
      notice.setText(I18n.text("stats.saved", out.getFileName(), run.records().size()));
      return true;
    } catch (IOException | RuntimeException e) {
      alert(Alert.AlertType.ERROR, I18n.text("stats.failed", out, e.getMessage()));
      return false;
    }
  }

  private static Path withExtension(Path p, String extension) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension) ? p
        : p.resolveSibling(p.getFileName() + extension);
  }

  private javafx.stage.Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  private void alert(Alert.AlertType type, String text) {
    Alert a = new Alert(type, text);
    if (window() != null) {
      a.initOwner(window());
    }
    a.show();
  }

  private void export(Picture picture, PictureCanvas canvas) {
    ExportDialog.show(getScene().getWindow(), picture, themes.renderTheme(), canvas.getWidth(),
        canvas.getHeight());
  }

  private void onKey(KeyEvent e) {
    if (!isShowing() || e.isShortcutDown() || e.isAltDown()
        || getScene().getFocusOwner() instanceof TextInputControl) {
      return;
    }
    KeyCode code = e.getCode();
    int digit = code.isDigitKey() ? code.getChar().charAt(0) - '1'
        : code.isKeypadKey() && code.getName().startsWith("Numpad ")
            ? code.getName().charAt(7) - '1' : -1;
    if (code == KeyCode.SPACE) {
      model.togglePlay();
    } else if (code == KeyCode.S) {
      model.step();
    } else if (code == KeyCode.R) {
      model.reset();
    } else if (code == KeyCode.N) {
      notes.toggle();
    } else if (code == KeyCode.E) {
      openStepThrough();
    } else if (digit >= 0 && digit < panels.size()) {
      focusPicture(digit);
    } else if (focusedPanel != null && (code == KeyCode.RIGHT || code == KeyCode.LEFT)) {
      int n = panels.size();
      focusPicture((panels.indexOf(focusedPanel) + (code == KeyCode.RIGHT ? 1 : n - 1)) % n);
    } else if (focusedPanel != null && code == KeyCode.ESCAPE) {
      focusPicture(-1);
    } else {
      return;
    }
    e.consume();
  }

  /**
   * A click on a data point of the boundary picture traces that sample: in the step-through
   * window when it is open, and Shift+click opens it.
   */
  private void pickSample(MouseEvent e) {
    if (controls.dataEdit().editing()) {
      return; // a click edits the data instead
    }
    StepThroughWindow open = StepThroughWindow.current();
    boolean shown = open != null && open.stage().isShowing();
    if (e.getClickCount() != 1 || !(shown || e.isShiftDown())) {
      return;
    }
    javafx.scene.canvas.Canvas c = boundary.canvas().canvas();
    Theme theme = themes.renderTheme();
    pictures.sampleAt(e.getX(), e.getY(), c.getWidth(), c.getHeight(), theme,
        Math.max(8, theme.fontSize() * 0.8)).ifPresent(pick -> {
          openStepThrough().pick(pick.split(), pick.index());
        });
  }

  /** While the data is edited: a press adds or removes a point, a drag sprays points. */
  private void editData(MouseEvent e) {
    DataEditBar bar = controls.dataEdit();
    if (!bar.editing()) {
      return;
    }
    javafx.scene.canvas.Canvas c = boundary.canvas().canvas();
    Theme theme = themes.renderTheme();
    pictures.boundaryDataAt(e.getX(), e.getY(), c.getWidth(), c.getHeight(), theme)
        .ifPresent(p -> {
          double reach = Math.max(8, theme.fontSize() * 0.8);
          if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            bar.press(p[0], p[1], p[2] * reach, p[3] * reach,
                e.getButton() == javafx.scene.input.MouseButton.PRIMARY);
          } else if (e.isPrimaryButtonDown()) {
            bar.drag(p[0], p[1], p[2], p[3]);
          }
        });
    e.consume();
  }

  /** Opens the step-through window on the snapshot shown (key E). */
  StepThroughWindow openStepThrough() {
    return StepThroughWindow.show(window(), model, themes);
  }

  /**
   * Focus mode: picture {@code index} (0–5, in {@link LabPicture} order) fills the Lab; −1 shows
   * all six again. Training, hovering and exporting go on as before.
   */
  void focusPicture(int index) {
    if (focusedPanel != null) {
      centre.getChildren().remove(focusedPanel);
      grid.getChildren().add(focusedPanel); // its row and column stay set on it
      focusedPanel = null;
    }
    if (index >= 0) {
      focusedPanel = panels.get(index);
      grid.getChildren().remove(focusedPanel);
      VBox.setVgrow(focusedPanel, Priority.ALWAYS);
      focused = LabPicture.values()[index];
      centre.getChildren().setAll(banner, compareHeader, focusedPanel);
    } else {
      centre.getChildren().setAll(banner, compareHeader, grid);
    }
    notes.setFullView(fullScreen || focusedPanel != null);
    for (PicturePanel p : panels) {
      p.canvas().redraw();
    }
  }

  /** The name of the picture in focus mode (e.g. {@code HEATMAP}), or null: for tests. */
  public String focusedPictureName() {
    LabPicture p = focusedPicture();
    return p == null ? null : p.name();
  }

  /** The picture in focus mode, or null when all six are shown. */
  LabPicture focusedPicture() {
    return focusedPanel == null ? null : LabPicture.values()[panels.indexOf(focusedPanel)];
  }

  /** Whether the Lab is on screen (its tab selected): it and every parent visible. */
  boolean isShowing() {
    return org.activationlab.ui.FxNodes.isShowing(this);
  }

  TimelineBar timeline() {
    return timeline;
  }

  LabPictures pictures() {
    return pictures;
  }

  LabControls controls() {
    return controls;
  }

  PicturePanel boundaryPanel() {
    return boundary;
  }

  PicturePanel heatmapPanel() {
    return heatmap;
  }

  Label bannerLabel() {
    return bannerText;
  }

  boolean bannerShown() {
    return banner.isVisible();
  }

  StatusBar statusBar() {
    return status;
  }

  LessonNotesPane notesPane() {
    return notes;
  }
}
