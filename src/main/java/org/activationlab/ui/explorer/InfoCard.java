package org.activationlab.ui.explorer;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.ActivationProperties;
import org.activationlab.activation.Interval;
import org.activationlab.activation.PropertyAnalysis;
import org.activationlab.ui.I18n;
import org.activationlab.ui.FormulaView;
import org.activationlab.ui.ThemeManager;

/**
 * Describes the selected function: typeset f and f′, its numerically computed properties for the
 * current parameters, and what it is for.
 */
final class InfoCard extends VBox {

  private final org.activationlab.ui.ViewListeners listeners =
      new org.activationlab.ui.ViewListeners();

  private static final float FORMULA_SIZE = 19f;
  /**
   * The card's width less its padding: wider formulas are set smaller to fit, never below the body
   * size (see {@link FormulaView#show}).
   */
  private static final double FORMULA_MAX_WIDTH = 325;

  private final ExplorerModel model;
  private final ThemeManager themes;
  private final Label title = new Label();
  private final Label ids = new Label();
  private final FormulaView valueFormula = new FormulaView();
  private final FormulaView derivativeFormula = new FormulaView();
  private final GridPane properties = new GridPane();
  private final Label parametersNote = new Label();
  private final Label description = new Label();

  InfoCard(ExplorerModel model, ThemeManager themes) {
    super(8);
    this.model = model;
    this.themes = themes;
    setId("info-card");
    getStyleClass().add("info-card");
    setPadding(new Insets(8));
    title.getStyleClass().add("info-title");
    title.setStyle("-fx-font-size: 1.4em; -fx-font-weight: bold;");
    ids.getStyleClass().add("hint");
    properties.getStyleClass().add("properties-grid");
    properties.setId("properties-grid");
    properties.setHgap(8);
    properties.setVgap(3);
    description.setWrapText(true);
    description.setId("function-description");
    parametersNote.setWrapText(true);
    parametersNote.getStyleClass().add("hint");
    getChildren().addAll(title, ids, section("explorer.info.formulas"), valueFormula,
        derivativeFormula, section("explorer.info.properties"), parametersNote, properties,
        section("explorer.info.description"), description);
    for (javafx.beans.Observable o : new javafx.beans.Observable[] {model.selectedProperty(),
        model.shown(), themes.changes()}) {
      listeners.on(o, this::refresh);
    }
    refresh();
  }

  private static Label section(String key) {
    Label l = new Label(I18n.text(key));
    l.getStyleClass().add("section-title");
    return l;
  }

  /** The selected function with the parameters it is shown with, or its defaults. */
  private Activation current() {
    ActivationFunction f = model.selectedProperty().get();
    return model.find(f).map(ShownFunction::activation).orElseGet(f::withDefaults);
  }

  private void refresh() {
    ActivationFunction f = model.selectedProperty().get();
    if (f == null) {
      return;
    }
    Activation a = current();
    title.setText(f.displayName());
    ids.setText(f.id() + (f.aliases().isEmpty() ? "" : " · " + String.join(", ", f.aliases())));
    setFormula(valueFormula, f.latexValue());
    setFormula(derivativeFormula, f.latexDerivative());
    parametersNote.setText(f.parameters().isEmpty() ? ""
        : I18n.text("explorer.info.parametersAt", a.spec()));
    parametersNote.setManaged(!f.parameters().isEmpty());
    fillProperties(PropertyAnalysis.analyse(a));
    addUndefined(a);
    description.setText(org.activationlab.activation.formula.FormulaFunction.isFormula(f)
        ? I18n.text("explorer.info.formula") : f.description(I18n.locale()));
  }

  /** Typesets a formula at the theme's size (larger in presentation mode). */
  private void setFormula(FormulaView view, String latex) {
    org.activationlab.render.Theme theme = themes.renderTheme();
    double scale = theme.fontSize() / org.activationlab.render.Theme.light().fontSize();
    view.show(latex, (float) (FORMULA_SIZE * scale),
        theme.withBackground(new java.awt.Color(0, 0, 0, 0)), FORMULA_MAX_WIDTH * scale);
  }

  private void fillProperties(ActivationProperties p) {
    properties.getChildren().clear();
    int row = 0;
    row = add(row, "prop.range", rangeText(p));
    row = add(row, "prop.bounded", boundedText(p));
    row = add(row, "prop.zeroCentred", yesNo(p.zeroCentred()));
    row = add(row, "prop.monotonic", yesNo(p.monotonic()));
    row = add(row, "prop.smooth", yesNo(p.smooth()));
    row = add(row, "prop.maxSlope", maxSlopeText(p));
    if (p.hasInteriorMinimum()) {
      row = add(row, "prop.minimum",
          number(p.interiorMinimum()) + "  (x = " + number(p.interiorMinimumAt()) + ")");
    }
    add(row, "prop.saturation", saturationText(p.saturationRegions()));
  }

