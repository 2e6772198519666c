package org.activationlab.activation;

/** Base of the bound functions: remembers the catalog entry and the parameter values. */
public abstract class AbstractActivation implements Activation {
  private final ActivationFunction function;
  private final double[] parameterValues;

  protected AbstractActivation(ActivationFunction function, double[] parameterValues) {
    this.function = function;
    this.parameterValues = parameterValues.clone();
  }

  @Override
  public final ActivationFunction function() {
    return function;
  }

  @Override
  public final double[] parameterValues() {
    return parameterValues.clone();
  }

  @Override
  public String toString() {
    return spec();
  }
}
