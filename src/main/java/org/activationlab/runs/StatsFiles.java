package org.activationlab.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.activationlab.training.RecordedRun;

/**
 * Reads a training statistics file ({@code docs/formats.md}, "Training statistics") into a
 * {@link RecordedRun}: a JSON document (version 1 or 2), JSON Lines (a run in progress, ours or
 * the PyTorch probe's) or CSV. The layout is found from the content, not the name. Streams the
 * file (no tree of it in memory); refuses bad files with a {@link RunFileException} naming the
 * file, the line and what is wrong.
 */
public final class StatsFiles {

  /** The layouts of the format. */
  public enum Layout {
    /** A JSON document or JSON Lines: decided by the first object's {@code layout}. */
    JSON,
    CSV
  }

  private StatsFiles() {}

  /** The whole file as it is now; for JSON Lines, its whole lines (a cut-off last line waits). */
  public static RecordedRun read(Path file) throws IOException {
    return read(file, Limits.DEFAULT);
  }

  /** As {@link #read(Path)} within other limits. */
  public static RecordedRun read(Path file, Limits limits) throws IOException {
    return switch (layout(file)) {
      case CSV -> new CsvRunReader(file, limits).read();
      case JSON -> {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
          yield new JsonRunParser(file, limits).read(ch, ch.size(), new RecordReader[1]).run();
        }
      }
    };
  }

  /**
   * The layout of a file by its first bytes: JSON if the first non-space character is
   * {@code {}, CSV if the first line is a header with {@code step} and {@code layer} columns.
   *
   * @throws RunFileException for anything else (an empty file, an image, another text)
   */
  public static Layout layout(Path file) throws IOException {
    byte[] head = new byte[4096];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (NoSuchFileException e) {
      throw new RunFileException(file, 0, 0, "no such file");
    }
    int i = 0;
    if (n >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      i = 3; // a byte order mark
    }
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    if (i == n) {
      throw new RunFileException(file, 0, 0, n == 0 ? "empty file" : "nothing but spaces");
    }
    if (head[i] == '{') {
      return Layout.JSON;
    }
    String text = new String(head, i, n - i, StandardCharsets.UTF_8);
    String first = text.lines().findFirst().orElse("");
    java.util.List<String> names = java.util.Arrays.stream(first.split(",")).map(String::strip)
        .toList();
    if (names.contains("step") && names.contains("layer")) {
      return Layout.CSV;
    }
    throw new RunFileException(file, 0, 0, "not a training statistics file (" + what(head, i, n)
        + "; expected JSON, JSON Lines or CSV with the header step,loss,…)");
  }

  /** What a file that is not ours seems to be, for the message. */
  private static String what(byte[] b, int i, int n) {
    if (n >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "a PNG image";
    }
    if (b[i] == '[') {
      return "a JSON list";
    }
    for (int k = i; k < Math.min(n, i + 64); k++) {
      if (b[k] == 0) {
        return "binary data";
      }
    }
    String start = new String(b, i, Math.min(n - i, 24), StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").strip();
    return "it starts with \"" + start + "\"";
  }
}
