package org.activationlab.ui.explorer;

import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.activationlab.render.Viewport;
import org.activationlab.ui.I18n;

/**
 * Editable axis ranges above the plot. Follows zoom and pan; Enter applies typed values; invalid
 * ranges are refused with a message beside the fields and the view stays as it was.
 */
final class AxisRangeBar extends FlowPane {

  private final ObjectProperty<Viewport> viewport;
  private final TextField xMin = field("axis-xmin");
  private final TextField xMax = field("axis-xmax");
  private final TextField yMin = field("axis-ymin");
  private final TextField yMax = field("axis-ymax");
  private final Label error = new Label();

  AxisRangeBar(ObjectProperty<Viewport> viewport) {
    super(18, 4);
    this.viewport = viewport;
    setAlignment(Pos.CENTER_LEFT);
    error.getStyleClass().add("field-error");
    // x and y ranges are groups that wrap onto a second line when space is short (presentation
    // mode at 720p), so neither the words nor the values are ever cut
    HBox x = group(new Label(I18n.text("explorer.axes.x")), xMin,
        new Label(I18n.text("explorer.axes.to")), xMax);
    HBox y = group(new Label(I18n.text("explorer.axes.y")), yMin,
        new Label(I18n.text("explorer.axes.to")), yMax);
    getChildren().addAll(x, y, error);
    error.managedProperty().bind(error.textProperty().isNotEmpty()); // no empty third line
    for (TextField f : new TextField[] {xMin, xMax, yMin, yMax}) {
      f.setMinWidth(TextField.USE_PREF_SIZE);
      f.setOnAction(e -> apply());
      f.setTooltip(new Tooltip(I18n.text("explorer.axes.tooltip")));
    }
    viewport.addListener((o, was, now) -> show(now));
    show(viewport.get());
  }

  private static HBox group(javafx.scene.Node... nodes) {
    HBox box = new HBox(6, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMinWidth(HBox.USE_PREF_SIZE);
    for (javafx.scene.Node n : nodes) {
      if (n instanceof Label l) {
        l.setMinWidth(Label.USE_PREF_SIZE);
      }
    }
    return box;
  }

  private static TextField field(String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(5);
    f.getStyleClass().add("axis-field");
    return f;
  }

  private void show(Viewport v) {
    xMin.setText(format(v.xMin()));
    xMax.setText(format(v.xMax()));
    yMin.setText(format(v.yMin()));
    yMax.setText(format(v.yMax()));
    error.setText("");
  }

  private void apply() {
    try {
      Viewport v = new Viewport(parse(xMin), parse(xMax), parse(yMin), parse(yMax));
      if (!v.isUsable()) {
        throw new IllegalArgumentException();
      }
      viewport.set(v);
      error.setText("");
    } catch (IllegalArgumentException e) {
      error.setText(I18n.text("explorer.axes.invalid"));
    }
  }

  private static double parse(TextField f) {
    return Double.parseDouble(f.getText().trim());
  }

  /** Four significant digits, no floating-point noise. */
  static String format(double v) {
    if (v == 0) {
      return "0";
    }
    String s = String.format(java.util.Locale.ROOT, "%.4g", v);
    if (s.contains("e")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  String errorText() {
    return error.getText();
  }
}
