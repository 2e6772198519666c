package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.activationlab.nn.DataSplit;
import org.activationlab.nn.Dataset;
import org.activationlab.nn.Evaluation;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.OutputGrid;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.StepStatistics;
import org.activationlab.nn.TrainingSession;

/**
 * One synchronous, deterministic training run of a {@link Scenario}: it owns the {@link
 * TrainingSession} and steps it with a divergence check and a history, and measures it into an
 * immutable {@link TrainingSnapshot}. The trainer thread and every command-line command drive a
 * {@code Run}; nobody else measures a session. Not thread-safe: one thread owns a run.
 *
 * <p>Divergence ({@link Divergence} has the definition): a non-finite loss or gradient, a batch
 * loss far above the first one, or a weight beyond a bound ends the run: {@link #step()} then
 * returns false until {@link #reset()}.
 *
 * <p>Step 0: a snapshot before any step shows the gradients of the first mini-batch (the first
 * {@code min(batchSize, training size)} training samples in stored order) without an update.
 */
public final class Run {
  /** Grid resolution of the decision boundary (2-D) or curve samples (1-D) on screen. */
  public static final int GRID_RESOLUTION = 64;
  /** A batch loss above this multiple of the first step's is a blow-up. */
  public static final double LOSS_BLOW_UP_FACTOR = 1000;
  /** The first step's loss counts as at least this (a tiny first loss is no yardstick). */
  public static final double LOSS_FLOOR = 0.01;
  /** A weight or bias beyond ± this is a blow-up (healthy presets stay below 10). */
  public static final double WEIGHT_BOUND = 1e6;
  /** Steps between two checks of the weights (a check reads every parameter). */
  public static final int WEIGHT_CHECK_INTERVAL = 64;

  private static final AtomicLong IDS = new AtomicLong();

  private Scenario scenario;
  private final DataSplit data;
  private final TrainingSession session;
  private final HistoryBuffer history;
  /** The gradients of step 0 (no step has filled the session's own statistics yet). */
  private final StepStatistics initial;
  private final ProbeStatistics probe;
  private final Evaluation trainEval = new Evaluation();
  private final Evaluation testEval = new Evaluation();
  private OutputGrid grid;
  private GridSnapshot gridSnapshot;
  private Divergence divergence;
  /** The first step's batch loss: the yardstick of a blow-up. */
  private double firstLoss = Double.NaN;
  private long id = IDS.incrementAndGet();
  /** Checkpoints and changes of settings: any past step can be rebuilt ({@link #at}). */
  private final Timeline timeline;
  /** The run that rebuilds past steps, kept so that scrubbing forward continues from it. */
  private Run replay;
  private Timeline.Entry replayFrom;

  /** A fresh run: data generated and network initialised from the scenario's seed. */
  public Run(Scenario scenario) {
    this(scenario, scenario.data());
  }

  private Run(Scenario scenario, DataSplit data) {
    this(scenario, data, null, null);
  }

  /** A run with the given history and timeline (a branch), or fresh ones when null. */
  private Run(Scenario scenario, DataSplit data, HistoryBuffer history, Timeline timeline) {
    this.session = scenario.session(data);
    this.scenario = scenario;
    this.data = data;
    Mlp net = session.network();
    this.history = history != null ? history
        : new HistoryBuffer(net.layerCount(), HistoryBuffer.DEFAULT_CAPACITY);
    this.initial = StepStatistics.of(net);
    this.probe = ProbeStatistics.of(net);
    if (timeline != null) {
      this.timeline = timeline;
    } else {
      this.timeline = new Timeline();
      this.timeline.start(session.checkpoint(), scenario);
    }
  }

  /**
   * A fresh run of {@code next}, sharing this run's data when the data settings are the same
   * (generating a large data set takes longer than building a network); other input features
   * are computed from the shared points.
   */
  public Run rebuilt(Scenario next) {
    if (!scenario.datasetSpec().equals(next.datasetSpec())) {
      return new Run(next, next.data());
    }
    return new Run(next, data.withFeatures(next.features()));
  }

  public Scenario scenario() {
    return scenario;
  }

  /** Steps since creation or reset. */
  public long stepCount() {
    return session.stepCount();
  }

  public boolean diverged() {
    return divergence != null;
  }

  /** The step at which the run diverged, or −1. */
  public long divergedAtStep() {
    return divergence == null ? -1 : divergence.step();
  }

  /** Why and when the run diverged, or null. */
  public Divergence divergence() {
    return divergence;
  }

  /** Whether the network has a 1-D or 2-D input, so that it has a decision-boundary grid. */
  public boolean hasGrid() {
    return data.spec().inputSize() <= 2;
  }

