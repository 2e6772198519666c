package org.activationlab.runs.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** TFRecord framing: records read back, checksums checked, an unfinished last record is the end. */
class TfRecordReaderTest {

  static final String FIXTURE = "/runs/tensorboard/mlp/events.out.tfevents.1700000000.fixture.mlp";

  static byte[] fixtureBytes() throws IOException {
    try (InputStream in = TfRecordReaderTest.class.getResourceAsStream(FIXTURE)) {
      return in.readAllBytes();
    }
  }

  /** One record framed as TensorFlow writes it. */
  static byte[] frame(byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(data.length);
    b.putInt(maskedCrc(Arrays.copyOf(b.array(), 8)));
    b.put(data);
    b.putInt(maskedCrc(data));
    return b.array();
  }

  static int maskedCrc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return TfRecordReader.masked((int) crc.getValue());
  }

  private static List<byte[]> readAll(byte[] file) throws IOException {
    TfRecordReader r = new TfRecordReader(new ByteArrayInputStream(file), "f", 0);
    List<byte[]> out = new ArrayList<>();
    for (byte[] d = r.next(); d != null; d = r.next()) {
      out.add(d);
    }
    return out;
  }

  /** The offset of record i of a file (its records parsed by their length fields). */
  private static long offsetOf(byte[] file, int i) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    long at = 0;
    for (int k = 0; k < i; k++) {
      at += 16 + b.getLong((int) at);
    }
    return at;
  }

  @Test
  void recordsWrittenAreReadBackWithTheirOffsets() throws IOException {
    byte[] a = "first".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[0];
    byte[] c = new byte[70_000]; // longer than the reader's buffer of the scanner
    Arrays.fill(c, (byte) 7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(frame(a));
    out.writeBytes(frame(b));
    out.writeBytes(frame(c));
    TfRecordReader r = new TfRecordReader(new ByteArrayInputStream(out.toByteArray()), "f", 100);
    assertThat(r.next()).isEqualTo(a);
    assertThat(r.offset()).isEqualTo(100 + 16 + 5);
    assertThat(r.next()).isEmpty();
    assertThat(r.next()).isEqualTo(c);
    assertThat(r.next()).isNull();
    assertThat(r.offset()).isEqualTo(100L + out.size());
  }

  @Test
  void aRealEventFileFramesCheckOut() throws IOException {
    byte[] file = fixtureBytes();
    List<byte[]> records = readAll(file);
    assertThat(records).hasSizeGreaterThan(400);
    long framed = records.stream().mapToLong(d -> d.length + 16L).sum();
    assertThat(framed).isEqualTo(file.length);
  }

  @Test
  void aCorruptedDataByteIsRefusedNamingTheRecordsOffset() {
    byte[] file = fixtureBytes0();
    long second = offsetOf(file, 1);
    file[(int) second + 12 + 3] ^= 0x40;
    assertThatThrownBy(() -> readAll(file)).isInstanceOf(IOException.class)
        .hasMessage("f: offset " + second + ": data checksum mismatch (corrupted record)");
  }

  @Test
  void aCorruptedLengthIsRefusedNamingTheRecordsOffset() {
    byte[] file = fixtureBytes0();
    long third = offsetOf(file, 2);
    file[(int) third + 1] ^= 0x01;
    assertThatThrownBy(() -> readAll(file)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("f: offset " + third + ": length checksum mismatch");
  }

  @Test
  void anUnfinishedLastRecordIsTheEndNotAnError() throws IOException {
    byte[] file = fixtureBytes0();
    int whole = readAll(file).size();
    long last = offsetOf(file, whole - 1);
    for (long cut : new long[] {last + 5, last + 12, last + 20, file.length - 1}) {
      byte[] partial = Arrays.copyOf(file, (int) cut);
      TfRecordReader r = new TfRecordReader(new ByteArrayInputStream(partial), "f", 0);
      int n = 0;
      while (r.next() != null) {
        n++;
      }
      assertThat(n).as("records before a cut at %d", cut).isEqualTo(whole - 1);
      assertThat(r.offset()).isEqualTo(last);
      assertThat(r.next()).isNull();
    }
  }

  @Test
  void anAbsurdLengthIsRefusedBeforeAnythingIsAllocated() {
    for (long length : new long[] {TfRecordReader.MAX_RECORD_BYTES + 1L, 1L << 40, -1L}) {
      ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      header.putLong(length);
      header.putInt(maskedCrc(Arrays.copyOf(header.array(), 8)));
      byte[] first = frame("ok".getBytes(StandardCharsets.UTF_8));
      byte[] file = new byte[first.length + 12];
      System.arraycopy(first, 0, file, 0, first.length);
      System.arraycopy(header.array(), 0, file, first.length, 12);
      assertThatThrownBy(() -> readAll(file)).isInstanceOf(IOException.class)
          .hasMessage("f: offset " + first.length + ": record length "
              + Long.toUnsignedString(length) + " bytes is over the limit of 67108864 (64 MiB)");
    }
  }

  private static byte[] fixtureBytes0() {
    try {
      return fixtureBytes();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
