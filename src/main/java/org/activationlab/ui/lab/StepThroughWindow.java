package org.activationlab.ui.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.activationlab.export.SampleTraceWriter;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.nn.SampleTrace;
import org.activationlab.nn.Task;
import org.activationlab.render.SampleStepDiagram;
import org.activationlab.render.Theme;
import org.activationlab.training.SampleTraces;
import org.activationlab.training.SampleTraces.Split;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.DisplayNames;
import org.activationlab.ui.FormulaView;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.ViewListeners;
import org.activationlab.ui.lab.StepThroughModel.Kind;

/**
 * "Step through a sample": a window beside the Lab that follows one sample through the network
 * of the step the Lab shows (a past step when the timeline went back), stage by stage — the
 * forward pass layer by layer, the loss, the backward pass, the update — with the formulas of
 * each stage typeset with the sample's numbers ({@link StepThroughModel}) and a small network
 * diagram of what the stage reads and writes ({@link SampleStepDiagram}). ← and → (or the
 * buttons) step; Esc closes. It reads the Lab's snapshot when opened and when asked to ("Use the
 * Lab's step"); it never changes the run.
 */
public final class StepThroughWindow {

  /** Formula size at 1× (scaled with the theme in presentation mode). */
  static final float FORMULA_SIZE = 21;
  /** Formulas are never set below this at 1×. */
  static final float FORMULA_MIN = 18;

  /** Secondary text at body size (the "hint" style is smaller than 14 px). */
  private static final String MUTED = "-fx-text-fill: derive(-fx-text-base-color, 35%);";

  private static StepThroughWindow open;

  private final LabModel lab;
  private final java.util.Locale locale = I18n.locale();
  private final ThemeManager themes;
  private final ViewListeners listeners = new ViewListeners();
  private final Stage stage = new Stage();
  private final Random random = new Random();
  private TrainingSnapshot snapshot;
  private StepThroughModel model;
  private int unit;
  private int input;
  private boolean updating;

  private final ChoiceBox<Split> split = new ChoiceBox<>();
  private final Spinner<Integer> index = new Spinner<>();
  private final Label weights = new Label();
  private final Label sampleText = new Label();
  private final Label stageTitle = new Label();
  private final Label stageCount = new Label();
  private final Label stageHint = new Label();
  private final VBox general = new VBox(2);
  private final ChoiceBox<Integer> unitChoice = new ChoiceBox<>();
  private final ChoiceBox<Integer> inputChoice = new ChoiceBox<>();
  private final Label unitLabel = new Label(I18n.text("step.unit"));
  private final Label inputLabel = new Label(I18n.text("step.input"));
  private final Label termsNote = new Label();
  private final VBox formulas = new VBox(6);
  private final ScrollPane formulaScroll = new ScrollPane(formulas);
  private final PictureCanvas diagram;
  private final Button previous = new Button(I18n.text("step.previous"));
  private final Button next = new Button(I18n.text("step.next"));

