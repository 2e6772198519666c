package org.activationlab.ui.lab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.Initializer;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.training.Comparison;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import org.activationlab.ui.DisplayNames;
import org.activationlab.ui.I18n;
import org.activationlab.ui.ViewListeners;
import org.controlsfx.control.SegmentedButton;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Lab's controls: preset or lesson (with its explanation), play/pause, step, reset and speed, then the
 * data, network and training settings in collapsible groups. Every field is a {@link
 * SettingField} checked by the scenario; the fields follow the scenario when it changes.
 */
final class LabControls extends VBox {

  private static final double LR_LOG_MIN = -5;
  private static final double LR_LOG_MAX = 1;

  private final LabModel model;
  private final ViewListeners listeners = new ViewListeners();
  private final List<SettingField> fields = new ArrayList<>();
  private final Label presetExplanation = new Label();
  private final ComboBox<Presets.Preset> preset = new ComboBox<>();
  private final Button play = new Button();
  private final Spinner<Integer> depth = new Spinner<>(1, 16, 2);
  private final Spinner<Integer> width = new Spinner<>(1, 64, 4);
  private final ChoiceBox<Integer> activationTarget = new ChoiceBox<>();
  private final Slider learningRate = new Slider(LR_LOG_MIN, LR_LOG_MAX, -2);
  private final FontIcon playIcon = new FontIcon("mdi2p-play");
  private final FontIcon pauseIcon = new FontIcon("mdi2p-pause");
  private Boolean showsPlaying;
  private SettingField activationField;
  private boolean updating;

  private final Button record = new Button();
  private DataEditBar dataEdit;
  private Boolean showsRecording;

  /**
   * @param onRecord starts or stops recording a GIF
   * @param onSaveStatistics saves the run's statistics
   */
  LabControls(LabModel model, Runnable onRecord, Runnable onSaveStatistics) {
    this.model = model;
    setId("lab-controls");
    getStyleClass().add("sidebar");
    setSpacing(8);
    setFillWidth(true);
    getChildren().addAll(presetBox(), compareBox(), transport(), dataGroup(), networkGroup(),
        trainingGroup(),
        exportGroup(onRecord, onSaveStatistics));
    listeners.on(model.scenarioProperty(), () -> showScenario(model.scenario()));
    listeners.on(model.presetProperty(), () -> showPreset(model.presetProperty().get()));
    listeners.on(model.lessonTitleProperty(), () -> showPreset(model.presetProperty().get()));
    showScenario(model.scenario());
    showPreset(model.presetProperty().get());
  }

