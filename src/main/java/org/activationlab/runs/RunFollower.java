package org.activationlab.runs;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.activationlab.training.RecordedRun;

/**
 * Follows a {@link RunSource} on a daemon thread: polls it every period (200 ms by default) and
 * publishes each newer run (newest wins) through {@link #latest()} and the listener. Stops when
 * the source says the run is finished, or on an error (the file gone, a bad line: what was read
 * before stays published); {@link #close()} stops it too. No JavaFX: a UI hops to its own thread
 * in the listener.
 */
public final class RunFollower implements AutoCloseable {

  /** Polling period by default: new records show within a second. */
  public static final Duration PERIOD = Duration.ofMillis(200);

  /** What the follower tells; called on its thread. */
  public interface Listener {
    /** A newer run. */
    void updated(RecordedRun run);

    /** Something to tell the user (the file was replaced and read again). */
    default void notice(String message) {}

    /**
     * Following stopped: the run is finished ({@code error} null) or could not be read on.
     */
    default void stopped(IOException error) {}
  }

  private final RunSource source;
  private final Listener listener;
  private final AtomicReference<RecordedRun> latest = new AtomicReference<>();
  private final ScheduledExecutorService timer;
  private volatile boolean running = true;
  private volatile IOException error;

  /** Starts following {@code source} every {@link #PERIOD}. */
  public RunFollower(RunSource source, Listener listener) {
    this(source, PERIOD, listener);
  }

  public RunFollower(RunSource source, Duration period, Listener listener) {
    this.source = source;
    this.listener = listener;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "activation-lab-run-follower");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The newest run read, or null before the first. */
  public RecordedRun latest() {
    return latest.get();
  }

  /** Whether it still polls. */
  public boolean running() {
    return running;
  }

  /** Why it stopped, or null (still running, or the run finished). */
  public IOException error() {
    return error;
  }

  private void tick() {
    if (!running) {
      return;
    }
    try {
      RecordedRun r = source.poll();
      tell(source.notice());
      publish(r);
      if (source.finished()) {
        stop(null);
      }
    } catch (IOException e) {
      tell(source.notice());
      publish(source.latest());
      stop(e);
    } catch (RuntimeException e) {
      stop(new IOException(e.toString(), e));
    }
  }

  private void tell(String notice) {
    if (notice != null) {
      listener.notice(notice);
    }
  }

  private void publish(RecordedRun r) {
    if (r != null && latest.getAndSet(r) != r) {
      listener.updated(r);
    }
  }

  private void stop(IOException e) {
    error = e;
    running = false;
    timer.shutdown();
    listener.stopped(e);
  }

  /** Stops polling and closes the source. */
  @Override
  public void close() {
    running = false;
    timer.shutdownNow();
    try {
      source.close();
    } catch (IOException ignored) {
      // nothing to tell: the user closed the run
    }
  }
}
