package org.activationlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.activationlab.export.SampleTraceWriter.Format;
import org.junit.jupiter.api.Test;

class SampleTraceWriterTest {

  @Test
  void numbersAreRoundedForReadingWithARealMinus() {
    assertThat(SampleTraceWriter.num(0.0893, 4)).isEqualTo("0.0893");
    assertThat(SampleTraceWriter.num(-1.2, 4)).isEqualTo("−1.2");
    assertThat(SampleTraceWriter.num(0.31415926, 4)).isEqualTo("0.3142");
    assertThat(SampleTraceWriter.num(-0.0, 4)).isEqualTo("0");
    assertThat(SampleTraceWriter.num(123.456789, 6)).isEqualTo("123.457");
    assertThat(SampleTraceWriter.num(1.23456e-5, 4)).isEqualTo("1.235e−5");
    assertThat(SampleTraceWriter.num(-7e-12, 4)).isEqualTo("−7e−12");
    assertThat(SampleTraceWriter.num(1234567, 4)).isEqualTo("1.235e6");
    assertThat(SampleTraceWriter.num(999999.9, 4)).isEqualTo("1e6");
    assertThat(SampleTraceWriter.num(0.00009999, 4)).isEqualTo("9.999e−5");
    assertThat(SampleTraceWriter.num(0.000099999, 4)).isEqualTo("0.0001");
    assertThat(SampleTraceWriter.num(Double.NaN, 4)).isEqualTo("NaN");
    assertThat(SampleTraceWriter.num(Double.NEGATIVE_INFINITY, 4)).isEqualTo("−∞");
  }

  @Test
  void formatsByNameOrByTheFilesEnding() {
    assertThat(Format.parse(" JSON ")).isEqualTo(Format.JSON);
    assertThatThrownBy(() -> Format.parse("pdf")).hasMessageContaining("md, csv, json");
    assertThat(Format.of(Path.of("a", "x.CSV"))).isEqualTo(Format.CSV);
    assertThat(Format.of(Path.of("x.json"))).isEqualTo(Format.JSON);
    assertThat(Format.of(Path.of("x.md"))).isEqualTo(Format.MD);
    assertThat(Format.of(Path.of("notes.txt"))).isEqualTo(Format.MD);
  }
}
