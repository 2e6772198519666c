package org.activationlab.runs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.activationlab.training.RecordedRun;

/**
 * A statistics file followed as it grows: remembers the offset after the last whole line read
 * and, on each {@link #poll()}, parses only the whole lines added since and appends their records
 * to the newest run. A file that shrinks or is replaced is read again from its start (said once
 * by {@link #notice()}); a JSON document or CSV is read whole and is finished.
 */
public final class StatsFileTail implements RunSource {

  private final Path file;
  private final Limits limits;
  private Object fileKey;
  private long consumed;
  private RecordReader reader;
  private RecordedRun latest;
  private IOException failure;
  private String notice;

  public StatsFileTail(Path file) {
    this(file, Limits.DEFAULT);
  }

  public StatsFileTail(Path file, Limits limits) {
    this.file = file;
    this.limits = limits;
  }

  @Override
  public synchronized RecordedRun latest() {
    return latest;
  }

  @Override
  public synchronized String notice() {
    String n = notice;
    notice = null;
    return n;
  }

  @Override
  public synchronized RecordedRun poll() throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (latest != null && latest.complete()) {
      return latest;
    }
    try {
      return read();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  private RecordedRun read() throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new RunFileException(file, 0, 0, "the file is gone (deleted or moved)");
    }
    long size = a.size();
    if (reader != null && (size < consumed || !Objects.equals(a.fileKey(), fileKey))) {
      notice = file.getFileName() + " was " + (size < consumed ? "truncated" : "replaced")
          + ": read again from its start";
      reader = null;
      latest = null;
      consumed = 0;
    }
    fileKey = a.fileKey();
    if (reader == null) {
      return readFromStart(size);
    }
    if (size == consumed) {
      return latest;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long wholeEnd = FileWindow.lastLineEnd(ch, consumed, size);
      if (wholeEnd == consumed) {
        return latest; // only the start of a line so far
      }
      FileWindow in = new FileWindow(ch, consumed, wholeEnd, size);
      in.linesOnly();
      JsonRunParser json = new JsonRunParser(file, limits);
      try (JsonParser p = JsonRunParser.parser(in)) {
        JsonRunParser.Result r = json.lines(p, in, reader);
        consumed = r.consumed();
        latest = r.run();
        return latest;
      } catch (StreamReadException e) {
        latest = reader.run(); // the records before a bad line stay
        throw json.jacksonFailure(e, reader.lineBase());
      } catch (IOException e) {
        latest = reader.run();
        throw e;
      }
    }
  }

  private RecordedRun readFromStart(long size) throws IOException {
    if (size == 0) {
      return null;
    }
    if (StatsFiles.layout(file) == StatsFiles.Layout.CSV) {
      latest = new CsvRunReader(file, limits).read();
      return latest;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      boolean anyWholeLine = FileWindow.lastLineEnd(ch, 0, size) > 0;
      RecordReader[] partial = new RecordReader[1];
      try {
        JsonRunParser.Result r = new JsonRunParser(file, limits).read(ch, size, partial);
        latest = r.run();
        if (r.jsonl()) {
          reader = r.reader();
          consumed = r.consumed();
        }
        return latest;
      } catch (RunFileException e) {
        if (!anyWholeLine && e.isCutOff()) {
          return null; // the first line is still being written
        }
        if (partial[0] != null) {
          latest = partial[0].run();
        }
        throw e;
      }
    }
  }
}
