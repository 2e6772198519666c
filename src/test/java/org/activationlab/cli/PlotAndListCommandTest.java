package org.activationlab.cli;

import static org.activationlab.cli.EvalCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotAndListCommandTest {

  @TempDir
  Path dir;

  @Test
  void plotWritesPngOfTheRequestedSizeAndScale() throws Exception {
    Path out = dir.resolve("p.png");
    var r = run("plot", "--functions", "sigmoid,leaky_relu:negative_slope=0.2,elu:alpha=0.5",
        "--out", out.toString(), "--width", "400", "--height", "300", "--scale", "2",
        "--theme", "dark");
    assertThat(r.status()).as(r.err()).isZero();
    BufferedImage img = ImageIO.read(out.toFile());
    assertThat(img.getWidth()).isEqualTo(800);
    assertThat(img.getHeight()).isEqualTo(600);
  }

  @Test
  void plotWritesSvgWithTheLegend() throws Exception {
    Path out = dir.resolve("p.svg");
    var r = run("plot", "--functions", "swish,hard_tanh:min_val=-2,max_val=2", "--no-derivative",
        "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    String svg = Files.readString(out);
    assertThat(svg).startsWith("<?xml").contains("<text").contains("silu").contains("hard_tanh");
  }

  @Test
  void plotRefusesBadInputAndWritesNothing() {
    String[][] bad = {
        {"plot", "--functions", "sigmod", "--out", dir.resolve("a.png").toString()},
        {"plot", "--functions", "relu", "--out", dir.resolve("a.jpg").toString()},
        {"plot", "--functions", "relu", "--out", dir.resolve("no/such/a.png").toString()},
        {"plot", "--functions", "relu", "--out", dir.resolve("a.png").toString(), "--scale", "5"},
        {"plot", "--functions", "relu", "--out", dir.resolve("a.png").toString(), "--theme", "pink"},
        {"plot", "--functions", "relu", "--out", dir.resolve("a.png").toString(), "--xmin", "3", "--xmax", "1"},
        {"plot", "--functions", "relu,elu,gelu,silu,mish,tanh,sigmoid", "--out", dir.resolve("a.png").toString()},
    };
    for (String[] args : bad) {
      var r = run(args);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    }
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void listJsonHasEveryFunctionWithParametersAndProperties() throws Exception {
    var r = run("list", "--json");
    assertThat(r.status()).isZero();
    JsonNode all = new ObjectMapper().readTree(r.out());
    assertThat(all.size()).isEqualTo(Catalog.all().size());
    JsonNode sigmoid = null;
    JsonNode leaky = null;
    for (JsonNode f : all) {
      if (f.get("name").asText().equals("sigmoid")) {
        sigmoid = f;
      }
      if (f.get("name").asText().equals("leaky_relu")) {
        leaky = f;
      }
    }
    assertThat(sigmoid.get("properties").get("maxAbsDerivative").asDouble()).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(sigmoid.get("properties").get("rangeMin").asDouble()).isEqualTo(0.0);
    assertThat(sigmoid.get("properties").get("rangeMinAttained").asBoolean()).isFalse();
    JsonNode slope = leaky.get("parameters").get(0);
    assertThat(slope.get("name").asText()).isEqualTo("negative_slope");
    assertThat(slope.get("default").asDouble()).isEqualTo(0.01);
  }

  @Test
  void listTextHasOneLinePerFunction() {
    var r = run("list");
    assertThat(r.status()).isZero();
    assertThat(r.lines()).hasSize(Catalog.all().size() + 1);
    assertThat(r.out()).contains("leaky_relu").contains("negative_slope=0.01");
  }
}
