package org.activationlab.training;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Trains on its own daemon thread ({@value #THREAD_NAME}), which alone owns the {@link Run}: a
 * thread, a command queue and pacing around one run, nothing more. Other threads {@link #submit}
 * immutable {@link Command}s (queued, applied in order between steps) and read the newest immutable {@link TrainingSnapshot} with {@link
 * #latest()} (newest wins; no thread ever sees a half-built snapshot).
 *
 * <p>Publishing: while playing at most once per {@value #PUBLISH_INTERVAL_MS} ms; at once after a
 * pause, step, reset, rebuild, divergence or error, and after any command while paused. A
 * snapshot's measurements cost forward passes over the probe, training and test sets, and the
 * decision boundary over a whole grid, which for a large network takes far longer than a step;
 * so while playing the trainer keeps each within a share of its time: the statistics are
 * published at most every {@value #PUBLISH_COST_FACTOR} times their own cost, and the grid is
 * recomputed at most every {@value #GRID_INTERVAL_MS} ms and every {@value #GRID_COST_FACTOR}
 * times its cost (snapshots in between share the last grid). A snapshot published at once is
 * always measured in full. Speed:
 * with a limit the thread waits for the next step's due time in {@link BlockingQueue#poll(long,
 * TimeUnit)} (so a command wakes it at once); unlimited, it trains in slices of about {@value
 * #SLICE_MS} ms between looks at the queue. Paused, it blocks in {@link BlockingQueue#take()}.
 *
 * <p>A non-finite loss or weight pauses the run and publishes a diverged snapshot with the step
 * and a hint; {@link Command.Play} is then ignored until {@link Command.Reset} or a new
 * network ({@link Command.Configure}). An exception in a command or a step is caught and published as the snapshot's
 * {@code error}; the thread keeps running.
 *
 * <p>Comparing ({@link Command.Compare}): the thread owns a second run B and steps both in
 * lockstep, A then B, so every snapshot shows both at the same step (a diverged run stays at the
 * step where it stopped while the other goes on); each snapshot of A carries B's ({@link
 * TrainingSnapshot#compared()}). Played as fast as possible, B trains on a partner thread at
 * the same time as A, the same number of steps per slice, both joined before the next slice or
 * snapshot; otherwise this thread steps both.
 *
 * <p>Determinism: the same scenario and the same sequence of commands without {@link
 * Command.Play} give bit-identical results ({@link Command.Step} runs an exact count).
 */
public final class Trainer implements AutoCloseable {
  public static final String THREAD_NAME = "activation-lab-trainer";
  public static final long PUBLISH_INTERVAL_MS = 16;
  public static final long SLICE_MS = 4;
  /** Commands queued at most; {@link #submit} refuses more. */
  public static final int QUEUE_CAPACITY = 100_000;

  /** While playing, publishing takes at most 1/this of the trainer's time. */
  public static final int PUBLISH_COST_FACTOR = 5;
  /** While playing, the decision boundary is refreshed at most this often. */
  public static final long GRID_INTERVAL_MS = 100;
  /** While playing, the decision boundary takes at most 1/this of the trainer's time. */
  public static final int GRID_COST_FACTOR = 8;

  private static final long PUBLISH_INTERVAL_NANOS = PUBLISH_INTERVAL_MS * 1_000_000;
  private static final long GRID_INTERVAL_NANOS = GRID_INTERVAL_MS * 1_000_000;
  private static final long SLICE_NANOS = SLICE_MS * 1_000_000;

  private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicReference<TrainingSnapshot> latest = new AtomicReference<>();
  private final Object publishMonitor = new Object();
  private final Thread thread;
  /** Trains run B beside run A while comparing as fast as possible; made when first needed. */
  private volatile ExecutorService partner;
  private volatile boolean closing;

  // ------------------------------------------------ owned by the trainer thread after start()
  private Run run;
  /** Run B of a comparison (trained in lockstep with {@link #run}), or null. */
  private Run runB;
  private boolean playing;
  /** The past step shown instead of the live run (Command.View), or −1. */
  private long viewing = -1;
  /** The branch the run was continued from (or that was continued), kept until a reset. */
  private Run otherBranch;
  /** B's branch continued from at the same step, while comparing. */
  private Run otherBranchB;
  /** The step at which the two branches part, or −1. */
  private long branchStep = -1;
  /** Playing pauses on reaching this step: the scenario's designed step count, if still ahead. */
  private long stopAt = Long.MAX_VALUE;
  private double speed;
  private String error;
  private long commandsApplied;
  private long sequence;
  private long lastPublish;
  private long publishCost;
  private long lastGrid;
  private long gridCost;
  private long rateStart;
  private long rateSteps;
  private long meterTime;
  private long meterSteps;
  private double measuredRate;
  /** Steps per second of the last lockstep slice of two runs (sizes the next one). */
  private double pairRate;

  /**
   * A paused trainer for {@code scenario}; the first snapshot (step 0) is available from {@link
   * #latest()} when the constructor returns.
   *
   * @throws IllegalArgumentException if the scenario cannot be built
   */
  public Trainer(Scenario scenario) {
    run = new Run(scenario);
    publish();
    thread = new Thread(this::loop, THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues a command; returns false (and drops it) when the trainer is closed or the queue full.
   */
  public boolean submit(Command command) {
    if (command == null) {
      throw new IllegalArgumentException("command is required");
    }
    if (closing) {
      return false;
    }
    return queue.offer(command);
  }

  /** The newest snapshot (never null). */
  public TrainingSnapshot latest() {
    return latest.get();
  }

  /**
   * Waits until the newest snapshot satisfies {@code condition}, or the timeout passes.
   *
   * @throws TimeoutException if it does not within {@code timeout}
   */
  public TrainingSnapshot await(Predicate<TrainingSnapshot> condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (publishMonitor) {
      while (true) {
        TrainingSnapshot s = latest.get();
        if (condition.test(s)) {
          return s;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException("no matching snapshot within " + timeout + "; latest: step "
              + s.step() + ", commands " + s.status().commandsApplied());
        }
        TimeUnit.NANOSECONDS.timedWait(publishMonitor, left);
      }
    }
  }

  /** Whether the trainer thread is still running. */
  public boolean isAlive() {
    return thread.isAlive();
  }

  /** The trainer thread (for tests and diagnostics). */
  Thread thread() {
    return thread;
  }

  /** Sends {@link Command.Shutdown} and waits up to one second for the thread to end. */
  @Override
  public void close() {
    if (!closing) {
      closing = true;
      queue.clear();
      queue.offer(new Command.Shutdown());
    }
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(1000);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(200);
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
    ExecutorService p = partner; // after the trainer thread, which submits to it
    if (p != null) {
      p.shutdownNow();
    }
  }

  // ------------------------------------------------------------------------------ the loop

  private void loop() {
    try {
      while (!closing) {
        Command c;
        if (playing && anyTraining()) {
          long wait = nanosUntilDue();
          c = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
        } else {
          c = queue.take();
        }
        if (c != null) {
          boolean now = false;
          long drainStart = System.nanoTime();
          do {
            if (c instanceof Command.Shutdown) {
              return;
            }
            now |= applySafely(c);
            commandsApplied++;
            // a burst of commands is applied in parts, a snapshot between them, so the screen
            // still sees the run move (the rest stay queued, in order)
          } while (!closing && System.nanoTime() - drainStart < PUBLISH_INTERVAL_NANOS
              && (c = queue.poll()) != null);
          if (now || !playing) {
            publish();
          } else {
            maybePublish();
          }
          continue;
        }
        if (playing && anyTraining()) {
          try {
            trainSlice();
          } catch (RuntimeException e) {
            fail(e);
          }
          if (!playing || !anyTraining() || error != null) {
            publish();
          } else {
            maybePublish();
          }
        }
      }
    } catch (InterruptedException e) {
      // closing
    } catch (Throwable t) {
      error = "trainer stopped: " + t;
      playing = false;
      try {
        publish();
      } catch (Throwable ignored) {
        // nothing more can be reported
      }
    }
  }

  private void fail(RuntimeException e) {
    playing = false;
    error = e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Applies a command; returns whether a snapshot should be published at once. */
  private boolean applySafely(Command c) {
    try {
      return apply(c);
    } catch (RuntimeException e) {
      fail(e);
      return true;
    }
  }

  private boolean apply(Command c) {
    if (c instanceof Command.View v) {
      playing = false;
      viewing = v.step() < liveStep() ? v.step() : -1;
      return true;
    }
    if (c instanceof Command.ContinueFrom f) {
      playing = false;
      if (f.step() < liveStep()) {
        otherBranch = run;
        branchStep = f.step();
        run = run.branchAt(Math.min(f.step(), run.stepCount()));
        if (runB != null) {
          otherBranchB = runB;
          runB = runB.branchAt(Math.min(f.step(), runB.stepCount()));
        }
      }
      viewing = -1;
      error = null;
      return true;
    }
    if (c instanceof Command.SwitchBranch) {
      playing = false;
      viewing = -1;
      if (otherBranch != null) {
        Run was = run;
        run = otherBranch;
        otherBranch = was;
        if (runB != null && otherBranchB != null) {
          Run wasB = runB;
          runB = otherBranchB;
          otherBranchB = wasB;
        }
      }
      return true;
    }
    if (!(c instanceof Command.SetSpeed)) {
      viewing = -1; // play, step, reset and settings act on the live run: show it
    }
    if (c instanceof Command.Play) {
      if (anyTraining()) {
        playing = true;
        error = null;
        // a run plays to its scenario's step count and pauses there; Play again continues
        stopAt = liveStep() < run.scenario().steps() ? run.scenario().steps()
            : Long.MAX_VALUE;
        restartRate();
      }
      return false;
    }
    if (c instanceof Command.Pause) {
      playing = false;
      return true;
    }
    if (c instanceof Command.Step s) {
      playing = false;
      for (int i = 0; i < s.count() && !closing; i++) {
        if (!stepOnce()) {
          break;
        }
      }
      return true;
    }
    if (c instanceof Command.Reset) {
      otherBranch = null;
      otherBranchB = null;
      branchStep = -1;
      run.reset();
      if (runB != null) {
        runB.reset();
      }
      playing = false;
      error = null;
      return true;
    }
    if (c instanceof Command.Compare k) {
      compare(k);
      return true;
    }
    if (c instanceof Command.EndCompare) {
      runB = null;
      otherBranchB = null;
      return true;
    }
    if (c instanceof Command.Configure k) {
      boolean rebuild = k.fresh() || runB != null
          || run.scenario().needsRebuild(k.scenario());
      if (rebuild) {
        rebuild(k.scenario());
      } else {
        run.configure(k.scenario());
      }
      if (run.stepCount() < k.scenario().steps()) {
        stopAt = k.scenario().steps(); // a new or later stop step applies at once
      }
      return rebuild;
    }
    if (c instanceof Command.SetSpeed s) {
      speed = s.unlimited() ? 0 : s.stepsPerSecond();
      restartRate();
      return false;
    }
    return false;
  }

  /**
   * Starts or changes a comparison: both runs new at step 0 when it starts, when asked or when
   * either side needs a new network; otherwise each side's settings are applied live.
   */
  private void compare(Command.Compare k) {
    Comparison pair = k.pair();
    boolean rebuild = k.fresh() || runB == null || run.scenario().needsRebuild(pair.a())
        || runB.scenario().needsRebuild(pair.b());
    if (!rebuild) {
      run.configure(pair.a());
      runB.configure(pair.b());
      return;
    }
    Run nextA;
    Run nextB;
    try {
      nextA = run.rebuilt(pair.a());
      nextB = nextA.rebuilt(pair.b()); // shares A's data (Comparison: same data settings)
    } catch (OutOfMemoryError e) {
      throw new IllegalArgumentException("not enough memory for these networks", e);
    }
    run = nextA;
    runB = nextB;
    otherBranch = null;
    otherBranchB = null;
    branchStep = -1;
    error = null;
    if (run.stepCount() < pair.a().steps()) {
      stopAt = pair.a().steps();
    }
    restartRate();
  }

  /** The furthest step of the runs (while comparing, one may have stopped earlier, diverged). */
  private long liveStep() {
    return runB == null ? run.stepCount() : Math.max(run.stepCount(), runB.stepCount());
  }

  /** Whether a run (A, or B while comparing) can still train: not diverged. */
  private boolean anyTraining() {
    return !run.diverged() || (runB != null && !runB.diverged());
  }

  /** A new run for {@code s}, still playing if it was; on failure the old run stays. */
  private void rebuild(Scenario s) {
    Run next;
    try {
      next = run.rebuilt(s);
    } catch (OutOfMemoryError e) {
      throw new IllegalArgumentException("not enough memory for this network", e);
    }
    run = next;
    runB = null;
    otherBranchB = null;
    otherBranch = null;
    branchStep = -1;
    error = null;
    restartRate();
  }

  /**
   * One step of each run (in lockstep while comparing; a diverged run stays where it stopped);
   * returns false (and pauses) when no run can go on.
   */
  private boolean stepOnce() {
    rateSteps++;
    boolean a = run.step();
    boolean b = runB != null && runB.step();
    if (!a && !b) {
      playing = false;
      return false;
    }
    return true;
  }

  /** One step while playing; false (and paused) at the stop step or on divergence. */
  private boolean playStep() {
    if (liveStep() >= stopAt) {
      playing = false;
      stopAt = Long.MAX_VALUE;
      return false;
    }
    return stepOnce();
  }

  private void restartRate() {
    rateStart = System.nanoTime();
    rateSteps = 0;
  }

  /** Nanoseconds until the next step is due (≤ 0: now). */
  private long nanosUntilDue() {
    if (speed <= 0) {
      return 0;
    }
    long due = rateStart + (long) ((rateSteps + 1) * 1e9 / speed);
    long wait = due - System.nanoTime();
    // a long wait must still let us publish the last steps on time
    return Math.min(wait, PUBLISH_INTERVAL_NANOS);
  }

  private void trainSlice() {
    if (runB != null && speed <= 0) {
      trainPairSlice();
      return;
    }
    long start = System.nanoTime();
    if (speed > 0) {
      long due = (long) ((start - rateStart) * speed / 1e9) - rateSteps;
      if (due > Math.max(2, speed * 0.1)) {
        // far behind (e.g. a slow publish): do not race to catch up
        rateStart = start;
        rateSteps = 0;
        due = 1;
      }
      for (long i = 0; i < due && queue.isEmpty(); i++) {
        if (!playStep() || System.nanoTime() - start > SLICE_NANOS) {
          break;
        }
      }
    } else {
      do {
        if (!playStep()) {
          break;
        }
      } while (queue.isEmpty() && System.nanoTime() - start < SLICE_NANOS && !closing);
    }
  }

  /**
   * A slice of two runs as fast as they go: A on this thread and B on the partner thread at the
   * same time, the same number of steps each (sized from the last slice to take about {@value
   * #SLICE_MS} ms), then both wait for each other, so they stay in lockstep while using both
   * cores. Each run is touched by one thread at a time; the join orders B's steps before this
   * thread reads B again.
   */
  private void trainPairSlice() {
    long left = stopAt == Long.MAX_VALUE ? Long.MAX_VALUE : stopAt - liveStep();
    if (left <= 0) {
      playing = false;
      stopAt = Long.MAX_VALUE;
      return;
    }
    int n = (int) Math.max(1, Math.min(Math.min(left, 1_000_000), pairRate * SLICE_MS / 1000));
    if (partner == null) {
      partner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME + "-b");
        t.setDaemon(true);
        return t;
      });
    }
    long start = System.nanoTime();
    Run b = runB;
    Future<Boolean> bGoesOn = partner.submit(() -> steps(b, n));
    boolean aGoesOn = steps(run, n);
    boolean bOn = join(bGoesOn);
    rateSteps += n;
    pairRate = n / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    if (!aGoesOn && !bOn) {
      playing = false;
    }
  }

  /** A snapshot of {@code r} at the step shown, its grid refreshed first when {@code grid}. */
  private TrainingSnapshot measure(Run r, boolean grid) {
    if (grid && r.hasGrid()) {
      r.refreshGrid(Run.GRID_RESOLUTION);
    }
    return viewing >= 0 ? r.at(Math.min(viewing, r.stepCount())) : r.snapshot();
  }

  /** The result of work on the partner thread; its failure is this thread's. */
  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring run B", e);
    }
  }

  /** Up to {@code n} steps of {@code r}; false when it diverged (or had). */
  private static boolean steps(Run r, int n) {
    for (int i = 0; i < n; i++) {
      if (!r.step()) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------- publishing

  private void maybePublish() {
    long wait = Math.max(PUBLISH_INTERVAL_NANOS, PUBLISH_COST_FACTOR * publishCost);
    if (System.nanoTime() - lastPublish >= wait) {
      publish(false);
    }
  }

  private void publish() {
    publish(true);
  }

  /** Measures and publishes; {@code full}: refresh the grid whatever it costs. */
  private void publish(boolean full) {
    long now = System.nanoTime();
    lastPublish = now;
    long step = liveStep();
    if (playing) {
      double dt = (now - meterTime) / 1e9;
      if (dt >= 0.25) {
        measuredRate = (step - meterSteps) / dt;
        meterTime = now;
        meterSteps = step;
      }
    } else {
      measuredRate = 0;
      meterTime = now;
      meterSteps = step;
    }
    boolean grid = run.hasGrid() && (full || now - lastGrid >= Math.max(GRID_INTERVAL_NANOS,
        GRID_COST_FACTOR * gridCost));
    // run B is measured on the partner thread meanwhile, when there is one (played fast)
    Run b0 = runB;
    Future<TrainingSnapshot> measuringB = b0 == null || partner == null ? null
        : partner.submit(() -> measure(b0, grid));
    long gridTime = 0;
    if (grid) {
      run.refreshGrid(Run.GRID_RESOLUTION);
      lastGrid = System.nanoTime();
      gridTime = lastGrid - now;
      gridCost = gridTime;
    }
    TrainingSnapshot s = viewing >= 0 ? run.at(Math.min(viewing, run.stepCount()))
        : run.snapshot();
    TrainingSnapshot b = b0 == null ? null
        : measuringB == null ? measure(b0, grid) : join(measuringB);
    if (s.diverged() && (b == null || b.diverged()) && viewing < 0) {
      playing = false;
    }
    TrainingSnapshot.Status status = new TrainingSnapshot.Status(sequence++, commandsApplied,
        playing, measuredRate, speed, error, liveStep(), otherBranch == null ? -1
        : branchStep);
    latest.set(s.with(status).comparedWith(b == null ? null : b.with(status)));
    publishCost = System.nanoTime() - now - gridTime;
    synchronized (publishMonitor) {
      publishMonitor.notifyAll();
    }
  }
}
