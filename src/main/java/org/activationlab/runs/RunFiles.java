package org.activationlab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.activationlab.runs.tensorboard.TensorBoardRuns;
import org.activationlab.training.RecordedRun;

/**
 * Opens any run file the viewer and {@code report} read: our statistics (JSON, JSON Lines, CSV —
 * {@code train --stats}, the PyTorch probe) by their content, and TensorBoard event files (or a
 * folder of them) by their name.
 */
public final class RunFiles {

  private RunFiles() {}

  /**
   * Whether {@code path}, given to the app at start, names a run file rather than a scenario:
   * a TensorBoard log, a {@code .jsonl} or {@code .csv}, or a {@code .json} whose first 4 kB
   * name the statistics format.
   */
  public static boolean isRunFile(Path path) {
    String name = path.getFileName() == null ? ""
        : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (TensorBoardRuns.isEventFile(path) || name.endsWith(".jsonl") || name.endsWith(".csv")) {
      return true;
    }
    if (!name.endsWith(".json") || !Files.isRegularFile(path)) {
      return false;
    }
    try (var in = Files.newInputStream(path)) {
      String head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
      return head.contains("activation-lab/training-stats");
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads the whole run (a file still being written: its whole records so far). */
  public static RecordedRun read(Path file) throws IOException {
    return TensorBoardRuns.isEventFile(file) ? TensorBoardRuns.read(file) : StatsFiles.read(file);
  }

  /** A source following the file as it grows (read on the follower's thread). */
  public static RunSource follow(Path file) {
    return TensorBoardRuns.isEventFile(file) ? new EventFileSource(file) : new StatsFileTail(file);
  }

  /**
   * A TensorBoard log followed by reading it again when it changed: a new module may appear
   * later in a log, and a run's layers are fixed when it starts. Logs have no end mark, so it is
   * followed until closed.
   */
  static final class EventFileSource implements RunSource {
    private final Path path;
    private RecordedRun latest;
    private long size = -1;
    private FileTime modified;

    EventFileSource(Path path) {
      this.path = path;
    }

    @Override
    public synchronized RecordedRun poll() throws IOException {
      long nowSize = sizeOf(path);
      FileTime nowModified = Files.getLastModifiedTime(path);
      if (latest == null || nowSize != size || !nowModified.equals(modified)) {
        latest = TensorBoardRuns.read(path);
        size = nowSize;
        modified = nowModified;
      }
      return latest;
    }

    private static long sizeOf(Path p) throws IOException {
      if (!Files.isDirectory(p)) {
        return Files.size(p);
      }
      try (var files = Files.list(p)) {
        long total = 0;
        for (Path f : (Iterable<Path>) files::iterator) {
          total += Files.isRegularFile(f) ? Files.size(f) : 0;
        }
        return total;
      }
    }

    @Override
    public synchronized RecordedRun latest() {
      return latest;
    }

    @Override
    public boolean finished() {
      return false;
    }
  }
}
