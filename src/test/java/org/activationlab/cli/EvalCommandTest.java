package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalCommandTest {

  record Result(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsHeaderAndFullPrecisionRows() {
    Result r = run("eval", "sigmoid", "--from", "-1", "--to", "1", "--step", "0.5");
    assertThat(r.status()).isZero();
    assertThat(r.lines()).hasSize(6);
    assertThat(r.lines().get(0)).isEqualTo("x,f,df");
    String[] mid = r.lines().get(3).split(",");
    assertThat(Double.parseDouble(mid[0])).isEqualTo(0.0);
    assertThat(Double.parseDouble(mid[1])).isEqualTo(0.5);
    assertThat(Double.parseDouble(mid[2])).isEqualTo(0.25);
    String[] last = r.lines().get(5).split(",");
    assertThat(Double.parseDouble(last[1])).isEqualTo(1 / (1 + Math.exp(-1.0)));
  }

  @Test
  void parametersApply() {
    Result r = run("eval", "leaky_relu:negative_slope=0.2", "--from", "-2", "--to", "-2", "--step", "1");
    assertThat(r.status()).isZero();
    assertThat(r.lines()).containsExactly("x,f,df", "-2.0,-0.4,0.2");
  }

  @Test
  void gridEndpointIncludedDespiteRounding() {
    Result r = run("eval", "relu", "--from", "0", "--to", "1", "--step", "0.1");
    assertThat(r.lines()).hasSize(12);
    assertThat(Double.parseDouble(r.lines().get(11).split(",")[0])).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void badInputGivesOneLineAndStatusTwo() {
    for (String[] args : new String[][] {
        {"eval", "sigmod", "--from", "0", "--to", "1", "--step", "0.1"},
        {"eval", "leaky_relu:slope=1", "--from", "0", "--to", "1", "--step", "0.1"},
        {"eval", "leaky_relu:negative_slope=-1", "--from", "0", "--to", "1", "--step", "0.1"},
        {"eval", "relu", "--from", "0", "--to", "1", "--step", "0"},
        {"eval", "relu", "--from", "0", "--to", "1", "--step", "-0.5"},
        {"eval", "relu", "--from", "2", "--to", "1", "--step", "0.5"},
        {"eval", "relu", "--from", "x", "--to", "1", "--step", "0.5"},
        {"eval", "relu", "--to", "1", "--step", "0.5"}}) {
      Result r = run(args);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).as("nothing written: " + String.join(" ", args)).isEmpty();
      assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
    }
  }

  @Test
  void unknownFunctionNamesTheValidOnes() {
    Result r = run("eval", "sigmod", "--from", "0", "--to", "1", "--step", "0.1");
    assertThat(r.err()).contains("unknown function 'sigmod'").contains("sigmoid").contains("relu");
  }

  @Test
  void unknownParameterNamesTheValidOnes() {
    Result r = run("eval", "leaky_relu:slope=1", "--from", "0", "--to", "1", "--step", "0.1");
    assertThat(r.err()).contains("slope").contains("negative_slope");
  }
}