  private StepThroughWindow(Window owner, LabModel lab, ThemeManager themes) {
    this.lab = lab;
    this.themes = themes;
    diagram = new PictureCanvas(null, themes);
    diagram.setId("step-diagram");
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.setTitle(I18n.text("step.title"));

    split.setId("step-split");
    split.getItems().setAll(Split.values());
    split.setConverter(DisplayNames.of((Split s) -> I18n.text("step.split." + s.id())));
    split.setValue(Split.TRAIN);
    split.setOnAction(e -> {
      if (!updating) {
        pick(split.getValue(), 0);
      }
    });
    index.setId("step-index");
    index.setEditable(true);
    index.setPrefWidth(110);
    index.valueProperty().addListener((o, was, now) -> {
      if (!updating && now != null) {
        pick(split.getValue(), now);
      }
    });
    Button randomSample = new Button(I18n.text("step.random"));
    randomSample.setId("step-random");
    randomSample.setTooltip(new Tooltip(I18n.text("step.random.tooltip")));
    randomSample.setOnAction(e -> pick(split.getValue(),
        random.nextInt(SampleTraces.samples(snapshot, split.getValue()).size())));
    Button reload = new Button(I18n.text("step.reload"));
    reload.setId("step-reload");
    reload.setTooltip(new Tooltip(I18n.text("step.reload.tooltip")));
    reload.setOnAction(e -> read(lab.latest()));
    Label sampleLabel = new Label(I18n.text("step.sample"));
    FlowPane picker = new FlowPane(8, 6, sampleLabel, split, index, randomSample, reload);
    picker.setAlignment(Pos.CENTER_LEFT);
    weights.setId("step-weights");
    weights.getStyleClass().add("section-title");
    sampleText.setId("step-sample");
    sampleText.setWrapText(true);
    VBox top = new VBox(6, picker, weights, sampleText);
    top.setPadding(new Insets(0, 0, 8, 0));

    stageTitle.setId("step-stage-title");
    stageTitle.getStyleClass().add("step-stage-title");
    stageTitle.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
    stageTitle.setWrapText(true);
    stageHint.setId("step-stage-hint");
    stageHint.setWrapText(true);
    stageHint.setMinHeight(Region.USE_PREF_SIZE);
    general.setId("step-general");
    unitChoice.setId("step-unit");
    unitChoice.setConverter(DisplayNames.of((Integer j) -> I18n.text("step.unit.value", j + 1)));
    unitChoice.setOnAction(e -> {
      if (!updating && unitChoice.getValue() != null) {
        unit = unitChoice.getValue();
        show();
      }
    });
    inputChoice.setId("step-input");
    inputChoice.setConverter(DisplayNames.of((Integer i) -> i < 0 ? I18n.text("step.input.bias")
        : I18n.text(model != null && model.stage().layer() == 0 ? "step.input.x"
            : "step.input.a", i + 1)));
    inputChoice.setOnAction(e -> {
      if (!updating && inputChoice.getValue() != null) {
        input = inputChoice.getValue();
        show();
      }
    });
    HBox choices = new HBox(8, unitLabel, unitChoice, inputLabel, inputChoice);
    choices.setAlignment(Pos.CENTER_LEFT);
    termsNote.setId("step-terms");
    termsNote.setWrapText(true);
    termsNote.setStyle(MUTED); // body size: read from the back of a classroom
    formulas.setId("step-formulas");
    formulas.setPadding(new Insets(4));
    formulaScroll.setFitToWidth(true);
    formulaScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(formulaScroll, Priority.ALWAYS);
    VBox left = new VBox(8, stageTitle, stageHint, general, choices, formulaScroll, termsNote);
    left.setMinWidth(0);
    HBox.setHgrow(left, Priority.ALWAYS);
    diagram.setMinSize(200, 160);
    diagram.setPrefWidth(380);
    VBox right = new VBox(diagram);
    VBox.setVgrow(diagram, Priority.ALWAYS);
    left.setPrefWidth(0); // the formulas take what the diagram leaves, never more
    right.setMinWidth(200);
    HBox centre = new HBox(12, left, right);

    previous.setId("step-prev");
    next.setId("step-next");
    previous.setOnAction(e -> go(-1));
    next.setOnAction(e -> go(+1));
    stageCount.setId("step-count");
    Label keys = new Label(I18n.text("step.keys"));
    keys.setStyle(MUTED);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button close = new Button(I18n.text("step.close"));
    close.setId("step-close");
    close.setOnAction(e -> stage.close());
    HBox bottom = new HBox(10, previous, stageCount, next, keys, gap, close);
    bottom.setAlignment(Pos.CENTER_LEFT);
    bottom.setPadding(new Insets(8, 0, 0, 0));
    for (Button b : new Button[] {previous, next, randomSample, reload, close}) {
      b.setMinWidth(Button.USE_PREF_SIZE);
    }

    BorderPane root = new BorderPane(centre, top, null, bottom, null);
    root.setId("step-through");
    root.setPadding(new Insets(12));
    Rectangle2D screen = (owner != null ? Screen.getScreensForRectangle(owner.getX(),
        owner.getY(), owner.getWidth(), owner.getHeight()).stream().findFirst()
        .orElse(Screen.getPrimary()) : Screen.getPrimary()).getVisualBounds();
    double w = Math.min(1240, screen.getWidth() - 24);
    double h = Math.min(780, screen.getHeight() - 24);
    Scene scene = new Scene(root, w, h);
    // the diagram keeps a third of the window whatever the formulas' widths
    right.prefWidthProperty().bind(scene.widthProperty().multiply(0.32));
    right.maxWidthProperty().bind(scene.widthProperty().multiply(0.32));
    themes.attach(scene);
    stage.setScene(scene);
    stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
    stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    listeners.on(themes.changes(), this::show);
    formulaScroll.widthProperty().addListener((o, was, now) -> {
      if (Math.abs(was.doubleValue() - now.doubleValue()) > 1) {
        show();
      }
    });
    read(lab.latest());
  }

