package org.activationlab.ui.explorer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;

/**
 * A function shown in the Explorer: its current parameter values and its palette slot, which stays
 * the same while it is shown so its colour does not jump when others are added or removed.
 */
public final class ShownFunction {

  private final ActivationFunction function;
  private final int paletteSlot;
  private final ReadOnlyObjectWrapper<Activation> activation;

  ShownFunction(ActivationFunction function, int paletteSlot) {
    this.function = function;
    this.paletteSlot = paletteSlot;
    this.activation = new ReadOnlyObjectWrapper<>(function.withDefaults());
  }

  public ActivationFunction function() {
    return function;
  }

  public int paletteSlot() {
    return paletteSlot;
  }

  /** The function bound to the current parameter values; replaced on every parameter change. */
  public ReadOnlyObjectProperty<Activation> activationProperty() {
    return activation.getReadOnlyProperty();
  }

  public Activation activation() {
    return activation.get();
  }

  /**
   * Sets one parameter.
   *
   * @throws IllegalArgumentException if the value is outside the parameter's valid range; the
   *     current values are then unchanged
   */
  public void setParameter(int index, double value) {
    double[] values = activation.get().parameterValues();
    values[index] = value;
    activation.set(function.bind(values));
  }

  /** Restores every parameter to its default. */
  public void resetParameters() {
    activation.set(function.withDefaults());
  }
}
