package org.activationlab.ui.explorer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.activationlab.activation.Activation;
import org.activationlab.render.DepthInit;
import org.activationlab.render.DepthModel;
import org.activationlab.render.DepthRenderer;
import org.activationlab.render.DepthSeries;
import org.activationlab.render.Palette;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.ViewListeners;

/**
 * The depth panel: for n = 1…30 layers, on a log axis, max|f′|ⁿ (the best case) and the typical
 * ∏χ under a chosen initialisation (He, Glorot — the default, as the Lab's — LeCun, or a custom
 * σ_w) for every shown function.
 */
final class DepthPane extends BorderPane {

  private final ViewListeners listeners = new ViewListeners();

  static final int MAX_DEPTH = 30;
  /**
   * The chart never gets less than this (it collapsed to a strip in presentation mode); at this
   * height the renderer still fits its axes and a names-only legend.
   */
  static final double MIN_CHART_HEIGHT = 120;
  /** Below this height the panel hides its help line (the text stays in tooltips). */
  static final double HELP_MIN_PANEL_HEIGHT = 280;

  private final ExplorerModel model;
  private final PictureCanvas canvas;
  private final ObjectProperty<DepthInit> init = new SimpleObjectProperty<>(DepthInit.DEFAULT);
  private final ComboBox<DepthInit.Kind> initChoice = new ComboBox<>();
  private final Spinner<Double> sigma = new Spinner<>();
  /** The numbers of each bound function under the current initialisation: computed once, not per frame. */
  private final Map<Activation, DepthSeries> series = new HashMap<>();

  DepthPane(ExplorerModel model, ThemeManager themes) {
    this.model = model;
    setId("depth-pane");
    canvas = new PictureCanvas(picture(), themes);
    canvas.setId("depth-picture");
    canvas.setPrefSize(420, 260);
    canvas.setMinHeight(MIN_CHART_HEIGHT);
    // the tab names the panel and the chart has its own title: the room goes to the chart, so
    // the help is one line (cut with … when narrow) and the whole of it is in its tooltip
    Label help = new Label(I18n.text("depth.help"));
    help.setId("depth-help");
    help.getStyleClass().add("hint");
    help.setMinWidth(0);
    Tooltip explained = new Tooltip(I18n.text("depth.help") + "\n\n"
        + I18n.text("depth.help.more"));
    explained.setWrapText(true);
    explained.setMaxWidth(520);
    help.setTooltip(explained);
    // a short panel (720p, presentation mode) gives the help line's room to the chart
    help.managedProperty().bind(heightProperty().greaterThanOrEqualTo(HELP_MIN_PANEL_HEIGHT));
    help.visibleProperty().bind(help.managedProperty());

    initChoice.setId("depth-init");
    initChoice.getItems().setAll(DepthInit.Kind.values());
    initChoice.setValue(DepthInit.DEFAULT.kind());
    initChoice.setButtonCell(new KindCell());
    initChoice.setCellFactory(v -> new KindCell());
    initChoice.setTooltip(tooltip("depth.init.tooltip"));
    sigma.setId("depth-sigma");
    sigma.setEditable(true);
    sigma.setPrefWidth(90);
    sigma.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05,
        DepthInit.MAX_SIGMA_W, DepthInit.DEFAULT.sigmaW(), 0.05));
    sigma.setTooltip(tooltip("depth.sigma.tooltip"));
    sigma.disableProperty().bind(initChoice.valueProperty().isNotEqualTo(DepthInit.Kind.CUSTOM));
    Label initLabel = new Label(I18n.text("depth.init"));
    initLabel.setLabelFor(initChoice);
    initLabel.setTooltip(explained);
    Label sigmaLabel = new Label(I18n.text("depth.sigma"));
    sigmaLabel.setLabelFor(sigma);
    initChoice.valueProperty().addListener((o, was, now) -> {
      if (now != DepthInit.Kind.CUSTOM) {
        sigma.getValueFactory().setValue(DepthInit.of(now).sigmaW());
      }
      update();
    });
    sigma.valueProperty().addListener((o, was, now) -> update());

    // when narrow (presentation mode at 720p) the list shrinks, not the labels
    initLabel.setMinWidth(Region.USE_PREF_SIZE);
    sigmaLabel.setMinWidth(Region.USE_PREF_SIZE);
    initChoice.setMinWidth(80);
    sigma.setMinWidth(70);
    HBox choice = new HBox(6, initLabel, initChoice, sigmaLabel, sigma);
    choice.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(2, choice, help);
    top.setPadding(new Insets(0, 8, 0, 8));
    setTop(top);
    setCenter(canvas);
    listeners.on(model.shown(), canvas::invalidate);
    init.addListener((o, was, now) -> {
      series.clear();
      canvas.invalidate();
    });
  }

  /** Reads the chooser into the initialisation. */
  private void update() {
    DepthInit.Kind kind = initChoice.getValue();
    Double s = sigma.getValue();
    init.set(kind == DepthInit.Kind.CUSTOM && s != null && s > 0 && s <= DepthInit.MAX_SIGMA_W
        ? DepthInit.custom(s) : DepthInit.of(kind == null ? DepthInit.DEFAULT.kind() : kind));
  }

  private static Tooltip tooltip(String key) {
    Tooltip t = new Tooltip(I18n.text(key));
    t.setWrapText(true);
    t.setMaxWidth(480);
    return t;
  }

  /** Shows an initialisation's name with its Var(w). */
  private static final class KindCell extends ListCell<DepthInit.Kind> {
    @Override
    protected void updateItem(DepthInit.Kind kind, boolean empty) {
      super.updateItem(kind, empty);
      setText(empty || kind == null ? null
          : I18n.text("depth.init." + kind.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  PictureCanvas canvas() {
    return canvas;
  }

  ComboBox<DepthInit.Kind> initChoice() {
    return initChoice;
  }

  Spinner<Double> sigma() {
    return sigma;
  }

  /** The initialisation the dashed lines assume. */
  DepthInit init() {
    return init.get();
  }

  DepthModel depthModel(Theme theme) {
    DepthInit current = init.get();
    List<DepthSeries> out = new ArrayList<>();
    series.keySet().retainAll(model.shown().stream().map(ShownFunction::activation).toList());
    for (ShownFunction s : model.shown()) {
      DepthSeries numbers = series.computeIfAbsent(s.activation(),
          a -> DepthSeries.of("", Palette.color(0), a, current, MAX_DEPTH));
      out.add(new DepthSeries(s.function().displayName(), Palette.color(s.paletteSlot()),
          numbers.maxAbsDerivative(), numbers.gain(), numbers.factors()));
    }
    return new DepthModel(out, MAX_DEPTH, current, theme);
  }

  Picture picture() {
    DepthRenderer renderer = new DepthRenderer();
    return Picture.of("depth", (g, w, h, theme) -> renderer.draw(g, w, h, depthModel(theme)));
  }
}
