package org.activationlab.ui.explorer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activationlab.activation.Softmax;
import org.activationlab.render.Picture;
import org.activationlab.render.SoftmaxModel;
import org.activationlab.render.SoftmaxRenderer;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;

/**
 * Softmax on its own: 3–6 logit sliders and a temperature; the picture shows the probabilities as
 * bars and the Jacobian ∂aᵢ/∂zⱼ as an annotated heatmap.
 */
final class SoftmaxPane extends BorderPane {

  private final org.activationlab.ui.ViewListeners listeners =
      new org.activationlab.ui.ViewListeners();

  static final int MIN_LOGITS = 3;
  static final int MAX_LOGITS = 6;
  private static final double LOGIT_RANGE = 8;

  private final ExplorerModel model;
  private final ThemeManager themes;
  private final PictureCanvas canvas;
  private final GridPane sliders = new GridPane();

  SoftmaxPane(ExplorerModel model, ThemeManager themes) {
    this.model = model;
    this.themes = themes;
    setId("softmax-pane");
    canvas = new PictureCanvas(picture(), themes);
    canvas.setId("softmax-picture");
    canvas.setPrefSize(520, 260);

    Label identity = new Label(I18n.text("softmax.identity"));
    identity.getStyleClass().add("hint");
    identity.setWrapText(true);
    identity.setId("softmax-identity");

    sliders.setHgap(6);
    sliders.setVgap(2);
    Button add = new Button(I18n.text("softmax.addLogit"));
    add.setId("softmax-add");
    add.getStyleClass().add("small-button");
    add.setOnAction(e -> {
      if (model.logits().size() < MAX_LOGITS) {
        model.logits().add(0.0);
      }
    });
    Button remove = new Button(I18n.text("softmax.removeLogit"));
    remove.setId("softmax-remove");
    remove.getStyleClass().add("small-button");
    remove.setOnAction(e -> {
      if (model.logits().size() > MIN_LOGITS) {
        model.logits().remove(model.logits().size() - 1);
      }
    });
    add.disableProperty().bind(javafx.beans.binding.Bindings.size(model.logits()).greaterThanOrEqualTo(MAX_LOGITS));
    remove.disableProperty().bind(javafx.beans.binding.Bindings.size(model.logits()).lessThanOrEqualTo(MIN_LOGITS));
    VBox controls = new VBox(4, sliders, new HBox(6, add, remove), identity);
    controls.setPadding(new Insets(4, 8, 4, 8));
    controls.getStyleClass().add("softmax-controls"); // width in em (app.css)

    setTop(new PanelHeader("softmax", I18n.text("softmax.title"), I18n.text("softmax.help")));
    BorderPane.setMargin(getTop(), new Insets(0, 8, 0, 8));
    setLeft(controls);
    setCenter(canvas);

    listeners.onList(model.logits(), c -> {
      boolean structural = false;
      while (c.next()) {
        structural |= c.wasAdded() != c.wasRemoved() || c.wasPermutated();
      }
      if (structural) {
        rebuildSliders();
      }
      canvas.invalidate();
    });
    listeners.on(model.temperatureProperty(), canvas::invalidate);
    rebuildSliders();
  }

  PictureCanvas canvas() {
    return canvas;
  }

  private void rebuildSliders() {
    sliders.getChildren().clear();
    int n = model.logits().size();
    for (int i = 0; i < n; i++) {
      int index = i;
      Label name = new Label(I18n.text("softmax.logit", subscript(i + 1)));
      Slider s = new Slider(-LOGIT_RANGE, LOGIT_RANGE, model.logits().get(i));
      s.setId("logit-" + (i + 1));
      s.setTooltip(new Tooltip(I18n.text("softmax.logit.tooltip", i + 1)));
      Label value = new Label(format(model.logits().get(i)));
      value.setMinWidth(44);
      s.valueProperty().addListener((o, was, now) -> {
        double v = Math.round(now.doubleValue() * 100) / 100.0;
        value.setText(format(v));
        model.logits().set(index, v);
      });
      GridPane.setHgrow(s, Priority.ALWAYS);
      sliders.addRow(i, name, s, value);
    }
    // temperature on a log scale: slider holds log10(T) in [-1, 1], i.e. T in [0.1, 10]
    Label name = new Label(I18n.text("softmax.temperature"));
    Slider t = new Slider(-1, 1, Math.log10(model.temperatureProperty().get()));
    t.setId("temperature");
    t.setTooltip(new Tooltip(I18n.text("softmax.temperature.tooltip")));
    Label value = new Label(format(model.temperatureProperty().get()));
    t.valueProperty().addListener((o, was, now) -> {
      double temperature = Math.pow(10, now.doubleValue());
      temperature = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", temperature));
      value.setText(format(temperature));
      model.temperatureProperty().set(temperature);
    });
    GridPane.setHgrow(t, Priority.ALWAYS);
    sliders.addRow(n, name, t, value);
    sliders.getChildren().forEach(node -> {
      GridPane.setValignment(node, javafx.geometry.VPos.CENTER);
      if (node instanceof Label l) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
    });
    sliders.setAlignment(Pos.TOP_LEFT);
  }

  private static String subscript(int n) {
    StringBuilder sb = new StringBuilder();
    for (char c : Integer.toString(n).toCharArray()) {
      sb.append((char) ('₀' + (c - '0')));
    }
    return sb.toString();
  }

  private static String format(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  /** The current softmax state as the renderer sees it. */
  SoftmaxModel softmaxModel(org.activationlab.render.Theme theme) {
    double[] z = model.logits().stream().mapToDouble(Double::doubleValue).toArray();
    double t = model.temperatureProperty().get();
    double[] p = Softmax.probabilities(z, t);
    return new SoftmaxModel(z, t, p, Softmax.jacobian(p, t), theme);
  }

  Picture picture() {
    SoftmaxRenderer renderer = new SoftmaxRenderer();
    return Picture.of("softmax", (g, w, h, theme) -> renderer.draw(g, w, h, softmaxModel(theme)));
  }
}