  /** A row saying where the function has no value (a typed formula's log of a negative). */
  private void addUndefined(Activation a) {
    java.util.List<double[]> gaps = org.activationlab.activation.Undefined.stretches(a);
    if (gaps.isEmpty()) {
      return;
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (double[] g : gaps.subList(0, Math.min(3, gaps.size()))) {
      String from = number(g[0]).replace('-', '−'); // one minus sign, whole numbers too
      String to = number(g[1]).replace('-', '−');
      parts.add(g[0] == g[1] ? "x = " + from : "[" + from + ", " + to + "]");
    }
    String more = gaps.size() > 3 ? " …" : "";
    add(properties.getRowCount(), "prop.undefined",
        I18n.text("prop.undefinedAt", String.join(" ∪ ", parts) + more));
  }

  private int add(int row, String key, String value) {
    Label name = new Label(I18n.text(key));
    name.getStyleClass().add("property-name");
    name.setWrapText(true); // at most 10.5 em wide (app.css): grows with presentation mode
    Label v = new Label(value);
    v.setWrapText(true);
    v.setId("prop-" + key.substring("prop.".length()));
    properties.addRow(row, name, v);
    return row + 1;
  }

  static String rangeText(ActivationProperties p) {
    return (p.rangeMinAttained() ? "[" : "(") + number(p.rangeMin()) + ", " + number(p.rangeMax())
        + (p.rangeMaxAttained() ? "]" : ")");
  }

  /**
   * Where the slope peaks: a point, a plateau with its ends included only where f′ reaches the
   * maximum (ReLU: "for x > 0", since f′(0) = 0), everywhere (constant |f′|), or only far out in a
   * tail.
   */
  static String maxSlopeText(ActivationProperties p) {
    String value = number(p.maxAbsDerivative());
    double at = p.argMaxAbsDerivative();
    List<ActivationProperties.Span> where = p.steepest();
    if (where.size() == 1 && where.get(0).isPoint() && !where.get(0).fromIncluded()) {
      return I18n.text("prop.maxSlopeTail", value, number(where.get(0).from()));
    }
    if (!where.isEmpty() && !where.get(0).isPoint()) {
      return I18n.text("prop.maxSlopeFor", value, String.join(I18n.text("prop.or"),
          where.stream().map(InfoCard::spanText).toList()));
    }
    if (Double.isNaN(at)) {
      return I18n.text("prop.maxSlopeEverywhere", value);
    }
    if (Double.isInfinite(at)) {
      return I18n.text("prop.maxSlopeTail", value, at > 0 ? "+∞" : "−∞");
    }
    return I18n.text("prop.maxSlopeAt", value, number(at));
  }

  /** E.g. {@code x > 0}, {@code x ≥ 0}, {@code −3 < x < 3}, {@code x ≤ 1}. */
  static String spanText(ActivationProperties.Span s) {
    String left = Double.isInfinite(s.from()) ? ""
        : number(s.from()) + (s.fromIncluded() ? " ≤ " : " < ");
    String right = Double.isInfinite(s.to()) ? ""
        : (s.toIncluded() ? " ≤ " : " < ") + number(s.to());
    if (left.isEmpty()) {
      return "x" + right;
    }
    if (right.isEmpty()) {
      return "x" + (s.fromIncluded() ? " ≥ " : " > ") + number(s.from());
    }
    return left + "x" + right;
  }

  private static String boundedText(ActivationProperties p) {
    if (p.boundedBelow() && p.boundedAbove()) {
      return I18n.text("prop.yes");
    }
    if (p.boundedBelow()) {
      return I18n.text("prop.boundedBelow");
    }
    if (p.boundedAbove()) {
      return I18n.text("prop.boundedAbove");
    }
    return I18n.text("prop.boundedNeither");
  }

  private static String saturationText(List<Interval> regions) {
    if (regions.isEmpty()) {
      return I18n.text("prop.saturation.none");
    }
    return regions.stream()
        .map(r -> (Double.isInfinite(r.from()) ? "(" : "[") + number(r.from()) + ", "
            + number(r.to()) + (Double.isInfinite(r.to()) ? ")" : "]"))
        .collect(Collectors.joining(" ∪ "));
  }

  private static String yesNo(boolean b) {
    return I18n.text(b ? "prop.yes" : "prop.no");
  }

  /** Four significant digits; ∞ for infinities. */
  static String number(double v) {
    if (v == Double.POSITIVE_INFINITY) {
      return "∞";
    }
    if (v == Double.NEGATIVE_INFINITY) {
      return "−∞";
    }
    if (Double.isNaN(v)) {
      return "—";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (!s.contains("e") && s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.replace('-', '−');
  }
}
