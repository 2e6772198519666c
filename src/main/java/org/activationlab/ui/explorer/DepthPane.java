package org.activationlab.ui.explorer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.activationlab.activation.Activation;
import org.activationlab.activation.PropertyAnalysis;
import org.activationlab.render.DepthModel;
import org.activationlab.render.DepthRenderer;
import org.activationlab.render.DepthSeries;
import org.activationlab.render.Palette;
import org.activationlab.render.Picture;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;

/** The depth panel: max|f′|ⁿ for n = 1…30 on a log axis for every shown function. */
final class DepthPane extends BorderPane {

  private final org.activationlab.ui.ViewListeners listeners =
      new org.activationlab.ui.ViewListeners();

  static final int MAX_DEPTH = 30;

  private final ExplorerModel model;
  private final ThemeManager themes;
  private final PictureCanvas canvas;
  /** max|f′| per bound function: the analysis runs once per parameter change, not per frame. */
  private final Map<Activation, Double> maxSlopes = new HashMap<>();

  DepthPane(ExplorerModel model, ThemeManager themes) {
    this.model = model;
    this.themes = themes;
    setId("depth-pane");
    canvas = new PictureCanvas(picture(), themes);
    canvas.setId("depth-picture");
    canvas.setPrefSize(420, 260);
    Label title = new Label(I18n.text("depth.title"));
    title.getStyleClass().add("panel-title");
    Label help = new Label(I18n.text("depth.help"));
    help.getStyleClass().add("hint");
    help.setWrapText(true);
    VBox top = new VBox(2, title, help);
    top.setPadding(new Insets(0, 8, 0, 8));
    setTop(top);
    setCenter(canvas);
    listeners.on(model.shown(), canvas::invalidate);
  }

  PictureCanvas canvas() {
    return canvas;
  }

  DepthModel depthModel(org.activationlab.render.Theme theme) {
    List<DepthSeries> series = new ArrayList<>();
    maxSlopes.keySet().retainAll(model.shown().stream().map(ShownFunction::activation).toList());
    for (ShownFunction s : model.shown()) {
      double slope = maxSlopes.computeIfAbsent(s.activation(),
          a -> PropertyAnalysis.analyse(a).maxAbsDerivative());
      series.add(new DepthSeries(s.function().displayName(), Palette.color(s.paletteSlot()), slope));
    }
    return new DepthModel(series, MAX_DEPTH, theme);
  }

  Picture picture() {
    DepthRenderer renderer = new DepthRenderer();
    return Picture.of("depth", (g, w, h, theme) -> renderer.draw(g, w, h, depthModel(theme)));
  }
}