  /** The field of a scenario key (for tests). */
  SettingField field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
  }

  /** Shows ▶ or ⏸ by whether the trainer plays (called every frame: changes nodes only on a change). */
  void showPlaying(boolean playing) {
    if (showsPlaying != null && showsPlaying == playing) {
      return;
    }
    showsPlaying = playing;
    play.setGraphic(playing ? pauseIcon : playIcon);
    play.setText(I18n.text(playing ? "lab.pause" : "lab.play"));
  }

  // ----------------------------------------------------------------------------- sections

  private VBox presetBox() {
    Label title = new Label(I18n.text("lab.preset"));
    title.getStyleClass().add("section-title");
    preset.setId("preset-choice");
    preset.getItems().setAll(Presets.all());
    preset.setMaxWidth(Double.MAX_VALUE);
    preset.setTooltip(new Tooltip(I18n.text("lab.preset.tooltip")));
    StringConverter<Presets.Preset> titles = new StringConverter<>() {
      @Override
      public String toString(Presets.Preset p) {
        return p != null ? p.title(I18n.locale()) : lessonTitle().orElse(
            I18n.text("lab.preset.custom"));
      }

      @Override
      public Presets.Preset fromString(String s) {
        return null;
      }
    };
    preset.setConverter(titles);
    preset.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(Presets.Preset p, boolean empty) {
        super.updateItem(p, empty);
        setText(titles.toString(empty ? null : p));
      }
    });
    preset.setOnAction(e -> {
      Presets.Preset p = preset.getValue();
      if (!updating && p != null && !p.name().equals(model.presetProperty().get())) {
        model.loadPreset(p.name());
      }
    });
    presetExplanation.setId("preset-explanation");
    presetExplanation.setWrapText(true);
    presetExplanation.getStyleClass().add("hint");
    return new VBox(4, title, preset, presetExplanation);
  }

  /**
   * "Compare": a second run B beside this one (a copy to change, or a ready pair), and while
   * comparing which run's settings the fields below show and change.
   */
  private VBox compareBox() {
    MenuButton compare = new MenuButton(I18n.text("lab.compare"),
        new FontIcon("mdi2c-compare-horizontal"));
    compare.setId("lab-compare");
    compare.setMaxWidth(Double.MAX_VALUE);
    compare.setTooltip(new Tooltip(I18n.text("lab.compare.tooltip")));
    MenuItem copy = new MenuItem(I18n.text("lab.compare.copy"));
    copy.setId("compare-copy");
    copy.setOnAction(e -> model.compareWithCopy());
    compare.getItems().addAll(copy, new SeparatorMenuItem());
    for (String first : Comparison.PRESET_PAIR_ORDER) {
      String second = Comparison.PRESET_PAIRS.get(first);
      MenuItem pair = new MenuItem(I18n.text("lab.compare.pair",
          Presets.get(first).title(I18n.locale()), Presets.get(second).title(I18n.locale())));
      pair.setId("compare-" + first);
      pair.setOnAction(e -> model.compare(Comparison.ofPresetPair(first)));
      compare.getItems().add(pair);
    }
    MenuItem end = new MenuItem(I18n.text("lab.compare.end"));
    end.setId("compare-end");
    end.setOnAction(e -> model.endComparison());
    compare.getItems().addAll(new SeparatorMenuItem(), end);

    ToggleButton editA = new ToggleButton(I18n.text("lab.compare.editA"));
    ToggleButton editB = new ToggleButton(I18n.text("lab.compare.editB"));
    editA.setId("compare-edit-a");
    editB.setId("compare-edit-b");
    SegmentedButton editing = new SegmentedButton(editA, editB);
    editing.setToggleGroup(null);
    editA.setOnAction(e -> model.editB(false));
    editB.setOnAction(e -> model.editB(true));
    Label editLabel = new Label(I18n.text("lab.compare.editing"));
    HBox editRow = new HBox(6, editLabel, editing);
    editRow.setAlignment(Pos.CENTER_LEFT);
    editRow.setId("compare-editing");
    Runnable show = () -> {
      boolean on = model.comparison().isPresent();
      end.setDisable(!on);
      editRow.setVisible(on);
      editRow.setManaged(on);
      editA.setSelected(!model.editingBProperty().get());
      editB.setSelected(model.editingBProperty().get());
    };
    listeners.on(model.comparisonProperty(), show);
    listeners.on(model.editingBProperty(), show);
    show.run();
    return new VBox(4, compare, editRow);
  }

  private VBox transport() {
    play.setId("lab-play");
    play.setTooltip(new Tooltip(I18n.text("lab.play.tooltip")));
    play.setOnAction(e -> model.togglePlay());
    play.setMaxWidth(Double.MAX_VALUE);
    showPlaying(false);
    Button step = new Button(I18n.text("lab.step"), new FontIcon("mdi2s-step-forward"));
    step.setId("lab-step");
    step.setTooltip(new Tooltip(I18n.text("lab.step.tooltip")));
    step.setOnAction(e -> model.step());
    Button reset = new Button(I18n.text("lab.reset"), new FontIcon("mdi2r-restart"));
    reset.setId("lab-reset");
    reset.setTooltip(new Tooltip(I18n.text("lab.reset.tooltip")));
    reset.setOnAction(e -> model.reset());
    for (Button b : new Button[] {play, step, reset}) {
      b.setFocusTraversable(false); // Space must reach the view, not press the focused button
      HBox.setHgrow(b, Priority.ALWAYS);
      b.setMaxWidth(Double.MAX_VALUE);
    }
    HBox buttons = new HBox(6, play, step, reset);

    ChoiceBox<Double> speed = new ChoiceBox<>(FXCollections.observableArrayList(LabModel.SPEEDS));
    speed.setId("lab-speed");
    speed.setConverter(DisplayNames.of((Double v) -> v == 0 ? I18n.text("lab.speed.max")
        : I18n.text("lab.speed.value", v.intValue())));
    speed.setValue(model.speed());
    speed.setTooltip(new Tooltip(I18n.text("lab.speed.tooltip")));
    speed.setOnAction(e -> {
      if (speed.getValue() != null && speed.getValue() != model.speed()) {
        model.setSpeed(speed.getValue());
      }
    });
    // a loaded preset or lesson sets its own speed
    listeners.on(model.speedProperty(), () -> speed.setValue(model.speed()));
    Label speedLabel = new Label(I18n.text("lab.speed"));
    HBox speedRow = new HBox(6, speedLabel, speed);
    speedRow.setAlignment(Pos.CENTER_LEFT);
    return new VBox(6, buttons, speedRow);
  }

  private TitledPane exportGroup(Runnable onRecord, Runnable onSaveStatistics) {
    record.setId("lab-record");
    record.setTooltip(new Tooltip(I18n.text("lab.record.tooltip")));
    record.setOnAction(e -> onRecord.run());
    record.setMaxWidth(Double.MAX_VALUE);
    showRecording(false);
    Button stats = new Button(I18n.text("lab.saveStats"), new FontIcon("mdi2c-chart-line"));
    stats.setId("lab-save-stats");
    stats.setTooltip(new Tooltip(I18n.text("lab.saveStats.tooltip")));
    stats.setOnAction(e -> onSaveStatistics.run());
    stats.setMaxWidth(Double.MAX_VALUE);
    return group("lab.group.export", new VBox(6, record, stats), true);
  }

  /** The record button as "Record GIF…" or "Stop recording". */
  void showRecording(boolean recording) {
    if (showsRecording != null && showsRecording == recording) {
      return;
    }
    showsRecording = recording;
    record.setText(I18n.text(recording ? "lab.record.stop" : "lab.record"));
    record.setGraphic(new FontIcon(recording ? "mdi2s-stop" : "mdi2r-record"));
  }

  /** Your own data: the edit mode, a CSV file, input features. */
  DataEditBar dataEdit() {
    return dataEdit;
  }

  private TitledPane dataGroup() {
    List<String> datasets = Arrays.stream(DatasetKind.values()).map(DatasetKind::id).toList();
    dataEdit = new DataEditBar(model);
    VBox box = new VBox(6, dataEdit,
        setting("dataset", datasets, s -> s.dataset().id()),
        setting("samples", List.of(), s -> String.valueOf(s.samples())),
        setting("noise", List.of(), s -> num(s.noise())),
        setting("testFraction", List.of(), s -> num(s.testFraction())),
        setting("seed", List.of(), s -> String.valueOf(s.seed())));
    return group("lab.group.data", box, true);
  }

  private TitledPane networkGroup() {
    depth.setId("lab-depth");
    width.setId("lab-width");
    depth.setEditable(true);
    width.setEditable(true);
    depth.getStyleClass().add("shape-spinner");
    width.getStyleClass().add("shape-spinner");
    depth.setTooltip(new Tooltip(I18n.text("lab.depth.tooltip")));
    width.setTooltip(new Tooltip(I18n.text("lab.width.tooltip")));
    depth.valueProperty().addListener((o, was, now) -> applyShape());
    width.valueProperty().addListener((o, was, now) -> applyShape());
    // label–field pairs that wrap rather than cut their words ("La…") in presentation mode
    FlowPane shape = new FlowPane(12, 6, pair(new Label(I18n.text("lab.depth")), depth),
        pair(new Label(I18n.text("lab.width")), width));

    List<String> activations = Catalog.all().stream().map(ActivationFunction::id).toList();
    activationTarget.setId("lab-activation-target");
    activationTarget.setTooltip(new Tooltip(I18n.text("lab.activationTarget.tooltip")));
    activationTarget.setConverter(DisplayNames.of((Integer l) -> l < 0
        ? I18n.text("lab.activationTarget.all") : I18n.text("lab.activationTarget.layer", l + 1)));
    activationTarget.setOnAction(e -> {
      if (!updating) {
        activationField.show(model.scenario());
      }
    });
    activationField = new SettingField("activation", I18n.text("lab.setting.activation"),
        I18n.text("lab.setting.activation.tooltip"), activations, this::targetActivation,
        this::applyActivation);
    fields.add(activationField);
    Label targetLabel = new Label(I18n.text("lab.activationTarget"));
    targetLabel.setMinWidth(Label.USE_PREF_SIZE);
    activationTarget.setMinWidth(ComboBox.USE_PREF_SIZE);
    FlowPane target = new FlowPane(6, 6, targetLabel, activationTarget);
    target.setAlignment(Pos.CENTER_LEFT);

    List<String> inits = Arrays.stream(Initializer.Kind.values()).map(k -> switch (k) {
      case CONSTANT -> "constant:0.1";
      case UNIFORM -> "uniform:0.5";
      case NORMAL -> "normal:0.15";
      default -> k.id();
    }).toList();
    VBox box = new VBox(6, shape,
        setting("hidden", List.of(), s -> hiddenText(s.hidden())),
        target, activationField,
        setting("init", inits, s -> compact(s.init().spec())),
        setting("biasInit", List.of("zeros", "constant:0.1", "constant:-0.5", "normal:0.1"),
            s -> compact(s.biasInit().spec())));
    return group("lab.group.network", box, true);
  }

  private TitledPane trainingGroup() {
    List<String> optimizers =
        Arrays.stream(OptimizerSpec.Kind.values()).map(OptimizerSpec.Kind::id).toList();
    learningRate.setId("lab-lr-slider");
    learningRate.setTooltip(new Tooltip(I18n.text("lab.lrSlider.tooltip")));
    learningRate.valueProperty().addListener((o, was, now) -> {
      if (!updating) {
        // three significant digits: a slider position is not more precise than that
        double lr = new BigDecimal(Math.pow(10, now.doubleValue()))
            .round(new MathContext(3)).doubleValue();
        model.setLearningRate(lr);
      }
    });
    VBox box = new VBox(6,
        setting("optimizer", optimizers, s -> s.optimizer().id()),
        setting("learningRate", List.of(), s -> num(s.learningRate())),
        learningRate,
        setting("momentum", List.of(), s -> num(s.momentum())),
        setting("batchSize", List.of(), s -> String.valueOf(s.batchSize())),
        setting("l2", List.of(), s -> num(s.l2())),
        setting("clip", List.of(), s -> num(s.clip())),
        setting("steps", List.of(), s -> String.valueOf(s.steps())));
    return group("lab.group.training", box, true);
  }

  // ------------------------------------------------------------------------------ helpers

  private SettingField setting(String key, List<String> suggestions,
      Function<Scenario, String> read) {
    SettingField f = new SettingField(key, I18n.text("lab.setting." + key),
        I18n.text("lab.setting." + key + ".tooltip"), suggestions, read, v -> model.set(key, v));
    fields.add(f);
    return f;
  }

  /**
   * An initialiser as the field shows it: its one parameter as a bare number ({@code
   * constant:-0.5}, which parses back), so the value that matters is not cut off in the field.
   */
  static String compact(String spec) {
    return spec.replaceFirst(":(value|stddev|limit)=", ":");
  }

  /** A label and its field kept together on one line, neither cut. */
  private static HBox pair(Label label, javafx.scene.control.Control field) {
    label.setMinWidth(Label.USE_PREF_SIZE);
    field.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
    HBox box = new HBox(6, label, field);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private static TitledPane group(String titleKey, VBox content, boolean expanded) {
    TitledPane pane = new TitledPane(I18n.text(titleKey), content);
    pane.setExpanded(expanded);
    pane.setAnimated(false);
    return pane;
  }

  private void applyShape() {
    if (updating) {
      return;
    }
    Integer d = depth.getValue();
    Integer w = width.getValue();
    if (d != null && w != null) {
      field("hidden").enter(w + "x" + d); // width x depth, as the scenario reads it
    }
  }

  private String targetActivation(Scenario s) {
    Integer l = activationTarget.getValue();
    return l == null || l < 0 ? s.activationOf(0) : s.activationOf(Math.min(l, s.hidden().size() - 1));
  }

  private Optional<String> applyActivation(String spec) {
    Integer l = activationTarget.getValue();
    return l == null || l < 0 ? model.set("activation", spec) : model.setLayerActivation(l, spec);
  }

  private void showScenario(Scenario s) {
    updating = true;
    try {
      depth.getValueFactory().setValue(s.hidden().size());
      width.getValueFactory().setValue(s.hidden().stream().mapToInt(Integer::intValue).max()
          .orElse(1));
      List<Integer> targets = new ArrayList<>();
      targets.add(-1);
      for (int l = 0; l < s.hidden().size(); l++) {
        targets.add(l);
      }
      Integer chosen = activationTarget.getValue();
      if (!targets.equals(activationTarget.getItems())) {
        activationTarget.getItems().setAll(targets);
      }
      activationTarget.setValue(chosen != null && targets.contains(chosen) ? chosen : -1);
      learningRate.setValue(Math.max(LR_LOG_MIN, Math.min(LR_LOG_MAX,
          Math.log10(s.learningRate()))));
      fields.forEach(f -> f.show(s));
    } finally {
      updating = false;
    }
  }

  private void showPreset(String name) {
    updating = true;
    try {
      Presets.Preset p = name == null || name.isEmpty() ? null : Presets.get(name);
      preset.setValue(p);
      Optional<String> lesson = p == null ? lessonTitle() : Optional.empty();
      if (p == null && preset.getButtonCell() != null) { // a value of null again: no update
        preset.getButtonCell().setText(lesson.orElse(I18n.text("lab.preset.custom")));
      }
      presetExplanation.setText(p != null ? p.explanation(I18n.locale())
          : lesson.isEmpty() ? I18n.text("lab.preset.customExplanation")
          : model.lessonNotesProperty().get().isBlank() ? I18n.text("lab.preset.lessonNoNotes")
          : I18n.text("lab.preset.lessonExplanation"));
    } finally {
      updating = false;
    }
  }

  /** The name of the lesson the settings came from, while they are its own. */
  private Optional<String> lessonTitle() {
    String t = model.lessonTitleProperty().get().in(I18n.locale());
    return t.isBlank() ? Optional.empty() : Optional.of(t);
  }

  /** What the preset chooser shows (for tests). */
  String presetShown() {
    return preset.getButtonCell().getText();
  }

  static String hiddenText(List<Integer> hidden) {
    boolean uniform = hidden.stream().distinct().count() == 1 && hidden.size() > 1;
    return uniform ? hidden.get(0) + "x" + hidden.size()
        : String.join(",", hidden.stream().map(String::valueOf).toList());
  }

  static String num(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
