package org.activationlab.runs.tensorboard;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads the records of a TFRecord stream one at a time, never more than one record in memory.
 *
 * <p>Each record is framed as {@code uint64 length}, {@code uint32 masked CRC32C of the length},
 * {@code length} bytes of data, {@code uint32 masked CRC32C of the data}, all little-endian. A
 * checksum that does not match, or a length over {@link #MAX_RECORD_BYTES}, is an error naming
 * the record's byte offset. A record cut short by the end of the stream is the end, not an error:
 * a file still being written ends that way, and {@link #offset()} then says where to read again.
 */
public final class TfRecordReader implements Closeable {

  /** Longest record accepted (64 MiB): a longer length is a corrupted or foreign file. */
  public static final int MAX_RECORD_BYTES = 64 << 20;

  private static final int HEADER_BYTES = 12;
  private static final int FOOTER_BYTES = 4;
  private static final int MASK_DELTA = 0xa282ead8;

  private final InputStream in;
  private final String name;
  private final byte[] header = new byte[HEADER_BYTES];
  private final byte[] footer = new byte[FOOTER_BYTES];
  private long offset;
  private boolean ended;

  /**
   * @param in the stream, positioned at {@code startOffset} of the file (buffer it)
   * @param name the file's name, for error messages
   * @param startOffset the byte offset of the stream's first byte in the file
   */
  public TfRecordReader(InputStream in, String name, long startOffset) {
    this.in = in;
    this.name = name;
    this.offset = startOffset;
  }

  /**
   * The next record's data, or null at the end of the stream (also when its last record is
   * unfinished; every later call returns null too).
   *
   * @throws IOException naming the file and the record's offset if a checksum does not match or
   *     the length is absurd, or if reading fails
   */
  public byte[] next() throws IOException {
    if (ended) {
      return null;
    }
    if (readUpTo(header) < HEADER_BYTES) {
      return end();
    }
    long length = littleEndianLong(header, 0);
    if (masked(crc(header, 0, 8)) != littleEndianInt(header, 8)) {
      throw error(offset, "length checksum mismatch (not a TFRecord file, or corrupted)");
    }
    if (length < 0 || length > MAX_RECORD_BYTES) {
      throw error(offset, "record length " + Long.toUnsignedString(length)
          + " bytes is over the limit of " + MAX_RECORD_BYTES + " (64 MiB)");
    }
    byte[] data = new byte[(int) length];
    if (readUpTo(data) < data.length || readUpTo(footer) < FOOTER_BYTES) {
      return end();
    }
    if (masked(crc(data, 0, data.length)) != littleEndianInt(footer, 0)) {
      throw error(offset, "data checksum mismatch (corrupted record)");
    }
    offset += HEADER_BYTES + length + FOOTER_BYTES;
    return data;
  }

  /**
   * The byte offset after the last whole record returned: where the next record starts, or
   * where an unfinished last record starts once {@link #next()} returned null.
   */
  public long offset() {
    return offset;
  }

  /** An error about the record at {@code at}: one line naming the file and the offset. */
  IOException error(long at, String what) {
    return new IOException(name + ": offset " + at + ": " + what);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private byte[] end() {
    ended = true;
    return null;
  }

  /** Reads until {@code buffer} is full or the stream ends; returns the bytes read. */
  private int readUpTo(byte[] buffer) throws IOException {
    int n = 0;
    while (n < buffer.length) {
      int r = in.read(buffer, n, buffer.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  private static int crc(byte[] bytes, int from, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, length);
    return (int) crc.getValue();
  }

  /** TFRecord's masked CRC: rotated right by 15 bits plus a constant. */
  static int masked(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  private static long littleEndianLong(byte[] b, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[at + i] & 0xffL);
    }
    return v;
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16
        | (b[at + 3] & 0xff) << 24;
  }
}
