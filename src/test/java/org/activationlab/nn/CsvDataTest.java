package org.activationlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

  @TempDir
  Path dir;

  static final String FOUR = "0,0,0\n1,0,1\n0,1,0\n1,1,1\n";

  @Test
  void readsClassificationWithAndWithoutHeaderCrlfSpacesAndBlankLines() {
    DataPoints plain = CsvData.parse(FOUR, "a.csv");
    assertThat(plain.size()).isEqualTo(4);
    assertThat(plain.dimensions()).isEqualTo(2);
    assertThat(plain.classes()).isEqualTo(2);
    assertThat(plain.task()).isEqualTo(Task.BINARY);
    for (String variant : new String[] {
        "x,y,label\n" + FOUR,
        FOUR.replace("\n", "\r\n"),
        "x, y, label\r\n" + FOUR.replace(",", " , ").replace("\n", "  \r\n"),
        FOUR.strip(), // no trailing newline
        "\n\n" + FOUR + "\n\n\n",
        "# my points\n" + FOUR,
        "\uFEFFx,y,label\n" + FOUR,
        "0.0,0.0,0.0\n1,0,1.0\n0,1,0\n1e0,1,1"}) {
      assertThat(CsvData.parse(variant, "a.csv")).as(variant).isEqualTo(plain);
    }
  }

  @Test
  void readsRegressionAndThreeClasses() {
    DataPoints r = CsvData.parse("x,y\n-1,0.5\n0,0\n0.5,-2\n1,3e-1\n", "r.csv");
    assertThat(r.dimensions()).isEqualTo(1);
    assertThat(r.task()).isEqualTo(Task.REGRESSION);
    assertThat(r.classes()).isZero();
    assertThat(r.input(3, 0)).isEqualTo(1.0);
    assertThat(r.target(3)).isEqualTo(0.3);
    DataPoints three = CsvData.parse("0,0,0\n1,0,1\n0,1,2\n1,1,2\n", "t.csv");
    assertThat(three.classes()).isEqualTo(3);
    assertThat(three.task()).isEqualTo(Task.MULTICLASS);
    assertThat(three.outputSize()).isEqualTo(3);
  }

  private static void refused(String text, String message) {
    assertThatThrownBy(() -> CsvData.parse(text, "d.csv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void refusalsNameTheLineAndTheProblem() {
    refused("x,y,label\n0,0,0\n1,abc,1\n", "d.csv:3: y 'abc' is not a number");
    refused("0,0,0\n1,0\n", "d.csv:2: 2 columns, expected 3 (x,y,label) as on the first line");
    refused("0,0,0,4\n", "d.csv:1: 4 columns; expected x,y,label (classification) or x,y "
        + "(regression)");
    refused("0\n", "d.csv:1: 1 columns; expected x,y,label (classification) or x,y "
        + "(regression)");
    refused("0,0,0\n1,1,3\n", "d.csv:2: label 3 is not a class 0..2");
    refused("0,0,0\n1,1,-1\n", "d.csv:2: label -1 is not a class 0..2");
    refused("0,0,0\n1,1,0.5\n", "d.csv:2: label 0.5 is not a class 0..2");
    refused("0,0,0\nNaN,1,1\n", "d.csv:2: x is NaN; values must be finite numbers");
    refused("0,0,0\n1,-Infinity,1\n", "d.csv:2: y is -Infinity; values must be finite numbers");
    refused("0,0,0\n1,1e400,1\n",
        "d.csv:2: y 1e400 is beyond the double range; values must be finite numbers");
    refused("0,0,0\n1,1001,1\n", "d.csv:2: y 1001 is outside ±1000");
    refused("0,0,0\n1,0x10,1\n", "d.csv:2: y '0x10' is not a number");
    refused("0,0,0\n1,,1\n", "d.csv:2: y '' is not a number");
    refused("", "d.csv: no data (expected lines x,y,label or x,y)");
    refused("x,y,label\n\n", "d.csv: no data (expected lines x,y,label or x,y)");
    refused("0,0,0\n1,1,1\n", "d.csv: 2 point(s); at least 4 are needed");
    refused("0,0,0\n1,1,0\n2,2,0\n3,3,0\n",
        "d.csv: classification needs at least two classes (labels 0 and 1); every point has "
            + "label 0");
    // a first line with numbers is data, not a header
    refused("1,abc,0\n", "d.csv:1: y 'abc' is not a number");
  }

  @Test
  void atMostTwoThousandPoints() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < DataPoints.MAX_POINTS; i++) {
      b.append(i % 100 / 100.0).append(',').append(i / 2000.0).append(',').append(i % 2)
          .append('\n');
    }
    assertThat(CsvData.parse(b.toString(), "d.csv").size()).isEqualTo(2000);
    refused("x,y,label\n" + b + "0,0,1\n", "d.csv:2002: more than 2000 points, the limit");
  }

  @Test
  void readsFilesAndBoundsTheirSize() throws Exception {
    Path ok = dir.resolve("ok.csv");
    Files.writeString(ok, "x,y,label\r\n" + FOUR);
    assertThat(CsvData.read(ok)).isEqualTo(CsvData.parse(FOUR, "x"));
    Path big = dir.resolve("big.csv");
    byte[] bytes = new byte[CsvData.MAX_BYTES + 1];
    java.util.Arrays.fill(bytes, (byte) '\n');
    Files.write(big, bytes);
    assertThatThrownBy(() -> CsvData.read(big)).hasMessage(big
        + ": file larger than 1048576 bytes (1 MiB), the limit");
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> CsvData.read(missing)).hasMessage(missing + ": no such file");
    Path latin = dir.resolve("latin.csv");
    Files.write(latin, "x,y,l\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CsvData.read(latin)).hasMessage(latin + ": not UTF-8 text");
  }

  @Test
  void pointsTextReadsBackExactly() {
    DataPoints p = DataPoints.classification(new double[] {0.1, -0.2, 1.0 / 3, 7e-9, -1, 1, 0, 0},
        new int[] {0, 1, 2, 1});
    assertThat(DataPoints.parse(p.toText())).isEqualTo(p);
    DataPoints r = DataPoints.regression(new double[] {0.1, 0.2, 0.3, Math.PI},
        new double[] {1.0 / 7, -2, 0, 1e-300});
    assertThat(DataPoints.parse(r.toText())).isEqualTo(r);
    assertThat(r.toText()).isEqualTo("0.1,0.14285714285714285;0.2,-2.0;0.3,0.0;"
        + "3.141592653589793,1.0E-300");
  }

  @Test
  void pointsAreCopiedAndChecked() {
    double[] xy = {0, 0, 1, 1, 2, 2, 3, 3};
    DataPoints p = DataPoints.classification(xy, new int[] {0, 1, 0, 1});
    xy[0] = 99;
    assertThat(p.input(0, 0)).isZero();
    assertThatThrownBy(() -> DataPoints.regression(new double[] {0, 1, 2, Double.NaN},
        new double[4])).hasMessage("point 4: x is NaN (must be a finite number)");
    assertThatThrownBy(() -> DataPoints.classification(new double[6], new int[] {0, 1, 1}))
        .hasMessage("custom data has 4..2000 points (got 3)");
  }
}
