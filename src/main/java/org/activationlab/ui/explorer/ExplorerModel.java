package org.activationlab.ui.explorer;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.formula.FormulaFunction;
import org.activationlab.export.ExplorerState;
import org.activationlab.render.Palette;
import org.activationlab.render.Viewport;

/**
 * The Explorer's state: which functions are shown (at most {@link #MAX_SHOWN}) with their
 * parameters, which one the info card describes, the f/f' toggles and the softmax inputs. The
 * views observe it, and a scenario file saves and restores it whole.
 */
public final class ExplorerModel {

  /** How many functions can be overlaid: one per palette colour. */
  public static final int MAX_SHOWN = 6;

  private final ObservableList<ShownFunction> shown = FXCollections.observableArrayList(
      s -> new Observable[] {s.activationProperty()});
  private final ObjectProperty<ActivationFunction> selected = new SimpleObjectProperty<>();
  private final BooleanProperty showValue = new SimpleBooleanProperty(true);
  private final BooleanProperty showDerivative = new SimpleBooleanProperty(true);
  private final ObservableList<Double> logits =
      FXCollections.observableArrayList(2.0, 1.0, 0.1, -1.0);
  private final DoubleProperty temperature = new SimpleDoubleProperty(1.0);
  private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(Viewport.DEFAULT);
  /** The user's own functions (typed as formulas), listed after the catalog's. */
  private final ObservableList<ActivationFunction> custom = FXCollections.observableArrayList();

  /** Starts with sigmoid, tanh and ReLU shown and sigmoid described. */
  public ExplorerModel() {
    for (String id : new String[] {"sigmoid", "tanh", "relu"}) {
      Catalog.find(id).ifPresent(this::show);
    }
    if (!shown.isEmpty()) {
      selected.set(shown.get(0).function());
    }
  }

  /** Shown functions in the order they were added; fires updates when parameters change. */
  public ObservableList<ShownFunction> shown() {
    return shown;
  }

  public Optional<ShownFunction> find(ActivationFunction f) {
    return shown.stream().filter(s -> s.function() == f).findFirst();
  }

  public boolean isShown(ActivationFunction f) {
    return find(f).isPresent();
  }

  /**
   * Shows a function with default parameters in its home colour ({@link Palette#home}), or the
   * next free one when a shown function already has it.
   *
   * @return false if {@link #MAX_SHOWN} functions are already shown (nothing changes)
   */
  public boolean show(ActivationFunction f) {
    addCustom(f);
    if (isShown(f)) {
      return true;
    }
    if (shown.size() >= MAX_SHOWN) {
      return false;
    }
    // its home colour (the same in every view), or the next free one if a shown function has it
    BitSet used = new BitSet();
    shown.forEach(s -> used.set(s.paletteSlot()));
    shown.add(new ShownFunction(f, Palette.slotFor(f.id(), used)));
    return true;
  }

  /** The user's own functions, in the order they were made or opened. */
  public ObservableList<ActivationFunction> custom() {
    return custom;
  }

  /** Lists a user formula among the functions (nothing for a catalog function or a known one). */
  public void addCustom(ActivationFunction f) {
    if (FormulaFunction.isFormula(f) && !custom.contains(f)) {
      custom.add(f);
    }
  }

  public void hide(ActivationFunction f) {
    shown.removeIf(s -> s.function() == f);
  }

  /** The function the info card describes (shown or not). */
  public ObjectProperty<ActivationFunction> selectedProperty() {
    return selected;
  }

  public BooleanProperty showValueProperty() {
    return showValue;
  }

  public BooleanProperty showDerivativeProperty() {
    return showDerivative;
  }

  /** Softmax logits z_1..z_k, 3 ≤ k ≤ 6. */
  public ObservableList<Double> logits() {
    return logits;
  }

  /** Softmax temperature T &gt; 0. */
  public DoubleProperty temperatureProperty() {
    return temperature;
  }

  /** The plot's visible range (zoom, pan and the axis fields change it). */
  public ObjectProperty<Viewport> viewportProperty() {
    return viewport;
  }

  /** The state as a scenario file saves it. */
  public ExplorerState toState() {
    List<String> specs = shown.stream().map(f -> f.activation().spec()).toList();
    ActivationFunction described = selected.get() != null ? selected.get()
        : shown.isEmpty() ? Catalog.get("sigmoid") : shown.get(0).function();
    Viewport v = viewport.get();
    // a shown formula is saved with its current values as its defaults (its spec): described by
    // that spec, it opens as the same entry as the shown one
    String describedId = FormulaFunction.isFormula(described) && isShown(described)
        ? find(described).orElseThrow().activation().spec() : described.id();
    return new ExplorerState(specs, describedId, showValue.get(), showDerivative.get(),
        v.xMin(), v.xMax(), v.yMin(), v.yMax(), List.copyOf(logits), temperature.get());
  }

  /** Shows exactly what {@code state} describes (a validated state: nothing here can fail). */
  public void apply(ExplorerState state) {
    shown.clear();
    for (String spec : state.functions()) {
      Activation a = Catalog.parse(spec);
      show(a.function());
      ShownFunction f = find(a.function()).orElseThrow();
      double[] values = a.parameterValues();
      for (int i = 0; i < values.length; i++) {
        f.setParameter(i, values[i]);
      }
    }
    ActivationFunction described = Catalog.get(state.selected());
    addCustom(described);
    selected.set(described);
    showValue.set(state.showValue());
    showDerivative.set(state.showDerivative());
    viewport.set(new Viewport(state.xMin(), state.xMax(), state.yMin(), state.yMax()));
    logits.setAll(state.logits());
    temperature.set(state.temperature());
  }
}
