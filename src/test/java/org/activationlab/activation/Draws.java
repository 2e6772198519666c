package org.activationlab.activation;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Shared test helpers: random and corner parameter values inside the slider ranges. */
final class Draws {

  private Draws() {}

  /** Any catalog function bound to random parameter values from its slider ranges. */
  static Arbitrary<Activation> boundFunctions() {
    return Arbitraries.of(Catalog.all()).flatMap(Draws::bound);
  }

  static Arbitrary<Activation> bound(ActivationFunction f) {
    if (f.parameters().isEmpty()) {
      return Arbitraries.just(f.withDefaults());
    }
    List<Arbitrary<Double>> values = new ArrayList<>();
    for (Parameter p : f.parameters()) {
      values.add(p.kind() == Parameter.Kind.BOOLEAN
          ? Arbitraries.of(0.0, 1.0)
          : Arbitraries.doubles().between(p.sliderMin(), p.sliderMax()));
    }
    return Combinators.combine(values)
        .as(v -> f.bind(v.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  /** Defaults plus every function at its all-minimum and all-maximum slider corners. */
  static List<Activation> defaultsAndCorners() {
    List<Activation> out = new ArrayList<>();
    for (ActivationFunction f : Catalog.all()) {
      out.add(f.withDefaults());
      if (!f.parameters().isEmpty()) {
        out.add(f.bind(f.parameters().stream().mapToDouble(Parameter::sliderMin).toArray()));
        out.add(f.bind(f.parameters().stream().mapToDouble(Parameter::sliderMax).toArray()));
      }
    }
    return out;
  }

  /** Declared value and derivative breaks of a bound function. */
  static double[] breaks(Activation a) {
    double[] v = a.function().valueDiscontinuities(a.parameterValues());
    double[] d = a.function().derivativeDiscontinuities(a.parameterValues());
    double[] all = new double[v.length + d.length];
    System.arraycopy(v, 0, all, 0, v.length);
    System.arraycopy(d, 0, all, v.length, d.length);
    return all;
  }
}
