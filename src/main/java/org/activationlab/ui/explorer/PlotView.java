package org.activationlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.activationlab.render.FunctionPlotModel;
import org.activationlab.render.FunctionPlotRenderer;
import org.activationlab.render.Palette;
import org.activationlab.render.Picture;
import org.activationlab.render.PlotFrame;
import org.activationlab.render.PlotSeries;
import org.activationlab.render.Theme;
import org.activationlab.render.Viewport;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;

/**
 * The Explorer's main plot: every shown function (solid) and its derivative (dashed), drawn by
 * {@link FunctionPlotRenderer}. Scroll zooms at the pointer, drag pans, double-click resets,
 * hovering shows the crosshair readout.
 */
final class PlotView extends PictureCanvas {

  private static final double ZOOM_PER_NOTCH = 1.15;

  private final ExplorerModel model;
  private final org.activationlab.ui.ViewListeners listeners =
      new org.activationlab.ui.ViewListeners();
  private final ThemeManager themes;
  private final FunctionPlotRenderer renderer = new FunctionPlotRenderer();
  private final ObjectProperty<Viewport> viewport;
  private double crosshairX = Double.NaN;
  private double dragX;
  private double dragY;
  private Viewport dragStart;

  PlotView(ExplorerModel model, ThemeManager themes) {
    super(null, themes);
    this.model = model;
    this.themes = themes;
    this.viewport = model.viewportProperty();
    setId("function-plot");
    setPicture(Picture.of("activation-functions",
        (g, w, h, theme) -> renderer.draw(g, w, h, plotModel(theme, true))));
    for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.shown(),
        model.showValueProperty(), model.showDerivativeProperty(), viewport,
        model.selectedProperty()}) {
      listeners.on(o, this::invalidate);
    }

    canvas().setOnScroll(this::onScroll);
    canvas().setOnMousePressed(this::onPressed);
    canvas().setOnMouseDragged(this::onDragged);
    canvas().setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
        resetView();
      }
    });
    canvas().setOnMouseMoved(e -> setCrosshair(frame().toDataX(e.getX())));
    canvas().setOnMouseExited(e -> setCrosshair(Double.NaN));
  }

  ObjectProperty<Viewport> viewportProperty() {
    return viewport;
  }

  void resetView() {
    viewport.set(Viewport.DEFAULT);
  }

  /** The x of the crosshair, NaN when the pointer is outside. */
  double crosshairX() {
    return crosshairX;
  }

  void setCrosshair(double x) {
    crosshairX = x;
    invalidate();
  }

  /** The model as the renderer sees it now, also used by exports. */
  FunctionPlotModel plotModel(Theme theme, boolean withCrosshair) {
    List<PlotSeries> series = new ArrayList<>();
    int selected = -1;
    for (ShownFunction s : model.shown()) {
      if (s.function() == model.selectedProperty().get()) {
        selected = series.size();
      }
      series.add(new PlotSeries(s.activation(), Palette.color(s.paletteSlot()),
          s.activation().function().displayName() + parameterSuffix(s)));
    }
    return new FunctionPlotModel(series, viewport.get(), model.showValueProperty().get(),
        model.showDerivativeProperty().get(), theme, withCrosshair ? crosshairX : Double.NaN,
        I18n.text("explorer.plot.title"), selected);
  }

  private static String parameterSuffix(ShownFunction s) {
    var params = s.function().parameters();
    if (params.isEmpty()) {
      return "";
    }
    double[] v = s.activation().parameterValues();
    StringBuilder sb = new StringBuilder(" (");
    for (int i = 0; i < params.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(org.activationlab.ui.Symbols.of(params.get(i))).append('=')
          .append(params.get(i).formatValue(v[i]));
    }
    return sb.append(')').toString();
  }

  /** A picture of the current plot without the crosshair, for export. */
  Picture exportPicture() {
    return Picture.of("activation-functions",
        (g, w, h, theme) -> new FunctionPlotRenderer().draw(g, w, h, plotModel(theme, false)));
  }

  private PlotFrame frame() {
    return renderer.frame(canvas().getWidth(), canvas().getHeight(),
        plotModel(themes.renderTheme(), false));
  }

  private void onScroll(ScrollEvent e) {
    if (e.getDeltaY() == 0) {
      return;
    }
    PlotFrame f = frame();
    double factor = e.getDeltaY() > 0 ? 1 / ZOOM_PER_NOTCH : ZOOM_PER_NOTCH;
    zoomAt(factor, f.toDataX(e.getX()), f.toDataY(e.getY()));
    e.consume();
  }

  void zoomAt(double factor, double x, double y) {
    Viewport next = viewport.get().zoomAt(factor, x, y);
    if (next.isUsable()) {
      viewport.set(next);
    }
  }

  private void onPressed(MouseEvent e) {
    dragX = e.getX();
    dragY = e.getY();
    dragStart = viewport.get();
  }

  private void onDragged(MouseEvent e) {
    if (dragStart == null) {
      return;
    }
    PlotFrame f = frame();
    double dx = f.toDataX(dragX) - f.toDataX(e.getX());
    double dy = f.toDataY(dragY) - f.toDataY(e.getY());
    viewport.set(dragStart.pan(dx, dy));
    setCrosshair(Double.NaN);
  }
}
