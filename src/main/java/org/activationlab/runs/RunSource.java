package org.activationlab.runs;

import java.io.Closeable;
import java.io.IOException;
import org.activationlab.training.RecordedRun;

/**
 * Something a run viewer can follow: a statistics file that grows, later a TensorBoard log. Each
 * {@link #poll()} reads what was added since the last one.
 */
public interface RunSource extends Closeable {

  /**
   * Reads what is new and returns the newest run (the same value when nothing changed).
   *
   * @throws IOException when the source cannot be read any more (gone, or a bad record: the run
   *     read before it stays available as {@link #latest()})
   */
  RecordedRun poll() throws IOException;

  /** The newest run read so far, or null before the first successful poll. */
  RecordedRun latest();

  /**
   * Something the user should be told about the source since the last call (e.g. the file was
   * replaced and read again from its start), once; null if nothing.
   */
  default String notice() {
    return null;
  }

  /** Whether the writer said the run is finished: nothing more will come. */
  default boolean finished() {
    RecordedRun r = latest();
    return r != null && r.complete();
  }

  @Override
  default void close() throws IOException {}
}
