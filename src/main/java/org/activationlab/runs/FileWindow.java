package org.activationlab.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The bytes of a file from an offset, as the parser sees them: never past the file's size when
 * opened (a growing file is read as it was), and, once the content is known to be JSON Lines,
 * never past the end of its last whole line — a last line without its {@code \n} is a write
 * still in progress. No chunk crosses that line end, so the layout is known from the tokens
 * before it when the parser asks for more.
 */
final class FileWindow extends InputStream {

  private final FileChannel channel;
  private final long wholeEnd;
  private final long fileEnd;
  private long position;
  private boolean linesOnly;

  /**
   * @param wholeEnd offset after the file's last {@code \n} (or {@code start} when none)
   * @param fileEnd the file's size
   */
  FileWindow(FileChannel channel, long start, long wholeEnd, long fileEnd) {
    this.channel = channel;
    this.position = start;
    this.wholeEnd = wholeEnd;
    this.fileEnd = fileEnd;
  }

  /** From now on, stop at the end of the last whole line. */
  void linesOnly() {
    linesOnly = true;
  }

  long wholeEnd() {
    return wholeEnd;
  }

  /** The offset after the last {@code \n} in the first {@code size} bytes, or {@code from}. */
  static long lastLineEnd(FileChannel channel, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    long end = size;
    while (end > from) {
      long begin = Math.max(from, end - buf.capacity());
      buf.clear().limit((int) (end - begin));
      long at = begin;
      while (buf.hasRemaining()) {
        int n = channel.read(buf, at);
        if (n < 0) {
          return from; // shrank meanwhile: nothing whole after from
        }
        at += n;
      }
      for (int i = (int) (end - begin) - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return begin + i + 1;
        }
      }
      end = begin;
    }
    return from;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    long end = position < wholeEnd || linesOnly ? wholeEnd : fileEnd;
    if (position >= end) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
    if (n < 0) {
      return -1;
    }
    position += n;
    return n;
  }
}
