package org.activationlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.activationlab.activation.Catalog;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The update-to-weight ratio the optimiser rebuilds from its state against the one measured
 * directly: parameters copied before the step, compared with those after it.
 */
class UpdateRatioTest {

  static List<Arguments> optimisers() {
    List<Arguments> all = new java.util.ArrayList<>();
    for (OptimizerSpec.Kind kind : OptimizerSpec.Kind.values()) {
      for (double decay : new double[] {0, 0.05}) {
        for (double clip : new double[] {0, 0.3}) {
          all.add(Arguments.of(kind, decay, clip));
        }
      }
    }
    return all;
  }

  @ParameterizedTest(name = "{0} decay {1} clip {2}")
  @MethodSource("optimisers")
  void rebuiltRatioEqualsTheMeasuredOne(OptimizerSpec.Kind kind, double decay, double clip) {
    Mlp net = new Mlp(new NetworkSpec(2, List.of(5, 3),
        List.of(Catalog.get("tanh").withDefaults()), Task.BINARY, 1,
        Initializer.parse("glorot_normal"), Initializer.zeros()));
    Optimizer o = new Optimizer(OptimizerSpec.of(kind, 0.05).withWeightDecay(decay)
        .withClipNorm(clip), net.parameterCount());
    double[] out = new double[net.layerCount()];
    o.updateRatios(net, new double[net.parameterCount()], out);
    assertThat(out[0]).as("no step yet").isNaN();
    SplittableRandom r = new SplittableRandom(3);
    double[] g = new double[net.parameterCount()];
    double[] before = null;
    for (int step = 0; step < 4; step++) {
      for (int k = 0; k < g.length; k++) {
        g[k] = r.nextGaussian() * 0.2;
      }
      before = net.parameters().clone();
      o.step(net, g, null);
    }
    o.updateRatios(net, g, out);
    double[] after = net.parameters();
    for (int l = 0; l < net.layerCount(); l++) {
      double du = 0;
      double w = 0;
      for (int k = net.weightOffset(l); k < net.biasOffset(l); k++) {
        du += (after[k] - before[k]) * (after[k] - before[k]);
        w += before[k] * before[k];
      }
      double measured = Math.sqrt(du / w);
      assertThat(out[l]).as("layer %d", l).isCloseTo(measured, within(1e-9 * measured));
    }
  }

  @Test
  void aSnapshotCarriesTheLastStepsRatio() {
    Scenario sc = Scenario.defaults().withSettings(Map.of("hidden", "6,4",
        "optimizer", "adam", "learningRate", "0.01"));
    Run run = new Run(sc);
    Mlp layout = sc.session().network();
    assertThat(run.snapshot().layers().get(0).updateRatio()).as("step 0").isNaN();
    for (int k = 0; k < 9; k++) {
      run.step();
    }
    double[] before = run.snapshot().weights().parameters();
    run.step();
    TrainingSnapshot s = run.snapshot();
    double[] after = s.weights().parameters();
    for (int l = 0; l < s.layers().size(); l++) {
      double[] wb = s.weights().layerWeights(l);
      int off = layout.weightOffset(l);
      double du = 0;
      double w = 0;
      for (int k = 0; k < wb.length; k++) {
        du += Math.pow(after[off + k] - before[off + k], 2);
        w += before[off + k] * before[off + k];
      }
      double measured = Math.sqrt(du / w);
      assertThat(s.layers().get(l).updateRatio()).isCloseTo(measured, within(1e-9 * measured));
    }
    // Adam's first steps move every weight by about the learning rate
    assertThat(s.layers().get(0).updateRatio()).isBetween(1e-4, 1.0);
  }
}
