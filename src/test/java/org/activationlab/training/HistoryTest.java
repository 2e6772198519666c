package org.activationlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryTest {

  @Test
  void memoryStaysBoundedAfterAMillionSteps() {
    HistoryBuffer b = new HistoryBuffer(3, 512);
    double[] g = {1, 2, 3};
    double[] w = {4, 5, 6};
    for (long step = 1; step <= 1_000_000; step++) {
      b.record(step, 1.0 / step, Double.NaN, 0.5, g, w);
    }
    History h = b.snapshot();
    assertThat(h.size()).isLessThanOrEqualTo(512).isGreaterThan(256);
    assertThat(h.capacity()).isEqualTo(512);
    assertThat(h.recorded()).isEqualTo(1_000_000);
    // smallest power of two stride with 1e6 / stride ≤ 512
    assertThat(h.stride()).isEqualTo(2048);
    assertThat(h.firstStep(0)).isEqualTo(1);
    assertThat(h.lastStep(h.size() - 1)).isEqualTo(1_000_000);
    for (int c = 1; c < h.size(); c++) {
      assertThat(h.firstStep(c)).isEqualTo(h.lastStep(c - 1) + 1);
    }
    assertThat(h.gradMeanAbs(2, 100)).isEqualTo(3.0);
    assertThat(h.gradWeightRms(0, 100)).isEqualTo(4.0);
    assertThat(Double.isNaN(h.testLoss(5))).isTrue();
    // column means: loss of column 0 = mean of 1/step over its steps
    double sum = 0;
    for (long s = h.firstStep(0); s <= h.lastStep(0); s++) {
      sum += 1.0 / s;
    }
    assertThat(h.loss(0)).isCloseTo(sum / (h.lastStep(0) - h.firstStep(0) + 1),
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void mergingKeepsMeansExact() {
    HistoryBuffer b = new HistoryBuffer(1, 4);
    for (int step = 1; step <= 9; step++) {
      b.record(step, step, step % 2 == 0 ? 10 * step : Double.NaN, Double.NaN, null, null);
    }
    History h = b.snapshot();
    // 9 steps, capacity 4 → stride 4: columns [1-4], [5-8], [9]
    assertThat(h.stride()).isEqualTo(4);
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.loss(0)).isEqualTo(2.5);
    assertThat(h.loss(1)).isEqualTo(6.5);
    assertThat(h.loss(2)).isEqualTo(9);
    assertThat(h.testLoss(0)).isEqualTo(30); // mean of 20 and 40
    assertThat(Double.isNaN(h.gradMeanAbs(0, 0))).isTrue();
    b.clear();
    assertThat(b.snapshot().size()).isZero();
  }

  @Test
  void testLossAndAccuracyMeasuredNowAndThenAverageWithinTheirColumns() {
    HistoryBuffer b = new HistoryBuffer(1, 4);
    b.record(1, 0.9, Double.NaN, 0.5, null, null);
    b.recordTest(0.8, 0.6);
    b.record(2, 0.7, Double.NaN, 0.5, null, null);
    b.record(3, 0.6, Double.NaN, 0.5, null, null);
    b.recordTest(0.4, 0.8);
    History h = b.snapshot();
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.testAccuracy(0)).isEqualTo(0.6);
    assertThat(h.testAccuracy(1)).isNaN();
    assertThat(h.testLoss(2)).isEqualTo(0.4);
    // merged columns average the measured values only
    for (int s = 4; s <= 6; s++) {
      b.record(s, 0.5, Double.NaN, 0.5, null, null);
    }
    History merged = b.snapshot();
    assertThat(merged.stride()).isEqualTo(2);
    assertThat(merged.testAccuracy(0)).isEqualTo(0.6);
    assertThat(merged.testAccuracy(1)).isEqualTo(0.8);
  }
}