  /**
   * One mini-batch step, recorded in the history; returns false (and takes no step) once the run
   * has diverged, and false when this step made it diverge.
   */
  public boolean step() {
    if (diverged()) {
      return false;
    }
    double loss = session.step();
    StepStatistics s = session.stepStatistics();
    long k = session.stepCount();
    history.record(k, loss, Double.NaN, s.accuracy, s.gradMeanAbs, s.gradWeightRms);
    if (k == 1) {
      firstLoss = loss;
    }
    Divergence.Reason why = null;
    if (!Double.isFinite(loss) || !Double.isFinite(s.gradNorm)) {
      why = Divergence.Reason.NON_FINITE;
    } else if (loss > LOSS_BLOW_UP_FACTOR * Math.max(firstLoss, LOSS_FLOOR)) {
      why = Divergence.Reason.LOSS_BLOW_UP;
    } else if ((k == 1 || k % WEIGHT_CHECK_INTERVAL == 0) && !weightsWithinBound()) {
      why = Divergence.Reason.WEIGHTS;
    }
    if (why != null) {
      divergence = new Divergence(k, why);
      return false;
    }
    if (timeline.due(k)) {
      timeline.add(session.checkpoint());
    }
    return true;
  }

  private boolean weightsWithinBound() {
    for (double w : session.network().parameters()) {
      if (!(Math.abs(w) <= WEIGHT_BOUND)) { // NaN fails too
        return false;
      }
    }
    return true;
  }

  /** Re-initialises the network from the seed; clears the history and any divergence. */
  public void reset() {
    session.reset();
    history.clear();
    gridSnapshot = null;
    divergence = null;
    firstLoss = Double.NaN;
    id = IDS.incrementAndGet();
    timeline.start(session.checkpoint(), scenario);
    replay = null;
  }

  /**
   * Applies {@code next}'s settings live (learning rate, optimiser, batch size, activations),
   * keeping weights, step and history.
   *
   * @throws IllegalArgumentException if {@code next} needs a new network ({@link
   *     Scenario#needsRebuild}); use {@link #rebuilt} then
   */
  public void configure(Scenario next) {
    if (scenario.needsRebuild(next)) {
      throw new IllegalArgumentException("these settings need a new network");
    }
    if (!next.equals(scenario)) {
      timeline.change(session.stepCount(), next);
    }
    apply(next);
  }

  /** Applies the live settings of {@code next} to the session. */
  private void apply(Scenario next) {
    if (next.batchSize() != scenario.batchSize()) {
      session.setBatchSize(next.batchSize());
    }
    if (!next.optimizerSpec().equals(scenario.optimizerSpec())) {
      session.setOptimizer(next.optimizerSpec());
    }
    for (int l = 0; l < next.hidden().size(); l++) {
      if (!next.activationOf(l).equals(scenario.activationOf(l))) {
        session.setActivation(l, next.hiddenActivations().get(l));
      }
    }
    scenario = next;
  }

  /**
   * The run as it was after step {@code step} (0 … {@link #stepCount()}), rebuilt exactly: the
   * nearest checkpoint before it is restored into a second run, which repeats the steps (with
   * the same changes of settings at the same steps) and is measured like this one; the history
   * is this run's up to that step. This run is not touched. Scrubbing forward continues from
   * the previous answer instead of the checkpoint when it can.
   *
   * @throws IllegalArgumentException for a step outside 0 … {@link #stepCount()}
   */
  public TrainingSnapshot at(long step) {
    if (step < 0 || step > stepCount()) {
      throw new IllegalArgumentException("step " + step + " is outside 0.." + stepCount());
    }
    if (step == stepCount()) {
      return snapshot();
    }
    // from a checkpoint before the step, so that the last step is replayed and measured
    Timeline.Entry from = timeline.atOrBefore(Math.max(0, step - 1));
    boolean continues = replay != null && replayFrom == from && replay.stepCount() <= step
        && (step == 0 || replay.stepCount() < step);
    if (!continues) {
      replay = new Run(timeline.scenarioAt(from), data);
      replay.session.restore(from.checkpoint());
      replay.firstLoss = firstLoss;
      replayFrom = from;
    }
    replay.advanceTo(step, timeline.changesAfter(from));
    if (gridSnapshot != null) {
      replay.refreshGrid(gridSnapshot.resolution());
    }
    TrainingSnapshot s = replay.snapshot(false);
    Divergence shown = divergence != null && divergence.step() <= step ? divergence : null;
    return new TrainingSnapshot(TrainingSnapshot.Status.IDLE, id, s.step(), s.epoch(),
        s.scores(), s.layers(), s.grid(), s.weights(), data, s.scenario(),
        history.snapshot().upTo(step), shown, null);
  }

  /**
   * Steps this (restored) run on to {@code step} exactly as the original went: each change of
   * settings applied after the step it followed; statistics measured on the last step only
   * (they do not change the arithmetic of a step).
   */
  private void advanceTo(long step, List<Timeline.Change> changes) {
    session.setStatisticsEnabled(false);
    while (stepCount() < step) {
      for (Timeline.Change c : changes) {
        if (c.step() == stepCount()) {
          apply(c.scenario());
        }
      }
      session.setStatisticsEnabled(stepCount() == step - 1);
      session.step();
    }
    session.setStatisticsEnabled(true);
  }

