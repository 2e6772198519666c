package org.activationlab.runs.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.activationlab.runs.tensorboard.proto.HistogramProtos.HistogramProto;
import org.activationlab.runs.tensorboard.proto.SummaryProtos.Summary;
import org.activationlab.runs.tensorboard.proto.TensorProtos.DataType;
import org.activationlab.runs.tensorboard.proto.TensorProtos.TensorProto;
import org.junit.jupiter.api.Test;

/** Scalars as old and new writers store them; a histogram's exact RMS. */
class SummaryValuesTest {

  private static Summary.Value tensor(TensorProto t) {
    return Summary.Value.newBuilder().setTag("loss").setTensor(t).build();
  }

  private static ByteString littleEndian(int bytes, java.util.function.Consumer<ByteBuffer> put) {
    ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    put.accept(b);
    return ByteString.copyFrom(b.array());
  }

  @Test
  void scalarsFromSimpleValuesAndTensors() {
    assertThat(SummaryValues.scalar(Summary.Value.newBuilder().setSimpleValue(0.25f).build()))
        .isEqualTo(0.25);
    assertThat(SummaryValues.scalar(tensor(TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .addFloatVal(1.5f).build()))).isEqualTo(1.5);
    assertThat(SummaryValues.scalar(tensor(TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .setTensorContent(littleEndian(4, b -> b.putFloat(-2.5f))).build()))).isEqualTo(-2.5);
    assertThat(SummaryValues.scalar(tensor(TensorProto.newBuilder().setDtype(DataType.DT_DOUBLE)
        .setTensorContent(littleEndian(8, b -> b.putDouble(0.1))).build()))).isEqualTo(0.1);
    assertThat(SummaryValues.scalar(tensor(TensorProto.newBuilder().setDtype(DataType.DT_INT64)
        .addInt64Val(7).build()))).isEqualTo(7.0);
  }

  @Test
  void valuesThatAreNotOneNumberAreNaN() {
    assertThat(SummaryValues.scalar(tensor(TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .addFloatVal(1f).addFloatVal(2f).build()))).isNaN();
    assertThat(SummaryValues.scalar(tensor(TensorProto.newBuilder().setDtype(DataType.DT_DOUBLE)
        .setTensorContent(ByteString.copyFrom(new byte[16])).build()))).isNaN();
    assertThat(SummaryValues.scalar(tensor(TensorProto.newBuilder().setDtypeValue(7).build())))
        .isNaN();
    assertThat(SummaryValues.scalar(Summary.Value.newBuilder()
        .setHisto(HistogramProto.getDefaultInstance()).build())).isNaN();
  }

  @Test
  void aHistogramsRmsComesFromItsSumOfSquares() {
    // values 1, 2, 3, 4: sum of squares 30
    HistogramProto h = HistogramProto.newBuilder().setNum(4).setSum(10).setSumSquares(30)
        .setMin(1).setMax(4).build();
    assertThat(SummaryValues.rms(h)).isEqualTo(Math.sqrt(7.5));
    assertThat(SummaryValues.rms(HistogramProto.getDefaultInstance())).isNaN();
  }
}
