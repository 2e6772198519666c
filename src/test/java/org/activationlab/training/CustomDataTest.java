package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.activationlab.nn.DataPoints;
import org.activationlab.nn.DataSplit;
import org.activationlab.nn.DatasetKind;
import org.activationlab.nn.InputFeatures;
import org.activationlab.nn.SampleTrace;
import org.activationlab.nn.Task;
import org.junit.jupiter.api.Test;

/** The user's own points and Playground's input features, through Scenario and Run. */
class CustomDataTest {

  /** Two blobs typed by hand: class 0 around (−0.6, −0.4), class 1 around (0.5, 0.6). */
  static final double[][] BLOBS = {
      {-0.6, -0.4, 0}, {-0.7, -0.3, 0}, {-0.5, -0.5, 0}, {-0.65, -0.55, 0}, {-0.55, -0.25, 0},
      {-0.8, -0.45, 0}, {-0.45, -0.35, 0}, {-0.6, -0.6, 0}, {-0.7, -0.5, 0}, {-0.5, -0.3, 0},
      {0.5, 0.6, 1}, {0.6, 0.5, 1}, {0.4, 0.7, 1}, {0.55, 0.75, 1}, {0.45, 0.5, 1},
      {0.7, 0.65, 1}, {0.35, 0.55, 1}, {0.6, 0.8, 1}, {0.5, 0.45, 1}, {0.65, 0.6, 1}};

  static DataPoints blobs() {
    double[] xy = new double[2 * BLOBS.length];
    int[] labels = new int[BLOBS.length];
    for (int i = 0; i < BLOBS.length; i++) {
      xy[2 * i] = BLOBS[i][0];
      xy[2 * i + 1] = BLOBS[i][1];
      labels[i] = (int) BLOBS[i][2];
    }
    return DataPoints.classification(xy, labels);
  }

  static Scenario onBlobs() {
    return Scenario.defaults().toBuilder().points(blobs()).noise(0).batchSize(4).steps(200)
        .build();
  }

  @Test
  void aCustomDataSetTrainsAndSplitsBySeed() {
    Scenario s = onBlobs();
    assertThat(s.dataset()).isEqualTo(DatasetKind.CUSTOM);
    assertThat(s.samples()).isEqualTo(20);
    assertThat(s.setting("dataset")).isEqualTo("custom");
    DataSplit d = s.data();
    assertThat(d.train().size()).isEqualTo(16);
    assertThat(d.test().size()).isEqualTo(4);
    assertThat(d.train().task()).isEqualTo(Task.BINARY);
    // with noise 0 every sample is one of the typed points
    for (int i = 0; i < d.train().size(); i++) {
      double x = d.train().input(i, 0);
      double y = d.train().input(i, 1);
      assertThat(List.of(BLOBS).stream().anyMatch(p -> p[0] == x && p[1] == y)).isTrue();
    }
    assertThat(s.toBuilder().seed(2).build().data().train().inputs())
        .isNotEqualTo(d.train().inputs());
    Run run = new Run(s);
    double before = run.snapshot().scores().trainLoss();
    for (int i = 0; i < 200; i++) {
      assertThat(run.step()).isTrue();
    }
    TrainingSnapshot after = run.snapshot();
    assertThat(after.scores().trainLoss()).isLessThan(before / 4);
    assertThat(after.scores().accuracy()).isEqualTo(1.0);
    assertThat(after.layers().get(0).width()).isEqualTo(4); // probe statistics measured
  }

  @Test
  void sameCustomDataAndSeedGiveTheSameWeights() {
    Scenario noisy = onBlobs().withSetting("noise", "0.05");
    double[][] w = new double[2][];
    for (int k = 0; k < 2; k++) {
      Run run = new Run(Scenario.defaults().withSettings(java.util.Map.of(
          "points", noisy.setting("points"), "noise", "0.05", "batchSize", "4")));
      for (int i = 0; i < 50; i++) {
        run.step();
      }
      w[k] = run.snapshot().weights().parameters();
    }
    assertThat(w[0]).isEqualTo(w[1]);
  }

  @Test
  void noiseJittersTheUsersPointsFromItsOwnStream() {
    DataSplit clean = onBlobs().data();
    DataSplit noisy = onBlobs().withSetting("noise", "0.1").data();
    assertThat(noisy.train().inputs()).isNotEqualTo(clean.train().inputs());
    assertThat(noisy.train().targets()).isEqualTo(clean.train().targets()); // same order
  }

  @Test
  void settingsRoundTripAndSwitchingDataForgetsThePoints() {
    Scenario s = onBlobs().withSetting("features", "x1,x2,x1x2");
    Scenario.Builder copy = Scenario.defaults().toBuilder();
    for (String key : Scenario.KEYS) {
      copy.set(key, s.setting(key));
    }
    assertThat(copy.build()).isEqualTo(s);
    Scenario circle = s.withSetting("dataset", "circle");
    assertThat(circle.points()).isNull();
    assertThat(circle.setting("points")).isEmpty();
    assertThat(s.withSetting("dataset", "custom")).isEqualTo(s);
    assertThatThrownBy(() -> Scenario.defaults().withSetting("dataset", "custom"))
        .hasMessageStartingWith("dataset custom needs points");
    assertThatThrownBy(() -> s.withSetting("samples", "300"))
        .hasMessage("samples of custom data is the number of points (20; got 300)");
    assertThatThrownBy(() -> s.withSetting("points", "0,0,0;1,1,5;2,2,1;3,3,0"))
        .hasMessage("points:2: label 5 is not a class 0..2");
  }

