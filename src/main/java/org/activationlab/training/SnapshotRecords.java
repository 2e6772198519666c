package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.Task;

/**
 * Our own run's snapshots as a {@link RecordedRun}: the same numbers {@code train --stats}
 * writes, so a run of ours can be shown by the run viewer without a file (and tests can check
 * the viewer's pictures against the Lab's).
 */
public final class SnapshotRecords {

  private SnapshotRecords() {}

  /** The layers of the snapshot's network, named by their number, the output last. */
  public static List<RecordedLayer> layers(TrainingSnapshot s) {
    String output = outputTransform(s.data().spec().task());
    List<RecordedLayer> out = new ArrayList<>();
    for (LayerSnapshot l : s.layers()) {
      out.add(new RecordedLayer(l.index() + 1, String.valueOf(l.index() + 1),
          l.output() ? "output" : "hidden", "dense", l.width(),
          l.output() ? output : l.activation()));
    }
    return out;
  }

  /** The output layer's transform of a task: sigmoid, softmax or identity. */
  public static String outputTransform(Task task) {
    return task == Task.BINARY ? "sigmoid" : task == Task.MULTICLASS ? "softmax" : "identity";
  }

  /** The snapshot's record: every value {@code train --stats} writes, and the histograms. */
  public static RecordedStep record(TrainingSnapshot s) {
    List<LayerRecord> layers = new ArrayList<>();
    for (LayerSnapshot l : s.layers()) {
      double[] grads = new double[l.width()];
      boolean[] dead = new boolean[l.width()];
      for (int j = 0; j < grads.length; j++) {
        grads[j] = l.neuronGrad(j);
        dead[j] = l.isDead(j);
      }
      long[] counts = new long[l.bins()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = l.histogram(i);
      }
      layers.add(LayerRecord.builder().gradMeanAbs(l.gradMeanAbs())
          .gradWeightRms(l.gradWeightRms()).updateRatio(l.updateRatio())
          .deadFraction(l.deadFraction()).inactiveFraction(l.inactiveFraction())
          .saturatedFraction(l.saturatedFraction()).activationMean(l.activationMean())
          .activationStd(l.activationStd()).neuronGradMeanAbs(grads).dead(dead)
          .histogram(new LayerRecord.Histogram(ProbeStatistics.HISTOGRAM_MIN,
              ProbeStatistics.HISTOGRAM_MAX, counts, l.below(), l.above()))
          .build());
    }
    return new RecordedStep(s.step(), s.scores().trainLoss(), s.scores().testLoss(),
        s.scores().accuracy(), layers);
  }

  /** A recorded run of the snapshots (in step order), finished as the last one ended. */
  public static RecordedRun run(List<TrainingSnapshot> snapshots) {
    TrainingSnapshot last = snapshots.get(snapshots.size() - 1);
    RecordedRun run = RecordedRun.start(RecordedRun.Source.ACTIVATION_LAB,
        Map.of("activation", last.scenario().activation()), layers(last));
    return run.append(snapshots.stream().map(SnapshotRecords::record).toList())
        .finished(last.diverged() ? last.divergedAtStep() : -1);
  }
}
