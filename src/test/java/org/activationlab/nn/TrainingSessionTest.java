package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {
  private static final DataSplit CIRCLE =
      Datasets.generate(new DatasetSpec(DatasetKind.CIRCLE, 500, 0.05, 0.2, 21));

  private static NetworkSpec spec(Activation f, List<Integer> hidden) {
    return NetworkSpec.of(2, hidden, f, Task.BINARY, 1);
  }

  private static TrainingSession adamSession(long seed) {
    return new TrainingSession(spec(TestActivations.tanh(), List.of(8, 8)), CIRCLE,
        OptimizerSpec.adam(0.03), 16, seed);
  }

  @Test
  void sameSeedSameStepsGiveBitIdenticalWeights() {
    TrainingSession a = adamSession(5);
    TrainingSession b = adamSession(5);
    a.steps(300);
    b.steps(300);
    assertArrayEquals(a.network().parameters(), b.network().parameters(), 0.0);
    assertEquals(a.lastLoss(), b.lastLoss(), 0.0);
    TrainingSession c = adamSession(6);
    c.steps(300);
    assertFalse(Arrays.equals(a.network().parameters(), c.network().parameters()));
  }

  @Test
  void resetReplaysTheSameRun() {
    TrainingSession a = adamSession(8);
    a.steps(120);
    double[] first = a.network().parameters().clone();
    a.reset();
    assertEquals(0, a.stepCount());
    a.steps(120);
    assertArrayEquals(first, a.network().parameters(), 0.0);
  }

  @Test
  void statisticsDoNotChangeTheArithmetic() {
    for (OptimizerSpec.Kind kind : OptimizerSpec.Kind.values()) {
      OptimizerSpec opt = OptimizerSpec.of(kind, 0.01).withWeightDecay(1e-3);
      TrainingSession on = new TrainingSession(spec(TestActivations.tanh(), List.of(8, 8)), CIRCLE,
          opt, 13, 9);
      TrainingSession off = new TrainingSession(spec(TestActivations.tanh(), List.of(8, 8)), CIRCLE,
          opt, 13, 9);
      off.setStatisticsEnabled(false);
      on.steps(200);
      off.steps(200);
      assertArrayEquals(on.network().parameters(), off.network().parameters(), 0.0, kind.id());
      assertEquals(200, on.stepStatistics().step);
      assertEquals(0, off.stepStatistics().step, "statistics off: nothing recorded");
    }
  }

  @Test
  void batchingDoesNotChangeTheForwardPass() {
    Mlp net = Mlp.create(spec(TestActivations.tanh(), List.of(7, 5)), 3);
    double[] in = CIRCLE.train().inputs();
    int n = 31; // 3 blocks of 8, one of 4, one of 2, one single
    double[] together = new double[n];
    net.predict(in, n, together, net.newWorkspace(n));
    double[] alone = new double[n];
    net.predict(in, n, alone, net.newWorkspace(1));
    assertArrayEquals(together, alone, 0.0);
  }

  @Test
  void statisticsCopiesAreIndependent() {
    TrainingSession s = adamSession(3);
    s.steps(10);
    StepStatistics snap = s.stepStatistics().copy();
    double g = snap.gradMeanAbs[0];
    s.steps(5);
    assertEquals(g, snap.gradMeanAbs[0], 0.0);
    assertEquals(10, snap.step);
    StepStatistics again = StepStatistics.of(s.network());
    s.copyStepStatistics(again);
    assertEquals(15, again.step);
  }

  @Test
  void trainingLearnsTheCircle() {
    TrainingSession s = adamSession(1);
    Evaluation before = new Evaluation();
    s.evaluateTest(before);
    s.steps(1500);
    Evaluation after = new Evaluation();
    s.evaluateTest(after);
    assertEquals(100, after.samples);
    assertTrue(after.accuracy >= 0.95, "test accuracy " + after.accuracy);
    assertTrue(after.loss < before.loss / 4, before.loss + " → " + after.loss);
    Evaluation train = new Evaluation();
    s.evaluate(CIRCLE.train(), train);
    assertTrue(train.accuracy >= 0.95);
    double batchAccuracy = s.stepStatistics().accuracy;
    assertTrue(batchAccuracy >= 0.75 && batchAccuracy <= 1, "batch accuracy " + batchAccuracy);
    assertEquals(16 * batchAccuracy, Math.rint(16 * batchAccuracy), 1e-12, "k of 16 right");
  }

  @Test
  void spiral3IsLearntWithSoftmax() {
    DataSplit spiral = Datasets.generate(new DatasetSpec(DatasetKind.SPIRAL3, 600, 0.0, 0.2, 2));
    NetworkSpec spec = NetworkSpec.of(2, List.of(32, 32), TestActivations.tanh(), Task.MULTICLASS, 3);
    TrainingSession s = new TrainingSession(spec, spiral, OptimizerSpec.adam(0.01), 32, 4);
    s.steps(3000);
    Evaluation e = new Evaluation();
    s.evaluate(spiral.train(), e);
    assertTrue(e.accuracy >= 0.85, "spiral3 train accuracy " + e.accuracy);
  }

  @Test
  void sineIsFittedByRegression() {
    DataSplit sine = Datasets.generate(new DatasetSpec(DatasetKind.SINE, 300, 0.0, 0.2, 2));
    NetworkSpec spec = NetworkSpec.of(1, List.of(16, 16), TestActivations.tanh(), Task.REGRESSION, 1);
    TrainingSession s = new TrainingSession(spec, sine, OptimizerSpec.adam(0.01), 16, 4);
    s.steps(2000);
    Evaluation e = new Evaluation();
    s.evaluateTest(e);
    assertTrue(e.loss < 0.01, "sine test MSE " + e.loss);
    assertTrue(Double.isNaN(e.accuracy), "no accuracy for regression");
    OutputGrid g = OutputGrid.of(s.network(), 50);
    s.outputGrid(g);
    for (int ix = 0; ix < 50; ix++) {
      double x = g.x(ix);
      if (Math.abs(x) < 0.95) {
        assertEquals(Math.sin(Math.PI * x), g.value(ix, 0, 0), 0.2, "at x = " + x);
      }
    }
  }

  @Test
  void epochsAndPartialBatches() {
    DataSplit d = Datasets.generate(new DatasetSpec(DatasetKind.XOR, 400, 0.0, 0.0, 1));
    TrainingSession s = new TrainingSession(spec(Catalog.get("relu").withDefaults(), List.of(4)), d,
        OptimizerSpec.sgd(0.1), 30, 1);
    s.steps(14); // 13 × 30 + 10
    assertEquals(0, s.epoch());
    assertEquals(10, s.stepStatistics().batchSize);
    s.step();
    assertEquals(1, s.epoch());
    assertEquals(30, s.stepStatistics().batchSize);
    s.setBatchSize(64);
    s.step();
    assertEquals(64, s.stepStatistics().batchSize);
    assertThrows(IllegalArgumentException.class, () -> s.setBatchSize(401));
    assertThrows(IllegalArgumentException.class, () -> s.setBatchSize(0));
  }

  @Test
  void batchOfOneMeanAbsDeltaIsTheBiasGradient() {
    TrainingSession s = new TrainingSession(spec(Catalog.get("sigmoid").withDefaults(),
        List.of(5, 4)), CIRCLE, OptimizerSpec.sgd(0.1), 1, 2);
    Mlp net = s.network();
    Mlp.Workspace ws = net.newWorkspace(1);
    double[] before = net.parameters().clone();
    s.step();
    // recompute the same sample's gradient on the pre-step weights
    Mlp old = Mlp.create(net.spec(), 0);
    old.setParameters(before);
    StepStatistics st = s.stepStatistics();
    // find which sample was used: the one whose loss matches
    double[] t = new double[1];
    boolean found = false;
    for (int i = 0; i < CIRCLE.train().size() && !found; i++) {
      CIRCLE.train().copySample(i, ws.input, 0, t, 0);
      double loss = old.gradient(ws, t, 1, null);
      if (loss == st.loss) {
        found = true;
        for (int l = 0; l < net.layerCount(); l++) {
          for (int j = 0; j < net.width(l); j++) {
            assertEquals(Math.abs(ws.gradients[net.biasOffset(l) + j]),
                st.neuronGradMeanAbs[l][j], 0.0);
          }
        }
      }
    }
    assertTrue(found);
    assertTrue(st.activationStd[0] > 0);
    assertTrue(st.activationMean[0] > 0 && st.activationMean[0] < 1, "sigmoid outputs");
  }

  @Test
  void meanAbsDeltaIsAPerSampleMeanIndependentOfTheBatchSize() {
    Mlp net = Mlp.create(spec(Catalog.get("sigmoid").withDefaults(), List.of(5, 4)), 4);
    Dataset d = CIRCLE.train();
    // one sample alone, then the same sample four times in one batch
    Mlp.Workspace one = net.newWorkspace(1);
    StepStatistics s1 = StepStatistics.of(net);
    net.loadInputs(one, d.rawInputs(), 3, 1);
    net.gradient(one, new double[] {d.target(3)}, 1, s1);
    Mlp.Workspace four = net.newWorkspace(4);
    StepStatistics s4 = StepStatistics.of(net);
    double[] x = new double[8];
    for (int b = 0; b < 4; b++) {
      x[2 * b] = d.input(3, 0);
      x[2 * b + 1] = d.input(3, 1);
    }
    net.loadInputs(four, x, 0, 4);
    double t = d.target(3);
    net.gradient(four, new double[] {t, t, t, t}, 4, s4);
    for (int l = 0; l < net.layerCount(); l++) {
      for (int j = 0; j < net.width(l); j++) {
        assertEquals(s1.neuronGradMeanAbs[l][j], s4.neuronGradMeanAbs[l][j],
            1e-15 * s1.neuronGradMeanAbs[l][j]);
        // never below |∂L/∂b_j|
        assertTrue(s4.neuronGradMeanAbs[l][j] >= Math.abs(four.gradients[net.biasOffset(l) + j])
            * (1 - 1e-12));
      }
    }
    // two different samples with errors of opposite sign: the mean |δ| exceeds |∂L/∂b|
    Mlp.Workspace two = net.newWorkspace(2);
    StepStatistics s2 = StepStatistics.of(net);
    int i0 = 0;
    int i1 = 1;
    while (d.label(i1) == d.label(i0)) {
      i1++;
    }
    net.loadInputs(two, new double[] {d.input(i0, 0), d.input(i0, 1), d.input(i1, 0),
        d.input(i1, 1)}, 0, 2);
    net.gradient(two, new double[] {d.target(i0), d.target(i1)}, 2, s2);
    int out = net.outputLayer();
    assertTrue(s2.neuronGradMeanAbs[out][0] > Math.abs(two.gradients[net.biasOffset(out)]));
  }

  @Test
  void outputGridCoversTheDataAndMatchesPredict() {
    TrainingSession s = adamSession(2);
    s.steps(200);
    OutputGrid g = OutputGrid.of(s.network(), 64);
    s.outputGrid(g);
    assertTrue(g.xMin < CIRCLE.min(0) && g.xMax > CIRCLE.max(0));
    assertTrue(g.yMin < CIRCLE.min(1) && g.yMax > CIRCLE.max(1));
    double[] p = new double[1];
    s.network().predict(new double[] {g.x(10), g.y(40)}, 1, p, s.network().newWorkspace(1));
    assertEquals(p[0], g.value(10, 40, 0), 1e-15);
    double lo = 1;
    double hi = 0;
    for (double v : g.values) {
      assertTrue(v >= 0 && v <= 1);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    assertTrue(hi - lo > 0.5, "the boundary separates something");
    OutputGrid copy = g.copy();
    s.steps(50);
    s.outputGrid(g);
    assertNotEquals(copy.values[0], g.values[0]);
  }

  @Test
  void specMustFitTheData() {
    NetworkSpec multi = NetworkSpec.of(2, List.of(4), TestActivations.tanh(), Task.MULTICLASS, 3);
    assertThrows(IllegalArgumentException.class,
        () -> new TrainingSession(multi, CIRCLE, OptimizerSpec.sgd(0.1), 10, 1));
    NetworkSpec oneInput = NetworkSpec.of(1, List.of(4), TestActivations.tanh(), Task.BINARY, 1);
    assertThrows(IllegalArgumentException.class,
        () -> new TrainingSession(oneInput, CIRCLE, OptimizerSpec.sgd(0.1), 10, 1));
  }

  @Test
  void divergenceShowsAsNonFiniteLoss() {
    DataSplit sine = Datasets.generate(new DatasetSpec(DatasetKind.SINE, 200, 0.1, 0.0, 2));
    // tanh units cannot die, so a far too large step makes the linear output layer oscillate
    // with growing amplitude until the loss overflows
    NetworkSpec spec = NetworkSpec.of(1, List.of(16, 16), TestActivations.tanh(), Task.REGRESSION,
        1);
    TrainingSession s = new TrainingSession(spec, sine, OptimizerSpec.sgd(10), 16, 1);
    assertTrue(s.isFinite());
    double loss = s.steps(5000);
    assertTrue(s.stepCount() < 5000, "stops at the first non-finite loss");
    assertFalse(Double.isFinite(loss) && s.network().isFinite(), "loss " + loss);
    assertFalse(s.isFinite());
  }
}
