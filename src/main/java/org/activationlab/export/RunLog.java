package org.activationlab.export;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.LayerRecord;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.TrainingSnapshot;

/**
 * The statistics of the run on screen, kept for {@link TrainingStatsWriter} (the format of {@code
 * train --stats}): one record per snapshot shown, at most {@value #CAPACITY}; when full, every
 * other record is dropped (the first stays), so a long run keeps its whole span at a coarser
 * spacing. A reset or a new network starts a new log.
 */
public final class RunLog {

  /** Records kept at most: per-neuron lists of a 16 × 64 network make a record ~10 kB. */
  public static final int CAPACITY = 1024;

  private final List<Record> records = new ArrayList<>();
  private TrainingSnapshot first;
  private TrainingSnapshot last;

  /** Adds the snapshot's record (ignored when it shows the same step as the last one). */
  public void add(TrainingSnapshot s) {
    if (last != null && (s.step() < last.step() || !s.scenario().equals(last.scenario())
        || !sameShape(s, last))) {
      clear();
    }
    if (last != null && s.step() == last.step() && !records.isEmpty()) {
      return;
    }
    if (first == null) {
      first = s;
    }
    last = s;
    if (records.size() == CAPACITY) {
      List<Record> kept = new ArrayList<>(CAPACITY / 2 + 1);
      for (int i = 0; i < records.size(); i += 2) {
        kept.add(records.get(i));
      }
      records.clear();
      records.addAll(kept);
    }
    records.add(record(s));
  }

  public void clear() {
    records.clear();
    first = null;
    last = null;
  }

  public int size() {
    return records.size();
  }

  /** The run so far; null when nothing was recorded. */
  public TrainingStatsWriter.Run run() {
    if (last == null) {
      return null;
    }
    return new TrainingStatsWriter.Run(last.scenario(), layers(last), records,
        last.diverged() ? last.divergedAtStep() : -1);
  }

  private static boolean sameShape(TrainingSnapshot a, TrainingSnapshot b) {
    if (a.layers().size() != b.layers().size()) {
      return false;
    }
    for (int l = 0; l < a.layers().size(); l++) {
      if (a.layers().get(l).width() != b.layers().get(l).width()) {
        return false;
      }
    }
    return true;
  }

  /** The record of a snapshot: what {@code train --stats} writes for that step. */
  public static Record record(TrainingSnapshot s) {
    List<LayerRecord> layers = new ArrayList<>();
    for (LayerSnapshot l : s.layers()) {
      layers.add(new LayerRecord(l.gradMeanAbs(), l.gradWeightRms(), l.deadFraction(),
          l.saturatedFraction(), l.activationMean(), l.activationStd(), l.neuronGradMeanAbs(),
          l.dead()));
    }
    return new Record(s.step(), s.trainLoss(), s.testLoss(), s.accuracy(), layers);
  }

  /** The layer descriptions of a snapshot, as {@link Layer#of} gives them for a network. */
  public static List<Layer> layers(TrainingSnapshot s) {
    String output = TrainingStatsWriter.outputActivation(s.data().spec().kind().task());
    List<Layer> out = new ArrayList<>();
    for (LayerSnapshot l : s.layers()) {
      out.add(new Layer(l.index() + 1, l.output() ? "output" : "hidden", l.width(),
          l.output() ? output : l.activation()));
    }
    return List.copyOf(out);
  }
}
