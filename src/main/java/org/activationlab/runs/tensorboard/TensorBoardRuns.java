package org.activationlab.runs.tensorboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.activationlab.training.RecordedRun;

/**
 * Reads TensorBoard event files ({@code events.out.tfevents.*}) into a {@link RecordedRun} of
 * source {@link RecordedRun.Source#TENSORBOARD}: per module, the RMS of its weight gradient
 * (from {@code add_histogram("grad/…")}) and ‖∂L/∂W‖₂ (Lightning's {@code grad_2.0_norm/…}),
 * and the loss. These are parameter gradients, not δ: no per-unit values, no dead or saturated
 * shares. The tags taken: {@link GradientTags}; the format: docs/formats.md, "TensorBoard event
 * files".
 *
 * <p>Bounds: records up to {@value TfRecordReader#MAX_RECORD_BYTES} bytes, at most
 * {@value EventFileScanner#MAX_EVENTS} events per file, {@value EventFileScanner#MAX_TAGS}
 * distinct tags and {@value StepTable#MAX_STEPS} distinct steps per run,
 * {@value #MAX_SLICE_SAMPLES} samples per {@link #readFrom} call. Every error is an
 * {@link IOException} with one line naming the file (and the byte offset where it applies).
 */
public final class TensorBoardRuns {

  /** How every event file's name starts. */
  public static final String EVENT_FILE_PREFIX = "events.out.tfevents";

  /** Samples one {@link #readFrom} call returns at most. */
  public static final int MAX_SLICE_SAMPLES = 10_000_000;

  /**
   * The samples of an event file after an offset, and where to go on from.
   *
   * @param samples the samples taken, in file order
   * @param nextOffset the offset after the last whole record (an unfinished one is read again)
   */
  public record Slice(List<Sample> samples, long nextOffset) {
    public Slice {
      samples = List.copyOf(samples);
    }
  }

  private TensorBoardRuns() {}

  /**
   * Whether {@code path} is an event file (by its name) or a directory holding one directly.
   * Never throws: an unreadable directory is not one.
   */
  public static boolean isEventFile(Path path) {
    if (Files.isDirectory(path)) {
      try {
        return !eventFiles(path).isEmpty();
      } catch (IOException e) {
        return false;
      }
    }
    return Files.isRegularFile(path) && hasEventFileName(path);
  }

  /**
   * Reads a whole event file, or every event file directly in a directory (merged by step, in
   * the order of their names), into a finished run. Meta: {@code file} (the file's or the
   * directory's name), {@code tags} (distinct tags seen, taken or not) and, for a directory,
   * {@code files}.
   *
   * @throws IOException one line: not an event file, a corrupted record (with its offset), a
   *     bound passed, or a read failure
   */
  public static RecordedRun read(Path fileOrDirectory) throws IOException {
    List<Path> files;
    if (Files.isDirectory(fileOrDirectory)) {
      files = eventFiles(fileOrDirectory);
      if (files.isEmpty()) {
        throw new IOException(fileOrDirectory + ": no " + EVENT_FILE_PREFIX
            + ".* file in this directory");
      }
    } else {
      requireEventFileName(fileOrDirectory);
      files = List.of(fileOrDirectory);
    }
    EventFileScanner scanner = new EventFileScanner();
    StepTable table = new StepTable();
    for (Path file : files) {
      try {
        scanner.scan(file, 0, table::add);
      } catch (IllegalStateException e) {
        throw new IOException(file.getFileName() + ": " + e.getMessage() + "; not read further");
      }
    }
    String name = String.valueOf(fileOrDirectory.getFileName());
    Map<String, String> meta = files.size() == 1 && !Files.isDirectory(fileOrDirectory)
        ? Map.of("file", name, "tags", String.valueOf(scanner.tags()))
        : Map.of("file", name, "tags", String.valueOf(scanner.tags()),
            "files", String.valueOf(files.size()));
    return table.toRun(meta);
  }

  /**
   * The samples of one event file from byte {@code offset} on (0, or a {@link Slice#nextOffset}
   * of an earlier call), for following a file that is still being written: an unfinished last
   * record is left for the next call.
   *
   * @throws IOException as {@link #read}, or when the offset is outside the file
   */
  public static Slice readFrom(Path file, long offset) throws IOException {
    requireEventFileName(file);
    List<Sample> samples = new ArrayList<>();
    long next;
    try {
      next = new EventFileScanner().scan(file, offset, s -> {
        if (samples.size() >= MAX_SLICE_SAMPLES) {
          throw new IllegalStateException("more than " + MAX_SLICE_SAMPLES + " samples");
        }
        samples.add(s);
      });
    } catch (IllegalStateException e) {
      throw new IOException(file.getFileName() + ": " + e.getMessage() + " after offset "
          + offset + "; read in smaller steps");
    }
    return new Slice(samples, next);
  }

  private static List<Path> eventFiles(Path directory) throws IOException {
    try (Stream<Path> children = Files.list(directory)) {
      return children.filter(p -> Files.isRegularFile(p) && hasEventFileName(p)).sorted()
          .toList();
    }
  }

  private static boolean hasEventFileName(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(EVENT_FILE_PREFIX);
  }

  private static void requireEventFileName(Path file) throws IOException {
    if (!hasEventFileName(file)) {
      throw new IOException(file.getFileName() + ": not a TensorBoard event file (its name does "
          + "not start with " + EVENT_FILE_PREFIX + ")");
    }
  }
}
