package org.activationlab.runs.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.activationlab.runs.tensorboard.proto.HistogramProtos.HistogramProto;
import org.activationlab.runs.tensorboard.proto.SummaryProtos.Summary;
import org.activationlab.runs.tensorboard.proto.TensorProtos.TensorProto;

/** The numbers inside a {@code Summary.Value}: a scalar, or a histogram's RMS. */
final class SummaryValues {

  private SummaryValues() {}

  /**
   * The scalar a value holds: {@code simple_value} (torch's SummaryWriter, old TF writers) or a
   * one-element tensor (TF 2 writers: {@code float_val}, {@code double_val}, the integer lists
   * or little-endian {@code tensor_content}); NaN when it holds no single number.
   */
  static double scalar(Summary.Value value) {
    switch (value.getValueCase()) {
      case SIMPLE_VALUE:
        return value.getSimpleValue();
      case TENSOR:
        return scalar(value.getTensor());
      default:
        return Double.NaN;
    }
  }

  static double scalar(TensorProto t) {
    switch (t.getDtype()) {
      case DT_FLOAT:
        if (t.getFloatValCount() == 1) {
          return t.getFloatVal(0);
        }
        return t.getTensorContent().size() == Float.BYTES
            ? content(t).getFloat() : Double.NaN;
      case DT_DOUBLE:
        if (t.getDoubleValCount() == 1) {
          return t.getDoubleVal(0);
        }
        return t.getTensorContent().size() == Double.BYTES
            ? content(t).getDouble() : Double.NaN;
      case DT_INT32:
        if (t.getIntValCount() == 1) {
          return t.getIntVal(0);
        }
        return t.getTensorContent().size() == Integer.BYTES
            ? content(t).getInt() : Double.NaN;
      case DT_INT64:
        if (t.getInt64ValCount() == 1) {
          return t.getInt64Val(0);
        }
        return t.getTensorContent().size() == Long.BYTES
            ? content(t).getLong() : Double.NaN;
      default:
        return Double.NaN;
    }
  }

  /**
   * The RMS of the values a histogram summarises, sqrt(sum_squares / num): exact, since the
   * writer sums the squares of the values themselves (not of bucket centres); NaN when empty.
   */
  static double rms(HistogramProto h) {
    return h.getNum() > 0 ? Math.sqrt(h.getSumSquares() / h.getNum()) : Double.NaN;
  }

  private static ByteBuffer content(TensorProto t) {
    return t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }
}
