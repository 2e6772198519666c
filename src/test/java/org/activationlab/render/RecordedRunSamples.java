package org.activationlab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;

/**
 * Recorded runs shaped like real PyTorch models, for the run viewer's pictures: a wide MLP with
 * long module names and no test set, and a deep one with hundreds of layers.
 */
final class RecordedRunSamples {

  private RecordedRunSamples() {}

  /**
   * {@code layers} linear layers of {@code width} units (the last: 10 outputs), {@code records}
   * records every 50 steps; gradients shrink towards the input, a late layer half dies.
   */
  static RecordedRun probeLike(int layers, int width, int records, String activation) {
    Random rnd = new Random(7);
    List<RecordedLayer> ls = new ArrayList<>();
    for (int l = 1; l <= layers; l++) {
      boolean out = l == layers;
      ls.add(new RecordedLayer(l, out ? "classifier.head" : "encoder.layers." + (l - 1) + ".mlp.fc",
          out ? "output" : "hidden", "linear", out ? 10 : width, out ? "identity" : activation));
    }
    RecordedRun run = RecordedRun.start(RecordedRun.Source.PYTORCH_PROBE,
        Map.of("torch", "1.13.1", "every", "50"), ls);
    List<RecordedStep> steps = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      List<LayerRecord> values = new ArrayList<>();
      for (int l = 0; l < layers; l++) {
        int w = ls.get(l).width();
        double scale = Math.pow(10, -8.0 * (layers - 1 - l) / layers) * Math.exp(-i / 40.0);
        double[] g = new double[w];
        boolean[] dead = new boolean[w];
        double sum = 0;
        int deadCount = 0;
        for (int j = 0; j < w; j++) {
          dead[j] = l == layers - 3 && i > records / 2 && j % 3 != 0;
          g[j] = dead[j] ? 0 : scale * Math.exp(rnd.nextGaussian());
          sum += g[j];
          deadCount += dead[j] ? 1 : 0;
        }
        long[] counts = new long[ProbeStatistics.BINS];
        for (int b = 0; b < counts.length; b++) {
          counts[b] = (long) (1000 * Math.exp(-Math.pow((b - 16 - l % 5) / 4.0, 2)));
        }
        values.add(LayerRecord.builder().gradMeanAbs(sum / w).gradWeightRms(scale * 0.3)
            .updateRatio(i == 0 ? Double.NaN : 1e-3 * Math.exp(-i / 30.0))
            .deadFraction((double) deadCount / w).inactiveFraction(0.4)
            .saturatedFraction(Double.NaN).activationMean(0.2).activationStd(0.5)
            .neuronGradMeanAbs(g).dead(dead)
            .histogram(new LayerRecord.Histogram(-8, 8, counts, 3, 1)).build());
      }
      steps.add(new RecordedStep(50L * i, 2.3 * Math.exp(-i / 25.0) + 0.1, Double.NaN,
          Double.NaN, values));
    }
    return run.append(steps).finished(-1);
  }
}