  /**
   * Opens the window for the Lab's model (or brings the open one to the front, reading the
   * Lab's current step again).
   */
  public static StepThroughWindow show(Window owner, LabModel lab, ThemeManager themes) {
    // one window, shown again when reopened (its scene stays with the theme manager): a new
    // one only for another Lab model or after a language switch
    if (open != null && open.lab == lab && open.themes == themes
        && open.locale.equals(I18n.locale())) {
      open.read(lab.latest());
      open.stage.show();
      open.stage.toFront();
      return open;
    }
    if (open != null) {
      open.stage.close();
    }
    open = new StepThroughWindow(owner, lab, themes);
    open.stage.show();
    open.next.requestFocus();
    return open;
  }

  /** The Lab's button that opens the window ({@code onOpen}): under play, step and reset. */
  public static Button button(Runnable onOpen) {
    Button b = new Button(I18n.text("lab.stepThrough"),
        new org.kordamp.ikonli.javafx.FontIcon("mdi2m-magnify"));
    b.setId("lab-step-through");
    b.setTooltip(new Tooltip(I18n.text("lab.stepThrough.tooltip")));
    b.setFocusTraversable(false); // Space must reach the Lab, not press this button
    b.setMaxWidth(Double.MAX_VALUE);
    b.setOnAction(e -> onOpen.run());
    return b;
  }

  // ------------------------------------------------------------------------------ choices

  /** Reads a snapshot's weights, keeping the sample and stage when they still exist. */
  void read(TrainingSnapshot s) {
    snapshot = s;
    Split sp = split.getValue();
    if (SampleTraces.samples(s, sp).size() == 0) {
      sp = Split.TRAIN;
    }
    int i = model == null ? 0 : model.sample();
    pick(sp, Math.min(i, SampleTraces.samples(s, sp).size() - 1));
  }

