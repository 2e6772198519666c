package org.activationlab.runs.tensorboard;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.activationlab.runs.tensorboard.GradientTags.Parameter;
import org.activationlab.runs.tensorboard.Sample.Quantity;
import org.activationlab.runs.tensorboard.proto.EventProtos.Event;
import org.activationlab.runs.tensorboard.proto.SummaryProtos.Summary;

/**
 * Reads the events of TensorBoard event files and hands on the {@link Sample}s whose tags
 * {@link GradientTags} takes; everything else (images, graphs, other scalars) is skipped. One
 * scanner may read several files (a run's directory) and counts their distinct tags.
 */
final class EventFileScanner {

  /** Events read per file at most. */
  static final long MAX_EVENTS = 10_000_000;
  /** Distinct tags over all files read by one scanner at most. */
  static final int MAX_TAGS = 10_000;

  private static final String FILE_VERSION_PREFIX = "brain.Event:";
  private static final int BUFFER_BYTES = 1 << 16;

  private final Set<String> tags = new HashSet<>();

  /**
   * Reads {@code file} from byte {@code offset} (0, or an offset this method returned) to its
   * end, passing each sample taken to {@code sink}.
   *
   * @return the offset after the last whole record: where to go on when the file grows
   * @throws IOException one line naming the file and the offset of what is wrong
   */
  long scan(Path file, long offset, Consumer<Sample> sink) throws IOException {
    String name = String.valueOf(file.getFileName());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (offset < 0 || offset > channel.size()) {
        throw new IOException(name + ": offset " + offset + ": outside the file ("
            + channel.size() + " bytes); was it replaced?");
      }
      channel.position(offset);
      try (TfRecordReader records = new TfRecordReader(
          new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES), name, offset)) {
        long events = 0;
        while (true) {
          long at = records.offset();
          byte[] data = records.next();
          if (data == null) {
            return records.offset();
          }
          if (++events > MAX_EVENTS) {
            throw records.error(at, "more than " + MAX_EVENTS + " events; not read further");
          }
          Event event = parse(records, at, data);
          if (at == 0 && !event.getFileVersion().startsWith(FILE_VERSION_PREFIX)) {
            throw records.error(at, "not a TensorBoard event file (its first record is not a "
                + "file_version event)");
          }
          if (event.hasSummary()) {
            take(records, at, event.getStep(), event.getSummary(), sink);
          }
        }
      }
    }
  }

  /** Distinct tags seen in the files read so far (all tags, taken or not). */
  int tags() {
    return tags.size();
  }

  private static Event parse(TfRecordReader records, long at, byte[] data) throws IOException {
    try {
      return Event.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw records.error(at, "not a TensorBoard Event record (" + e.getMessage() + ")");
    }
  }

  private void take(TfRecordReader records, long at, long step, Summary summary,
      Consumer<Sample> sink) throws IOException {
    for (Summary.Value value : summary.getValueList()) {
      String tag = value.getTag();
      if (tags.add(tag) && tags.size() > MAX_TAGS) {
        throw records.error(at, "more than " + MAX_TAGS + " distinct tags; not read further");
      }
      if (value.hasHisto()) {
        Optional<Parameter> p = GradientTags.histogram(tag);
        if (p.isPresent()) {
          double rms = SummaryValues.rms(value.getHisto());
          Quantity q = p.get().bias() ? Quantity.GRAD_BIAS_RMS : Quantity.GRAD_WEIGHT_RMS;
          sink.accept(new Sample(step, p.get().module(), q, rms));
        }
        continue;
      }
      double scalar = SummaryValues.scalar(value);
      if (Double.isNaN(scalar)) {
        continue;
      }
      Optional<Parameter> p = GradientTags.norm(tag);
      if (p.isPresent()) {
        Quantity q = p.get().bias() ? Quantity.GRAD_BIAS_NORM : Quantity.GRAD_WEIGHT_NORM;
        sink.accept(new Sample(step, p.get().module(), q, scalar));
      } else if (GradientTags.lossRank(tag) >= 0) {
        sink.accept(new Sample(step, tag, Quantity.LOSS, scalar));
      }
    }
  }
}
