package org.activationlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatasetsTest {

  @ParameterizedTest
  @EnumSource(value = DatasetKind.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
  void sameSeedSameDataDifferentSeedDifferentData(DatasetKind kind) {
    DatasetSpec spec = new DatasetSpec(kind, 300, 0.1, 0.25, 42);
    DataSplit a = Datasets.generate(spec);
    DataSplit b = Datasets.generate(spec);
    DataSplit c = Datasets.generate(new DatasetSpec(kind, 300, 0.1, 0.25, 43));
    assertArrayEquals(a.train().inputs(), b.train().inputs(), 0.0);
    assertArrayEquals(a.train().targets(), b.train().targets(), 0.0);
    assertArrayEquals(a.test().inputs(), b.test().inputs(), 0.0);
    assertFalse(Arrays.equals(a.train().inputs(), c.train().inputs()));
  }

  @ParameterizedTest
  @EnumSource(value = DatasetKind.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
  void sizesAndSplit(DatasetKind kind) {
    DataSplit d = Datasets.generate(new DatasetSpec(kind, 301, 0.0, 0.2, 7));
    assertEquals(60, d.test().size());
    assertEquals(241, d.train().size());
    assertEquals(kind.inputSize(), d.train().inputSize());
    assertEquals(241 * kind.inputSize(), d.train().inputs().length);
    DataSplit none = Datasets.generate(new DatasetSpec(kind, 50, 0.0, 0.0, 7));
    assertEquals(50, none.train().size());
    assertEquals(0, none.test().size());
  }

  @ParameterizedTest
  @EnumSource(value = DatasetKind.class, names = {"SINE", "CUSTOM"}, mode = EnumSource.Mode.EXCLUDE)
  void classesAreBalancedAndInputsScaled(DatasetKind kind) {
    DataSplit d = Datasets.generate(new DatasetSpec(kind, 600, 0.0, 0.3, 3));
    int k = kind.classes();
    for (int c = 0; c < k; c++) {
      int total = d.train().count(c) + d.test().count(c);
      assertEquals(600 / k, total, kind + " class " + c);
      // the random split keeps the training part balanced-ish
      double share = (double) d.train().count(c) / d.train().size();
      assertTrue(Math.abs(share - 1.0 / k) < 0.08, kind + " class " + c + " share " + share);
    }
    for (int f = 0; f < 2; f++) {
      assertTrue(d.min(f) >= -1.0 && d.max(f) <= 1.0, kind + " feature " + f);
      assertTrue(d.max(f) - d.min(f) > 0.5, kind + " uses the range");
    }
  }

  @Test
  void circleLabelsFollowTheRadius() {
    Dataset d = Datasets.generate(new DatasetSpec(DatasetKind.CIRCLE, 400, 0.0, 0.0, 1)).train();
    for (int i = 0; i < d.size(); i++) {
      double r = Math.hypot(d.input(i, 0), d.input(i, 1));
      assertEquals(r < 0.6 ? 1 : 0, d.label(i));
    }
  }

  @Test
  void xorLabelsFollowTheQuadrant() {
    Dataset d = Datasets.generate(new DatasetSpec(DatasetKind.XOR, 400, 0.0, 0.0, 1)).train();
    for (int i = 0; i < d.size(); i++) {
      assertEquals(d.input(i, 0) * d.input(i, 1) > 0 ? 1 : 0, d.label(i));
    }
  }

  @Test
  void sineTargetsAreTheSineWithoutNoiseAndNoisyWithIt() {
    Dataset clean = Datasets.generate(new DatasetSpec(DatasetKind.SINE, 200, 0.0, 0.0, 5)).train();
    for (int i = 0; i < clean.size(); i++) {
      assertEquals(Math.sin(Math.PI * clean.input(i, 0)), clean.target(i), 1e-15);
    }
    Dataset noisy = Datasets.generate(new DatasetSpec(DatasetKind.SINE, 2000, 0.2, 0.0, 5)).train();
    double sq = 0;
    for (int i = 0; i < noisy.size(); i++) {
      double e = noisy.target(i) - Math.sin(Math.PI * noisy.input(i, 0));
      sq += e * e;
    }
    assertEquals(0.2, Math.sqrt(sq / noisy.size()), 0.02);
  }

  @Test
  void noiseMovesPoints() {
    DataSplit clean = Datasets.generate(new DatasetSpec(DatasetKind.MOONS, 100, 0.0, 0.0, 9));
    DataSplit noisy = Datasets.generate(new DatasetSpec(DatasetKind.MOONS, 100, 0.1, 0.0, 9));
    assertFalse(Arrays.equals(clean.train().inputs(), noisy.train().inputs()));
    assertArrayEquals(clean.train().targets(), noisy.train().targets(), 0.0);
  }

  @Test
  void badSpecsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new DatasetSpec(DatasetKind.CIRCLE, 2, 0, 0.2, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new DatasetSpec(DatasetKind.CIRCLE, 100, -0.1, 0.2, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new DatasetSpec(DatasetKind.CIRCLE, 100, 0, 0.95, 1));
    assertThrows(IllegalArgumentException.class, () -> DatasetKind.parse("swiss_roll"));
    assertEquals(DatasetKind.SPIRAL3, DatasetKind.parse("Spiral3"));
  }
}
