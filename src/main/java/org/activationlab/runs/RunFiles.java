package org.activationlab.runs;

import java.io.IOException;
import java.nio.file.Path;
import org.activationlab.training.RecordedRun;

/**
 * Opens any run file the viewer and {@code report} read: our statistics (JSON, JSON Lines, CSV —
 * {@code train --stats}, the PyTorch probe) by their content.
 */
public final class RunFiles {

  private RunFiles() {}

  /** Reads the whole run (a file still being written: its whole lines so far). */
  public static RecordedRun read(Path file) throws IOException {
    return StatsFiles.read(file);
  }

  /** A source following the file as it grows (read on the follower's thread). */
  public static RunSource follow(Path file) {
    return new StatsFileTail(file);
  }
}
