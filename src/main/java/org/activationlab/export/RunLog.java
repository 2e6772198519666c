package org.activationlab.export;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.training.TrainingSnapshot;

/**
 * The statistics of the run on screen, kept for {@link TrainingStatsWriter} (the format of {@code
 * train --stats}): one record per snapshot shown, at most {@value #CAPACITY}; when full, every
 * other record is dropped (the first stays), so a long run keeps its whole span at a coarser
 * spacing. A reset or a new network starts a new log; live setting changes (e.g. the
 * learning rate) continue it, and the file then records the scenario in force at its end.
 */
public final class RunLog {

  /** Records kept at most: per-neuron lists of a 16 × 64 network make a record ~10 kB. */
  public static final int CAPACITY = 1024;

  private final List<Record> records = new ArrayList<>();
  private TrainingSnapshot last;

  /** Adds the snapshot's record (ignored when it shows the same step as the last one). */
  public void add(TrainingSnapshot s) {
    if (last != null && s.runId() != last.runId()) {
      clear(); // a reset or a new network: a live change of settings keeps the run
    }
    if (last != null && s.step() == last.step() && !records.isEmpty()) {
      return;
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
    records.add(Record.of(s));
  }

  public void clear() {
    records.clear();
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
    return new TrainingStatsWriter.Run(last.scenario(), Layer.of(last), records,
        last.diverged() ? last.divergedAtStep() : -1);
  }
}
