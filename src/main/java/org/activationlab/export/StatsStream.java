package org.activationlab.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.training.Scenario;

/**
 * A statistics file written while the run goes: each record goes to the file when it is made,
 * so memory does not grow with the records. The layout follows the file's ending:
 *
 * <ul>
 *   <li>{@code .json} and {@code .csv} are written into a temporary file beside the target and
 *       moved into place by {@link #finish}: the file appears complete or not at all, and {@link
 *       #close()} without a finish leaves nothing;
 *   <li>{@code .jsonl} is written in place, each line flushed as it is made, so the run can be
 *       followed while it goes; its first line exists when {@link #open} returns, and a file left
 *       without its end line is still valid line by line.
 * </ul>
 *
 * <p>Thread-safe: a shutdown hook ({@link FinishOnExit}) may finish it while the run's thread is
 * adding records; records added after the finish are ignored.
 */
public final class StatsStream implements Closeable {

  private final Path path;
  private final OutputStream out;
  private final AtomicFiles.Pending pending;
  private final StatsEncoder encoder;
  private int records;
  private long lastStep = -1;
  private boolean finished;
  private boolean closed;

  private StatsStream(Path path, OutputStream out, AtomicFiles.Pending pending,
      StatsEncoder encoder) {
    this.path = path;
    this.out = out;
    this.pending = pending;
    this.encoder = encoder;
  }

  /** Whether {@code out} names a JSON Lines file ({@code .jsonl}). */
  public static boolean isJsonLines(Path out) {
    return out.getFileName() != null
        && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
  }

  /**
   * Starts {@code out} (JSON, CSV or JSON Lines by its ending) and writes what comes before the
   * records.
   *
   * @param scenario the scenario as trained
   * @param layers the network's layers
   * @param every steps between records, written to a JSON Lines header's {@code meta}; 0 for none
   * @throws IOException with a plain message (folder missing or not writable, a folder of that
   *     name); nothing is left behind
   */
  public static StatsStream open(Path out, Scenario scenario, List<Layer> layers, int every)
      throws IOException {
    StatsStream s;
    if (isJsonLines(out)) {
      if (Files.isDirectory(out)) {
        throw new IOException("is a folder: " + out.toAbsolutePath());
      }
      OutputStream os = Files.newOutputStream(out); // unbuffered: each line is one write
      s = new StatsStream(out, os, null, new JsonLinesStatsEncoder(os));
    } else {
      AtomicFiles.Pending pending = AtomicFiles.begin(out);
      OutputStream os;
      try {
        os = new BufferedOutputStream(Files.newOutputStream(pending.temporaryFile()), 1 << 16);
      } catch (IOException e) {
        pending.close();
        throw e;
      }
      s = new StatsStream(out, os, pending, TrainingStatsWriter.isCsv(out)
          ? new CsvStatsEncoder(os) : new JsonStatsEncoder(os));
    }
    try {
      s.encoder.header(scenario, layers, every);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** Writes a record (ignored once finished or closed). */
  public synchronized void add(Record r) throws IOException {
    if (finished || closed) {
      return;
    }
    encoder.record(r);
    records++;
    lastStep = r.step();
  }

  /**
   * Writes what comes after the records and, for JSON and CSV, moves the file into place.
   *
   * @param divergedAtStep the step at which the run diverged, or −1
   * @return false when it was already finished or closed (nothing written)
   */
  public synchronized boolean finish(long divergedAtStep) throws IOException {
    if (finished || closed) {
      return false;
    }
    finished = true;
    encoder.end(divergedAtStep);
    out.close();
    if (pending != null) {
      pending.commit();
    }
    return true;
  }

  /** The file written. */
  public Path path() {
    return path;
  }

  /** Records written so far. */
  public synchronized int records() {
    return records;
  }

  /** Step of the last record written, −1 before the first. */
  public synchronized long lastStep() {
    return lastStep;
  }

  /**
   * Ends the writing; without a {@link #finish} a JSON or CSV file is not created (its temporary
   * file is deleted) and a JSON Lines file stays as it is, without its end line.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } finally {
      if (pending != null) {
        pending.close();
      }
    }
  }
}
