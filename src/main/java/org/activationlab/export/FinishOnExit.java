package org.activationlab.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finishes statistics files when the program is stopped (Ctrl-C, SIGTERM) before the run ends: a
 * shutdown hook completes each {@link StatsStream} with the records so far (JSON gets a valid
 * tail, JSON and CSV are moved into place, JSON Lines gets its end line), as a run that did not
 * diverge, and closes other unfinished outputs (an animation's temporary file). Installed for
 * the length of a run: {@link #close()} removes the hook.
 */
public final class FinishOnExit implements AutoCloseable {

  private final Thread hook;

  private FinishOnExit(Thread hook) {
    this.hook = hook;
  }

  /**
   * Installs the hook.
   *
   * @param streams files to finish (nulls skipped)
   * @param others outputs to close without finishing (nulls skipped)
   * @param report told one line per file finished by the hook
   */
  public static FinishOnExit install(List<StatsStream> streams, List<Closeable> others,
      Consumer<String> report) {
    Thread hook = new Thread(() -> {
      for (StatsStream s : streams) {
        if (s == null) {
          continue;
        }
        try {
          if (s.finish(-1)) {
            report.accept("stopped: wrote " + s.path() + " (" + s.records()
                + " records, up to step " + s.lastStep() + ")");
          }
        } catch (IOException | RuntimeException e) {
          report.accept("stopped: cannot finish " + s.path() + ": " + e.getMessage());
        }
      }
      for (Closeable c : others) {
        try {
          if (c != null) {
            c.close();
          }
        } catch (IOException | RuntimeException e) {
          // the program is ending: an output that cannot be closed is left as it is
        }
      }
    }, "finish-statistics");
    Runtime.getRuntime().addShutdownHook(hook);
    return new FinishOnExit(hook);
  }

  /** Removes the hook (nothing to do when the program is already ending). */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs
    }
  }
}
