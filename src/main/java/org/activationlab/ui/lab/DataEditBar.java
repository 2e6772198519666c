package org.activationlab.ui.lab;

import java.io.File;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.activationlab.nn.CsvData;
import org.activationlab.nn.DataPoints;
import org.activationlab.nn.InputFeatures;
import org.activationlab.training.Scenario;
import org.activationlab.ui.I18n;
import org.activationlab.ui.ViewListeners;

/**
 * Your own data, in the Lab's data settings: **Edit data** (then a click on the decision-boundary
 * picture adds a point of the chosen class, a drag sprays them, a right-click removes the
 * nearest; undo, redo, clear), **Load CSV…**, and Playground's input features as toggles. Every
 * change that gives a valid set starts the run again at step 0 with it (the hint says so).
 */
final class DataEditBar extends VBox {

  /** A drag adds a point each time the pointer moved this many pixels. */
  static final double SPRAY_STEP = 10;

  private final LabModel model;
  private final ViewListeners listeners = new ViewListeners();
  private final ToggleButton edit = new ToggleButton(I18n.text("lab.data.edit"));
  private final ToggleGroup classes = new ToggleGroup();
  private final HBox classRow = new HBox(4);
  private final Button undo = new Button(I18n.text("lab.data.undo"));
  private final Button redo = new Button(I18n.text("lab.data.redo"));
  private final Button clear = new Button(I18n.text("lab.data.clear"));
  private final Label message = new Label();
  private final FlowPane features = new FlowPane(4, 4);
  private DataEditor editor;
  private double lastX = Double.NaN;
  private double lastY = Double.NaN;
  private boolean updating;

  DataEditBar(LabModel model) {
    super(6);
    this.model = model;
    setId("lab-data-edit");
    edit.setId("lab-edit-data");
    edit.setTooltip(new Tooltip(I18n.text("lab.data.edit.tooltip")));
    edit.setOnAction(e -> setEditing(edit.isSelected()));
    Button load = new Button(I18n.text("lab.data.loadCsv"));
    load.setId("lab-load-csv");
    load.setTooltip(new Tooltip(I18n.text("lab.data.loadCsv.tooltip")));
    load.setOnAction(e -> chooseCsv());
    HBox top = new HBox(6, edit, load);
    top.setAlignment(Pos.CENTER_LEFT);

    for (int c = 0; c < DataPoints.MAX_CLASSES; c++) {
      ToggleButton b = new ToggleButton(I18n.text("lab.data.class", c));
      b.setId("edit-class-" + c);
      b.setToggleGroup(classes);
      b.setUserData(c);
      b.getStyleClass().add("edit-class-" + c);
      classRow.getChildren().add(b);
    }
    classes.selectToggle(classes.getToggles().get(0));
    classRow.setAlignment(Pos.CENTER_LEFT);
    undo.setId("edit-undo");
    redo.setId("edit-redo");
    clear.setId("edit-clear");
    undo.setOnAction(e -> {
      editor.undo();
      apply();
    });
    redo.setOnAction(e -> {
      editor.redo();
      apply();
    });
    clear.setOnAction(e -> {
      editor.clear();
      apply();
    });
    HBox history = new HBox(4, undo, redo, clear);
    message.setId("lab-data-message");
    message.setWrapText(true);
    message.getStyleClass().add("hint");
    message.managedProperty().bind(message.textProperty().isNotEmpty()); // no gap when silent
    message.visibleProperty().bind(message.managedProperty());

    features.setId("lab-features");
    for (InputFeatures.Feature f : InputFeatures.Feature.values()) {
      ToggleButton b = new ToggleButton(f.label());
      b.setId("feature-" + f.id());
      b.setUserData(f);
      b.setOnAction(e -> applyFeatures(b));
      features.getChildren().add(b);
    }
    Label featuresTitle = new Label(I18n.text("lab.data.features"));
    featuresTitle.setTooltip(new Tooltip(I18n.text("lab.data.features.tooltip")));

    getChildren().addAll(top, classRow, history, message, featuresTitle, features);
    listeners.on(model.scenarioProperty(), this::showScenario);
    showScenario();
    setEditing(false);
  }

  /** Whether clicks on the boundary picture edit the data. */
  boolean editing() {
    return editor != null;
  }

  /** The editor of the points being edited (for tests), or null. */
  DataEditor editor() {
    return editor;
  }