  @Test
  void regressionPointsAndThreeClassesBuildTheirNetworks() {
    Scenario r = Scenario.defaults().withSettings(java.util.Map.of(
        "points", "-1,1;-0.5,0.25;0,0;0.5,0.25;1,1;0.25,0.0625", "batchSize", "2"));
    assertThat(r.networkSpec().inputSize()).isEqualTo(1);
    assertThat(r.networkSpec().task()).isEqualTo(Task.REGRESSION);
    assertThatThrownBy(() -> r.withSetting("features", "x1,x2,x1sq"))
        .hasMessage("input features are for 2-D data; custom has 1 input (features must be "
            + "x1,x2)");
    Run run = new Run(r);
    run.refreshGrid(16);
    assertThat(run.snapshot().grid().dimensions()).isEqualTo(1);
    Scenario three = Scenario.defaults().withSettings(java.util.Map.of(
        "points", "0,0,0;1,0,1;0,1,2;1,1,2;0.5,0.5,0", "batchSize", "2"));
    assertThat(three.networkSpec().outputSize()).isEqualTo(3);
    assertThat(new Run(three).step()).isTrue();
  }

  @Test
  void aComparisonRefusesOtherPointsAndBFollowsAsPoints() {
    Scenario a = onBlobs();
    Scenario other = a.withSetting("points", "0,0,0;1,0,1;0,1,0;1,1,1;0.5,0.5,1");
    assertThatThrownBy(() -> new Comparison(a, other.withSetting("batchSize", "4")))
        .hasMessage("A and B must train on the same data, but their data settings differ: "
            + "points (20 points, 2 classes) vs (5 points, 2 classes), samples 20 vs 5");
    Comparison c = new Comparison(a, a.withSetting("activation", "relu"));
    assertThat(c.describe()).isEqualTo("activation tanh → relu");
    Comparison moved = c.withA(other.withSetting("batchSize", "2"));
    assertThat(moved.b().points()).isEqualTo(other.points());
    // features may differ: the same points read through other features
    Comparison f = new Comparison(a, a.withSetting("features", "x1sq,x2sq"));
    assertThat(f.describe()).isEqualTo("features x1,x2 → x1sq,x2sq");
    assertThat(f.sameInitialWeights()).isFalse();
  }

  @Test
  void featuresNeedANewNetworkAndReachEveryInput() {
    Scenario s = Presets.get("playground").scenario();
    Scenario f = s.withSetting("features", "x1,x2,x1sq,x2sq,x1x2,sin1,sin2");
    assertThat(s.needsRebuild(f)).isTrue();
    assertThat(s.needsRebuild(s.withSetting("features", "x2,x1"))).isFalse();
    assertThat(f.networkSpec().inputSize()).isEqualTo(7);
    Run run = new Run(s).rebuilt(f);
    assertThat(run.snapshot().weights().inputSize()).isEqualTo(7);
    run.step();
    TrainingSnapshot snap = run.snapshot();
    SampleTrace t = SampleTraces.of(snap, SampleTraces.Split.TRAIN, 3);
    double x1 = snap.data().train().input(3, 0);
    double x2 = snap.data().train().input(3, 1);
    assertThat(t.input()).containsExactly(x1, x2, x1 * x1, x2 * x2, x1 * x2, Math.sin(x1),
        Math.sin(x2));
  }

  @Test
  void theBoundaryGridGoesThroughTheFeatures() {
    // one hidden unit cannot draw a circle from x1, x2, but from x1², x2² it is one line
    Scenario tiny = Scenario.defaults().toBuilder().hidden(List.of(1)).noise(0)
        .learningRate(0.1).build();
    Scenario squares = tiny.withSetting("features", "x1sq,x2sq");
    Run plain = new Run(tiny);
    Run features = new Run(squares);
    for (int i = 0; i < 1500; i++) {
      plain.step();
      features.step();
    }
    assertThat(features.snapshot().scores().accuracy()).isGreaterThan(0.97);
    assertThat(plain.snapshot().scores().accuracy()).isLessThan(0.85);
    features.refreshGrid(21);
    var grid = features.snapshot().grid();
    assertThat(grid.dimensions()).isEqualTo(2);
    // the centre is class 1 (inside radius 0.5), the corners class 0
    assertThat(grid.value(10, 10, 0)).isGreaterThan(0.9);
    for (int[] c : new int[][] {{0, 0}, {0, 20}, {20, 0}, {20, 20}}) {
      assertThat(grid.value(c[0], c[1], 0)).isLessThan(0.1);
    }
  }
}
