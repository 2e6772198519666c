package org.activationlab.ui.lab;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activationlab.training.Scenario;
import org.activationlab.ui.I18n;

/**
 * One scenario setting as a labelled field: typed text (or a choice from suggestions) is
 * committed on Enter or when the field loses focus, checked by the scenario itself, and refused
 * with the reason beside the field, the setting keeping its previous value. The field shows the
 * scenario's value again whenever the scenario changes (a preset loaded, say).
 */
final class SettingField extends VBox {

  private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

  private final String key;
  private final Function<Scenario, String> read;
  private final Function<String, Optional<String>> commit;
  private final Label error = new Label();
  private final TextField text;
  private final ComboBox<String> combo;
  private final String label;
  private String shown = "";

  /**
   * @param key the scenario key ({@link Scenario#withSetting})
   * @param label what the user reads
   * @param tooltip what it does and what to expect
   * @param suggestions values offered in a drop-down (empty: a plain text field)
   * @param read the current value of the setting in a scenario, as text
   * @param commit applies a typed value; returns the reason if refused
   */
  SettingField(String key, String label, String tooltip, List<String> suggestions,
      Function<Scenario, String> read, Function<String, Optional<String>> commit) {
    this.key = key;
    this.read = read;
    this.commit = commit;
    this.label = label;
    setId("setting-" + key);
    getStyleClass().add("setting-field");
    Label name = new Label(label);
    name.getStyleClass().add("setting-name");
    Control input;
    if (suggestions.isEmpty()) {
      text = new TextField();
      text.setPrefColumnCount(8);
      text.setOnAction(e -> commitTyped());
      combo = null;
      input = text;
    } else {
      combo = new ComboBox<>();
      combo.getItems().setAll(suggestions);
      combo.setEditable(true);
      combo.setVisibleRowCount(12);
      combo.setMaxWidth(Double.MAX_VALUE);
      combo.setOnAction(e -> commitTyped());
      text = combo.getEditor();
      input = combo;
    }
    text.setId("field-" + key);
    text.focusedProperty().addListener((o, was, now) -> {
      if (!now) {
        commitTyped();
      }
    });
    Tooltip tip = new Tooltip(tooltip);
    tip.setWrapText(true);
    tip.setMaxWidth(380);
    name.setTooltip(tip);
    input.setTooltip(tip);
    HBox.setHgrow(input, Priority.ALWAYS);
    HBox row = new HBox(6, name, input);
    row.setAlignment(Pos.CENTER_LEFT);
    error.getStyleClass().add("field-error");
    error.setId("error-" + key);
    error.setWrapText(true);
    error.setVisible(false);
    error.setManaged(false);
    getChildren().addAll(row, error);
  }

  String key() {
    return key;
  }

  /** The text in the field. */
  String text() {
    return text.getText();
  }

  /** The refusal shown beside the field, "" when none. */
  String errorText() {
    return error.isVisible() ? error.getText() : "";
  }

  /** Shows the scenario's value (and clears any refusal). */
  void show(Scenario s) {
    shown = read.apply(s);
    if (combo != null) {
      combo.setValue(shown);
    }
    text.setText(shown);
    showError(null);
  }

  /** Types {@code value} and commits it, as a user would. */
  void enter(String value) {
    text.setText(value);
    commitTyped();
  }

  private void commitTyped() {
    String typed = text.getText() == null ? "" : text.getText().trim();
    if (typed.equals(shown)) {
      showError(null);
      return;
    }
    Optional<String> refused = commit.apply(typed);
    if (refused.isPresent()) {
      showError(I18n.text("lab.setting.refused", label, I18n.text("lab.rule." + key),
          refused.get()));
    } else {
      shown = typed;
      showError(null);
    }
  }

  private void showError(String message) {
    boolean show = message != null;
    error.setText(show ? message : "");
    error.setVisible(show);
    error.setManaged(show);
    text.pseudoClassStateChanged(INVALID, show);
  }
}
