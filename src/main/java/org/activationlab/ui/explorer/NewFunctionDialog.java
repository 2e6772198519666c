package org.activationlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.formula.FormulaFunction;
import org.activationlab.render.Theme;
import org.activationlab.ui.FormulaView;
import org.activationlab.ui.I18n;

/**
 * "New function…": a formula in x with named parameters, checked as it is typed (a refusal
 * names the column), f and its exact derivative typeset beside it; OK gives the new catalog
 * entry ({@link FormulaFunction#parseSpec}).
 */
final class NewFunctionDialog {

  private NewFunctionDialog() {}

  /** The form: the fields, the message and the typeset preview, and the entry they make. */
  static final class Form extends VBox {
    final TextField formula = new TextField("x * sigmoid(beta * x)");
    final TextArea parameters = new TextArea("beta = 1 in [0, 10]");
    final Label message = new Label();
    final FormulaView value = new FormulaView();
    final FormulaView derivative = new FormulaView();
    private final Theme theme;
    private ActivationFunction made;

    Form(Theme theme) {
      super(8);
      this.theme = theme;
      setId("new-function-form");
      setPadding(new Insets(4));
      formula.setId("new-function-formula");
      formula.setPrefColumnCount(32);
      parameters.setId("new-function-parameters");
      parameters.setPrefRowCount(3);
      parameters.setPrefColumnCount(32);
      message.setId("new-function-message");
      message.setWrapText(true);
      message.setMinHeight(Label.USE_PREF_SIZE);
      value.setId("new-function-f");
      derivative.setId("new-function-df");

      GridPane fields = new GridPane();
      fields.setHgap(8);
      fields.setVgap(6);
      fields.addRow(0, new Label("f(x) ="), formula);
      fields.addRow(1, new Label(I18n.text("explorer.newFunction.parameters")), parameters);
      GridPane.setHgrow(formula, Priority.ALWAYS);
      Label help = new Label(I18n.text("explorer.newFunction.help"));
      help.setWrapText(true);
      help.getStyleClass().add("hint");
      help.setMaxWidth(560);
      getChildren().addAll(fields, help, message, new Label("f(x)"), value, new Label("f′(x)"),
          derivative);
      formula.textProperty().addListener((o, was, now) -> check());
      parameters.textProperty().addListener((o, was, now) -> check());
      check();
    }

    /** The spec the fields make: {@code formula:EXPR;NAME=VALUE in [MIN,MAX];…}. */
    String spec() {
      List<String> parts = new ArrayList<>();
      parts.add(FormulaFunction.PREFIX + formula.getText().strip());
      for (String line : parameters.getText().split("[\\n;]")) {
        if (!line.isBlank()) {
          parts.add(line.strip());
        }
      }
      return String.join(";", parts);
    }

    /** Parses what is typed: the entry and its typeset f and f′, or the reason it is refused. */
    void check() {
      try {
        made = FormulaFunction.parseSpec(spec());
        message.setText(I18n.text("explorer.newFunction.ok", made.displayName()));
        message.getStyleClass().remove("field-error");
        float size = (float) (20 * theme.fontSize() / Theme.light().fontSize());
        Theme clear = theme.withBackground(new java.awt.Color(0, 0, 0, 0));
        value.show(made.latexValue(), size, clear, 560);
        derivative.show(made.latexDerivative(), size, clear, 560);
      } catch (IllegalArgumentException e) {
        made = null;
        message.setText(e.getMessage());
        if (!message.getStyleClass().contains("field-error")) {
          message.getStyleClass().add("field-error");
        }
      }
    }

    /** The entry the fields make, or empty while they are refused. */
    Optional<ActivationFunction> made() {
      return Optional.ofNullable(made);
    }
  }

  /** Asks for a formula; the new entry, or empty when cancelled. */
  static Optional<ActivationFunction> ask(Window owner, Theme theme) {
    Dialog<ActivationFunction> dialog = new Dialog<>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(I18n.text("explorer.newFunction.title"));
    Form form = new Form(theme);
    dialog.getDialogPane().setContent(form);
    ButtonType add = new ButtonType(I18n.text("explorer.newFunction.add"),
        ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(add, ButtonType.CANCEL);
    javafx.scene.Node addButton = dialog.getDialogPane().lookupButton(add);
    addButton.setId("new-function-add");
    Runnable enable = () -> addButton.setDisable(form.made().isEmpty());
    form.message.textProperty().addListener((o, was, now) -> enable.run());
    enable.run();
    dialog.setResultConverter(b -> b == add ? form.made().orElse(null) : null);
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
      dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
    }
    return dialog.showAndWait();
  }
}
