package org.activationlab.ui.explorer;

import java.util.function.DoubleConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activationlab.activation.Parameter;
import org.activationlab.ui.I18n;

/**
 * Edits one parameter: a slider over the parameter's slider range plus a field that accepts any
 * valid value (also outside the slider range). An invalid entry is refused with the reason shown
 * beside the field, and the function keeps its previous value.
 */
final class ParameterEditor extends VBox {

  private final Parameter parameter;
  private final DoubleConsumer onChange;
  private final Label error = new Label();
  private Slider slider;
  private TextField field;
  private CheckBox checkBox;
  private boolean updating;

  ParameterEditor(Parameter parameter, double value, DoubleConsumer onChange) {
    this.parameter = parameter;
    this.onChange = onChange;
    getStyleClass().add("parameter-editor");
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    error.setManaged(false);
    error.setVisible(false);
    String tip = I18n.text("parameter.tooltip", parameter.displayName(), parameter.rangeText(),
        parameter.formatValue(parameter.defaultValue()));
    if (parameter.kind() == Parameter.Kind.BOOLEAN) {
      checkBox = new CheckBox(parameter.name());
      checkBox.setSelected(value != 0);
      checkBox.setTooltip(new Tooltip(tip));
      checkBox.selectedProperty().addListener((o, was, now) -> onChange.accept(now ? 1 : 0));
      getChildren().addAll(checkBox);
      return;
    }
    Label name = new Label(parameter.name());
    name.getStyleClass().add("parameter-name");
    slider = new Slider(parameter.sliderMin(), parameter.sliderMax(), clampToSlider(value));
    slider.setId("slider-" + parameter.name());
    slider.setTooltip(new Tooltip(tip));
    HBox.setHgrow(slider, Priority.ALWAYS);
    field = new TextField(parameter.formatValue(value));
    field.setId("field-" + parameter.name());
    field.setPrefColumnCount(6);
    field.setTooltip(new Tooltip(tip));
    slider.valueProperty().addListener((o, was, now) -> {
      if (!updating) {
        double v = roundForDisplay(now.doubleValue());
        setField(v);
        apply(v);
      }
    });
    field.setOnAction(e -> commitField());
    field.focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        commitField();
      }
    });
    HBox row = new HBox(6, slider, field);
    row.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(name, row, error);
  }

  Parameter parameter() {
    return parameter;
  }

  /** The error message shown beside the field, empty when the value is valid. */
  String errorText() {
    return error.isVisible() ? error.getText() : "";
  }

  private void commitField() {
    try {
      double v = parameter.parse(field.getText());
      showError(null);
      updating = true;
      slider.setValue(clampToSlider(v));
      updating = false;
      apply(v);
    } catch (IllegalArgumentException e) {
      showError(I18n.text("parameter.invalid", parameter.name(), parameter.rangeText()));
    }
  }

  private void apply(double v) {
    try {
      onChange.accept(v);
      showError(null);
    } catch (IllegalArgumentException e) {
      showError(e.getMessage());
    }
  }

  private void showError(String message) {
    boolean show = message != null;
    error.setText(show ? message : "");
    error.setVisible(show);
    error.setManaged(show);
    if (field != null) {
      field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), show);
    }
  }

  private void setField(double v) {
    field.setText(parameter.formatValue(v));
  }

  private double clampToSlider(double v) {
    return Math.max(parameter.sliderMin(), Math.min(parameter.sliderMax(), v));
  }

  /** Slider values rounded to 3 significant decimals of the slider span, so fields stay readable. */
  private double roundForDisplay(double v) {
    double span = parameter.sliderMax() - parameter.sliderMin();
    double step = Math.pow(10, Math.floor(Math.log10(span)) - 3);
    double r = Math.round(v / step) * step;
    r = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.10g", r));
    return parameter.accepts(r) ? r : v;
  }
}