  private void setEditing(boolean on) {
    editor = on ? new DataEditor(model.latest()) : null;
    edit.setSelected(on);
    for (javafx.scene.Node n : List.of(classRow, undo.getParent())) {
      n.setVisible(on);
      n.setManaged(on);
    }
    if (on) {
      classRow.setVisible(!editor.regression());
      classRow.setManaged(!editor.regression());
    }
    message.setText(on ? I18n.text(editor.regression() ? "lab.data.hintCurve" : "lab.data.hint")
        : "");
    updateButtons();
  }

  /**
   * A press on the boundary picture at data point (x, y): the primary button adds a point of
   * the chosen class, another removes the nearest within {@code reachX} × {@code reachY}.
   */
  void press(double x, double y, double reachX, double reachY, boolean primary) {
    if (editor == null) {
      return;
    }
    boolean changed;
    if (primary) {
      editor.add(x, y, chosenClass());
      changed = true;
    } else {
      changed = editor.removeNear(x, y, reachX, reachY);
    }
    lastX = x;
    lastY = y;
    if (changed) {
      apply();
    }
  }

  /** A drag to data point (x, y): a point each {@link #SPRAY_STEP} pixels moved. */
  void drag(double x, double y, double pixelX, double pixelY) {
    if (editor == null || Double.isNaN(lastX)) {
      return;
    }
    double dx = (x - lastX) / pixelX;
    double dy = (y - lastY) / pixelY;
    if (dx * dx + dy * dy >= SPRAY_STEP * SPRAY_STEP) {
      editor.add(x, y, chosenClass());
      lastX = x;
      lastY = y;
      apply();
    }
  }

  private int chosenClass() {
    return classes.getSelectedToggle() == null ? 0 : (int) classes.getSelectedToggle().getUserData();
  }

  /** Trains the edited points (a new network at step 0), or says why it waits. */
  private void apply() {
    editor.rebase(model.scenario());
    StringBuilder why = new StringBuilder();
    Optional<Scenario> next = editor.scenario(why);
    if (next.isPresent()) {
      Optional<String> refused = model.configure(next.get());
      message.setText(refused.orElse(I18n.text("lab.data.applied", editor.points().size())));
    } else {
      message.setText(I18n.text("lab.data.waiting", editor.points().size(), why));
    }
    updateButtons();
  }

  private void updateButtons() {
    undo.setDisable(editor == null || !editor.canUndo());
    redo.setDisable(editor == null || !editor.canRedo());
    clear.setDisable(editor == null || editor.points().isEmpty());
  }

  private void chooseCsv() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.text("lab.data.loadCsv"));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
    File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
    if (file != null) {
      loadCsv(file.toPath());
    }
  }

  /** Trains the points of a CSV file, or shows why it is refused (nothing changes then). */
  void loadCsv(java.nio.file.Path file) {
    try {
      DataPoints p = CsvData.read(file);
      Optional<String> refused =
          model.configure(model.scenario().toBuilder().points(p).noise(0).build());
      message.setText(refused.orElse(I18n.text("lab.data.loaded", p.size(),
          file.getFileName())));
      if (refused.isEmpty() && editor != null) {
        setEditing(true);
      }
    } catch (IllegalArgumentException e) {
      message.setText(e.getMessage());
    }
  }

  private void applyFeatures(ToggleButton changed) {
    if (updating) {
      return;
    }
    EnumSet<InputFeatures.Feature> chosen = EnumSet.noneOf(InputFeatures.Feature.class);
    for (javafx.scene.Node n : features.getChildren()) {
      if (((ToggleButton) n).isSelected()) {
        chosen.add((InputFeatures.Feature) n.getUserData());
      }
    }
    Optional<String> refused;
    try {
      InputFeatures f = InputFeatures.parse(String.join(",",
          chosen.stream().map(InputFeatures.Feature::id).toList()));
      refused = model.configure(model.scenario().toBuilder().features(f).build());
    } catch (IllegalArgumentException e) {
      refused = Optional.of(e.getMessage());
    }
    if (refused.isPresent()) {
      changed.setSelected(!changed.isSelected());
      message.setText(refused.get());
    } else {
      message.setText(I18n.text("lab.data.featuresApplied"));
    }
  }

  /** The features of the scenario on the toggles; none for 1-D data. */
  private void showScenario() {
    Scenario s = model.scenario();
    updating = true;
    try {
      boolean twoD = s.datasetSpec().inputSize() == 2;
      features.setDisable(!twoD);
      for (javafx.scene.Node n : features.getChildren()) {
        ((ToggleButton) n).setSelected(
            s.features().list().contains((InputFeatures.Feature) n.getUserData()));
      }
    } finally {
      updating = false;
    }
  }
}