  /** Traces sample {@code i} of {@code sp} through the snapshot's network. */
  void pick(Split sp, int i) {
    int size = SampleTraces.samples(snapshot, sp).size();
    if (size == 0) {
      sp = Split.TRAIN;
      size = SampleTraces.samples(snapshot, sp).size();
    }
    i = Math.max(0, Math.min(size - 1, i));
    int stageIndex = model == null ? 0 : model.index();
    StepThroughModel m = StepThroughModel.of(snapshot, sp, i);
    if (model != null && model.stages().size() == m.stages().size()) {
      m.go(stageIndex);
    }
    model = m;
    updating = true;
    try {
      split.setValue(sp);
      index.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, size - 1, i));
    } finally {
      updating = false;
    }
    showSample();
    show();
  }

  private void go(int by) {
    if (by > 0 ? model.next() : model.previous()) {
      show();
    }
  }

  private void onKey(KeyEvent e) {
    boolean typing = stage.getScene().getFocusOwner() instanceof TextInputControl;
    KeyCode code = e.getCode();
    if (!typing && (code == KeyCode.RIGHT || code == KeyCode.PAGE_DOWN)) {
      go(+1);
    } else if (!typing && (code == KeyCode.LEFT || code == KeyCode.PAGE_UP)) {
      go(-1);
    } else if (code == KeyCode.ESCAPE) {
      stage.close();
    } else {
      return;
    }
    e.consume();
  }

  // ------------------------------------------------------------------------------ showing

  private static String n(double v) {
    return SampleTraceWriter.num(v, StepThroughModel.DIGITS);
  }

  private static String vector(double[] v) {
    if (v.length == 1) {
      return n(v[0]);
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(n(v[i]));
    }
    return sb.append(')').toString();
  }

  private void showSample() {
    SampleTrace t = model.trace();
    boolean past = snapshot.step() < snapshot.status().liveStep();
    weights.setText(I18n.text(past ? "step.weights.past" : "step.weights", snapshot.step(),
        snapshot.status().liveStep()));
    String target = t.task() == Task.REGRESSION ? vector(t.target())
        : String.valueOf((int) t.target()[0]);
    sampleText.setText(I18n.text("step.sampleText", model.sample(),
        I18n.text("step.split." + model.split().id()), vector(t.input()), target,
        vector(t.output()), n(t.loss())));
  }

  /** The theme the formulas are drawn in: never below {@link #FORMULA_MIN} at 1×. */
  private Theme formulaTheme(Theme t) {
    double scale = t.fontSize() / Theme.light().fontSize();
    return t.scaled(FORMULA_MIN * scale / t.fontSize());
  }

  /** Shows the current stage. */
  void show() {
    if (model == null) {
      return;
    }
    StepThroughModel.Stage s = model.stage();
    SampleTrace t = model.trace();
    int l = s.layer();
    boolean output = l == t.outputLayer();
    int last = t.layerCount();
    stageTitle.setText(title(s, t));
    stageCount.setText(I18n.text("step.count", model.index() + 1, model.stages().size()));
    stageHint.setText(hint(s, t));
    previous.setDisable(model.index() == 0);
    next.setDisable(model.index() == model.stages().size() - 1);

    boolean all = model.showsAllUnits(s);
    boolean chooseUnit = s.kind() != Kind.LOSS && !all;
    unit = Math.min(unit, t.width(l) - 1);
    input = s.kind() == Kind.UPDATE ? Math.min(input, t.fanIn(l) - 1) : input;
    updating = true;
    try {
      List<Integer> units = new ArrayList<>();
      for (int j = 0; j < t.width(l); j++) {
        units.add(j);
      }
      if (!unitChoice.getItems().equals(units)) {
        unitChoice.getItems().setAll(units);
      }
      unitChoice.setValue(unit);
      List<Integer> inputs = new ArrayList<>();
      for (int i = 0; i < t.fanIn(l); i++) {
        inputs.add(i);
      }
      inputs.add(-1);
      // the names of the inputs differ between the first layer (x) and the others (a)
      inputChoice.getItems().setAll(inputs);
      inputChoice.setValue(input);
    } finally {
      updating = false;
    }
    setShown(unitLabel, chooseUnit);
    setShown(unitChoice, chooseUnit);
    setShown(inputLabel, s.kind() == Kind.UPDATE);
    setShown(inputChoice, s.kind() == Kind.UPDATE);

    Theme theme = formulaTheme(themes.renderTheme());
    float size = (float) (FORMULA_SIZE * theme.fontSize() / FORMULA_MIN);
    // before the first layout: the scene's width less the diagram's share
    double width = formulaScroll.getWidth() > 0 ? formulaScroll.getWidth() - 24
        : stage.getScene() != null ? stage.getScene().getWidth() * 0.62 : 600;
    width = Math.max(200, width);
    general.getChildren().setAll(formulaViews(model.general(s), size * 0.9f, theme, width));
    List<Node> nodes = new ArrayList<>();
    if (s.kind() == Kind.LOSS) {
      nodes.addAll(formulaViews(model.unitFormulas(s, 0, 0), size, theme, width));
    } else if (all) {
      for (int j = 0; j < t.width(l); j++) {
        VBox unitBox = new VBox(2);
        unitBox.getChildren().setAll(formulaViews(model.unitFormulas(s, j, input), size, theme,
            width));
        unitBox.getStyleClass().add("step-unit");
        nodes.add(unitBox);
      }
    } else {
      nodes.addAll(formulaViews(model.unitFormulas(s, unit, input), size, theme, width));
    }
    formulas.getChildren().setAll(nodes);
    int terms = model.terms(s);
    boolean shortened = terms > StepThroughModel.MAX_TERMS;
    termsNote.setText(shortened ? I18n.text("step.terms", terms, StepThroughModel.LEAD_TERMS)
        : "");
    setShown(termsNote, shortened);

    StepThroughModel.Highlight h = model.highlight(s, all ? -1 : unit, input);
    int[] sizes = new int[last + 1];
    sizes[0] = t.fanIn(0);
    for (int k = 0; k < last; k++) {
      sizes[k + 1] = t.width(k);
    }
    diagram.setPicture(new SampleStepDiagram(new SampleStepDiagram.Model(sizes, h.reads(),
        h.writes(), h.weight())));
  }

  private static void setShown(Node node, boolean shown) {
    node.setVisible(shown);
    node.setManaged(shown);
  }

  private static List<Node> formulaViews(List<String> latex, float size, Theme theme,
      double width) {
    List<Node> out = new ArrayList<>();
    for (String f : latex) {
      FormulaView v = new FormulaView();
      v.getStyleClass().add("step-formula");
      v.show(f, size, theme, width);
      out.add(v);
    }
    return out;
  }

  private String functionName(SampleTrace t, int l) {
    return t.activation(l).function().displayName();
  }

  private String title(StepThroughModel.Stage s, SampleTrace t) {
    int l = s.layer();
    boolean output = l == t.outputLayer();
    String layer = output ? I18n.text("step.layer.output", l + 1)
        : I18n.text("step.layer", l + 1, functionName(t, l));
    return switch (s.kind()) {
      case FORWARD -> I18n.text("step.stage.forward", layer);
      case LOSS -> I18n.text("step.stage.loss", I18n.text("step.loss." + t.task().id()));
      case BACKWARD -> I18n.text("step.stage.backward", layer);
      case UPDATE -> I18n.text("step.stage.update", layer);
    };
  }

  private String hint(StepThroughModel.Stage s, SampleTrace t) {
    boolean output = s.layer() == t.outputLayer();
    return switch (s.kind()) {
      case FORWARD -> output ? I18n.text("step.hint.forward.output." + t.task().id())
          : I18n.text("step.hint.forward");
      case LOSS -> I18n.text("step.hint.loss." + t.task().id());
      case BACKWARD -> output ? I18n.text("step.hint.backward.output." + t.task().id())
          : I18n.text("step.hint.backward");
      case UPDATE -> {
        Scenario sc = snapshot.scenario();
        String text = I18n.text("step.hint.update");
        if (sc.optimizer() != OptimizerSpec.Kind.SGD || sc.batchSize() != 1 || sc.l2() != 0
            || sc.clip() != 0) {
          text += " " + I18n.text("step.hint.update.differs", sc.optimizer().id(),
              sc.batchSize());
        }
        yield text;
      }
    };
  }

  // ---------------------------------------------------------------------------- for tests

  Stage stage() {
    return stage;
  }

  StepThroughModel model() {
    return model;
  }

  Label stageTitle() {
    return stageTitle;
  }

  VBox formulas() {
    return formulas;
  }

  /** The window opened last (shown, or hidden to be shown again), or null. */
  static StepThroughWindow current() {
    return open;
  }
}
