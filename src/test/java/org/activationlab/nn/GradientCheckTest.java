package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.activation.Activation;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backprop against central finite differences of the loss, for every catalog activation (plus
 * test-only ones for the generic path) × every task: central differences with h = 1e-6, relative
 * error |a − b| / max(1e-8, |a| + |b|) ≤ 1e-6, except where |a − b| is below the quotient's own
 * rounding error (≤ 1e-9 · max(1, L)). Pre-activations are kept at least 1e-3 away from the
 * function's declared kinks by redrawing parameters and inputs.
 */
class GradientCheckTest {
  private static final double H = 1e-6;
  private static final double MARGIN = 1e-3;
  private static final double TOLERANCE = 1e-6;
  /** 8 + 4 + 2 + 1: exercises every blocking path of the dense loops. */
  private static final int BATCH = 15;
  private static final double ROUNDING_FLOOR = 1e-9;

  static Stream<Arguments> cases() {
    List<Activation> acts = new ArrayList<>();
    for (ActivationFunction f : Catalog.all()) {
      acts.add(f.withDefaults());
      // a non-default parameter value too, where the slider offers one
      if (!f.parameters().isEmpty()) {
        double[] v = f.defaults();
        var p = f.parameters().get(0);
        double alt = p.sliderMin() + 0.37 * (p.sliderMax() - p.sliderMin());
        if (p.accepts(alt) && p.kind() == org.activationlab.activation.Parameter.Kind.REAL) {
          v[0] = alt;
          acts.add(f.bind(v));
        }
      }
    }
    acts.add(TestActivations.ownTanh());
    acts.add(TestActivations.genericTanh());
    acts.add(TestActivations.softplus());
    List<Arguments> out = new ArrayList<>();
    for (Activation a : acts) {
      out.add(Arguments.of(a.spec() + " [" + a.function().id() + "]", a, Task.BINARY,
          List.of(3, 3), 1));
      out.add(Arguments.of(a.spec() + " [" + a.function().id() + "]", a, Task.MULTICLASS,
          List.of(3), 3));
      out.add(Arguments.of(a.spec() + " [" + a.function().id() + "]", a, Task.REGRESSION,
          List.of(3, 2), 2));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} × {2}")
  @MethodSource("cases")
  void backpropMatchesFiniteDifferences(String name, Activation f, Task task, List<Integer> hidden,
      int outputs) {
    NetworkSpec spec = new NetworkSpec(2, hidden, List.of(f), task, outputs,
        Initializer.normal(0.9), Initializer.normal(0.5));
    Mlp net = new Mlp(spec);
    Mlp.Workspace ws = net.newWorkspace(BATCH);
    double[] targets = new double[BATCH * net.targetWidth()];
    double[] kinks = f.function().derivativeDiscontinuities(f.parameterValues());
    long seed = 1;
    int attempts = 0;
    while (true) {
      if (++attempts > 200) {
        fail("could not keep pre-activations away from the kinks of " + name);
      }
      seed++;
      net.initialize(seed);
      Rng rng = new Rng(seed * 31);
      for (int i = 0; i < ws.input.length; i++) {
        ws.input[i] = rng.uniform(-1, 1);
      }
      for (int b = 0; b < BATCH; b++) {
        for (int k = 0; k < net.targetWidth(); k++) {
          targets[b * net.targetWidth() + k] = switch (task) {
            case BINARY -> b % 2;
            case MULTICLASS -> b % outputs;
            case REGRESSION -> rng.uniform(-1, 1);
          };
        }
      }
      net.forward(ws, BATCH);
      if (farFromKinks(net, ws, kinks)) {
        break;
      }
    }
    double loss = net.gradient(ws, targets, BATCH, null);
    assertTrue(Double.isFinite(loss));
    double[] analytic = ws.gradients.clone();
    double[] p = net.parameters();
    double worst = 0;
    int worstAt = -1;
    for (int k = 0; k < p.length; k++) {
      double orig = p[k];
      p[k] = orig + H;
      net.forward(ws, BATCH);
      double plus = net.loss(ws, targets, BATCH, false);
      p[k] = orig - H;
      net.forward(ws, BATCH);
      double minus = net.loss(ws, targets, BATCH, false);
      p[k] = orig;
      double numeric = (plus - minus) / (2 * H);
      double abs = Math.abs(numeric - analytic[k]);
      double rel = abs / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic[k]));
      // the difference quotient itself carries a rounding error of about ε·|L|/h ≈ 1e-10, so
      // components below ~1e-4 are judged by an absolute bound of 10× that instead
      if (abs <= ROUNDING_FLOOR * Math.max(1, Math.abs(loss))) {
        rel = 0;
      }
      if (rel > worst) {
        worst = rel;
        worstAt = k;
      }
    }
    assertTrue(worst <= TOLERANCE, name + " " + task + ": relative error " + worst
        + " at parameter " + worstAt + " (analytic " + (worstAt < 0 ? 0 : analytic[worstAt]) + ")");
    // the gradient is not trivially zero
    double norm = 0;
    for (double g : analytic) {
      norm += g * g;
    }
    assertTrue(norm > 0, "gradient is all zero");
  }

  private static boolean farFromKinks(Mlp net, Mlp.Workspace ws, double[] kinks) {
    for (int l = 0; l < net.layerCount() - 1; l++) {
      double[] z = ws.preActivations(l);
      for (int t = 0; t < BATCH * net.width(l); t++) {
        for (double k : kinks) {
          if (Math.abs(z[t] - k) < MARGIN) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
