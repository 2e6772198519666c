package org.activationlab.nn;

import org.activationlab.activation.AbstractActivation;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;

/** Test-only activations for functions the catalog may not have yet. */
final class TestActivations {
  private TestActivations() {}

  /** tanh from the catalog if present, else a test-only tanh (id {@code tanh}). */
  static Activation tanh() {
    return Catalog.find("tanh").map(ActivationFunction::withDefaults).orElseGet(TestActivations::ownTanh);
  }

  /** A tanh under the id {@code tanh}, which the engine's specialised kernel recognises. */
  static Activation ownTanh() {
    return tanhFunction("tanh").withDefaults();
  }

  /** A tanh under an id no kernel knows, so it runs through the generic array path. */
  static Activation genericTanh() {
    return tanhFunction("tanh_test").withDefaults();
  }

  /** softplus, smooth everywhere, through the generic path. */
  static Activation softplus() {
    return ActivationFunction.builder("softplus_test", "Softplus (test)")
        .latex("\\log(1+e^x)", "\\sigma(x)")
        .factory((f, p) -> new AbstractActivation(f, p) {
          @Override
          public double value(double x) {
            return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
          }

          @Override
          public double derivative(double x) {
            return org.activationlab.activation.SpecialFunctions.sigmoid(x);
          }
        })
        .build()
        .withDefaults();
  }

  private static ActivationFunction tanhFunction(String id) {
    return ActivationFunction.builder(id, "Tanh (test)")
        .latex("\\tanh x", "1 - \\tanh^2 x")
        .factory((f, p) -> new AbstractActivation(f, p) {
          @Override
          public double value(double x) {
            return Math.tanh(x);
          }

          @Override
          public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
          }
        })
        .build();
  }
}