  /**
   * A new run that continues from step {@code step} of this one ("continue from here"): the
   * same state bit for bit (rebuilt like {@link #at}), the settings in force then, this run's
   * history and checkpoints up to that step. This run stays as it is, so the old branch can be
   * shown again; the branch gets a run id of its own.
   *
   * @throws IllegalArgumentException for a step outside 0 … {@link #stepCount()}
   */
  public Run branchAt(long step) {
    if (step < 0 || step > stepCount()) {
      throw new IllegalArgumentException("step " + step + " is outside 0.." + stepCount());
    }
    Timeline.Entry from = timeline.atOrBefore(Math.max(0, step - 1));
    Timeline kept = timeline.copyUpTo(step);
    Run b = new Run(timeline.scenarioAt(from), data, history.copyUpTo(step), kept);
    b.session.restore(from.checkpoint());
    b.firstLoss = firstLoss;
    b.advanceTo(step, kept.changesAfter(from));
    if (gridSnapshot != null) {
      b.refreshGrid(gridSnapshot.resolution());
    }
    return b;
  }

  /** Bytes the checkpoints hold (for the performance notes). */
  public long timelineBytes() {
    return timeline.bytes();
  }

  /**
   * Recomputes the decision boundary at {@code resolution} (ignored without a grid); the
   * following snapshots show it until the next call (none before the first call: the boundary
   * costs thousands of forward passes, and a statistics record does not need it).
   */
  public void refreshGrid(int resolution) {
    if (!hasGrid()) {
      return;
    }
    if (grid == null || grid.resolution != resolution) {
      grid = OutputGrid.of(data, session.network(), resolution);
    }
    session.outputGrid(grid);
    gridSnapshot = GridSnapshot.of(grid);
  }

  /**
   * Measures the run now (gradients of the last step, probe statistics, loss over the training
   * and test sets) into a snapshot with the newest grid and a copy of the history. Marks the run
   * diverged ({@link Divergence.Reason#TRAINING_LOSS}) when the training loss or a weight is not
   * finite although no step's check fired.
   */
  public TrainingSnapshot snapshot() {
    return snapshot(true);
  }

  /**
   * As {@link #snapshot()}; without the history when {@code withHistory} is false (its copy is
   * the largest part of a snapshot, and a statistics record does not need it).
   */
  public TrainingSnapshot snapshot(boolean withHistory) {
    if (session.stepCount() > 0) {
      session.measureUpdateRatios();
    }
    StepStatistics stats = session.stepCount() == 0 ? initialGradients()
        : session.stepStatistics();
    if (session.stepCount() == 0 && history.size() == 0) {
      history.record(0, stats.loss, Double.NaN, stats.accuracy, stats.gradMeanAbs,
          stats.gradWeightRms);
    }
    session.probe(probe);
    session.evaluate(data.train(), trainEval);
    session.evaluateTest(testEval);
    if (!diverged() && (!Double.isFinite(trainEval.loss) || !session.network().isFinite())) {
      divergence = new Divergence(session.stepCount(), Divergence.Reason.TRAINING_LOSS);
    }
    history.recordTest(testEval.loss, testEval.accuracy);
    Mlp net = session.network();
    List<LayerSnapshot> layers = new ArrayList<>(net.layerCount());
    for (int l = 0; l < net.layerCount(); l++) {
      boolean out = l == net.layerCount() - 1;
      layers.add(LayerSnapshot.of(l, out, out ? "output" : net.activation(l).spec(), stats,
          probe));
    }
    return new TrainingSnapshot(TrainingSnapshot.Status.IDLE, id, session.stepCount(),
        session.epoch(), new TrainingSnapshot.Scores(trainEval.loss, testEval.loss,
            testEval.accuracy), layers, gridSnapshot, WeightsSnapshot.of(net), data, scenario,
        withHistory ? history.snapshot() : null, divergence, null);
  }

  /**
   * The gradient statistics of "step 0": forward and backward over the first mini-batch without
   * an update; the session is unchanged.
   */
  private StepStatistics initialGradients() {
    Mlp net = session.network();
    Dataset train = data.train();
    int m = Math.min(session.batchSize(), train.size());
    Mlp.Workspace ws = net.newWorkspace(m);
    double[] inputs = new double[m * net.inputSize()];
    train.copyNetworkInputs(0, m, inputs);
    double[] targets = new double[m * net.targetWidth()];
    train.copyTargets(0, m, targets);
    net.loadInputs(ws, inputs, 0, m);
    initial.loss = net.gradient(ws, targets, m, initial);
    initial.step = 0;
    initial.accuracy = net.task().isClassification()
        ? (double) net.correct(ws, targets, m) / m : Double.NaN;
    return initial;
  }
}
