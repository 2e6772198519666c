package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.nn.TrainingSession;

/**
 * What it takes to rebuild any past step of a run exactly: bounded checkpoints and the list of
 * live changes of settings. A checkpoint is taken every {@link #interval()} steps; when there
 * would be more than {@link #MAX_CHECKPOINTS}, the interval doubles and every other one goes, so
 * a run of n steps keeps at most 64 (the one at step 0 always) and a replay takes fewer than
 * about 2n/64 steps. A change of settings is recorded with the step after which it was applied
 * and how many changes came before each checkpoint, so a replay applies the same settings at the
 * same steps as the run did.
 */
final class Timeline {
  static final int MAX_CHECKPOINTS = 64;
  static final long FIRST_INTERVAL = 16;

  /** Settings applied after step {@code step}. */
  record Change(long step, Scenario scenario) {}

  /** A checkpoint, taken after the first {@code changes} changes. */
  record Entry(TrainingSession.Checkpoint checkpoint, int changes) {
    long step() {
      return checkpoint.steps();
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private long interval = FIRST_INTERVAL;

  /** Starts over from a run at step 0 with settings {@code s}. */
  void start(TrainingSession.Checkpoint c, Scenario s) {
    entries.clear();
    changes.clear();
    interval = FIRST_INTERVAL;
    changes.add(new Change(c.steps(), s));
    entries.add(new Entry(c, 1));
  }

  long interval() {
    return interval;
  }

  int size() {
    return entries.size();
  }

  /** Whether a checkpoint is due after step {@code step}. */
  boolean due(long step) {
    return step % interval == 0;
  }

  void add(TrainingSession.Checkpoint c) {
    entries.add(new Entry(c, changes.size()));
    while (entries.size() > MAX_CHECKPOINTS) {
      interval *= 2;
      Entry first = entries.get(0);
      entries.removeIf(e -> e != first && e.step() % interval != 0);
    }
  }

  /** Settings changed after step {@code step}. */
  void change(long step, Scenario s) {
    changes.add(new Change(step, s));
  }

  /** The newest checkpoint at or before {@code step}. */
  Entry atOrBefore(long step) {
    Entry best = entries.get(0);
    for (Entry e : entries) {
      if (e.step() <= step) {
        best = e;
      }
    }
    return best;
  }

  /** The settings in force when {@code e} was taken. */
  Scenario scenarioAt(Entry e) {
    return changes.get(e.changes() - 1).scenario();
  }

  /** The changes made after {@code e} was taken, oldest first. */
  List<Change> changesAfter(Entry e) {
    return changes.subList(e.changes(), changes.size());
  }

  /**
   * The timeline of a branch from step {@code step}: the checkpoints up to it and the changes
   * made before it (a change after step {@code step} itself belongs to the old branch).
   */
  Timeline copyUpTo(long step) {
    Timeline t = new Timeline();
    t.interval = interval;
    for (Change c : changes) {
      if (c.step() < step || t.changes.isEmpty()) {
        t.changes.add(c);
      }
    }
    for (Entry e : entries) {
      if (e.step() <= step && e.changes() <= t.changes.size()) {
        t.entries.add(e);
      }
    }
    return t;
  }

  /** Bytes held by the checkpoints' arrays, roughly. */
  long bytes() {
    long b = 0;
    for (Entry e : entries) {
      b += e.checkpoint().bytes();
    }
    return b;
  }
}
