package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.activationlab.cli.EvalCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset=csv:FILE} and {@code features=…} on the command line, end to end. */
class CustomDataCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  static Result run(String... args) {
    return EvalCommandTest.run(args);
  }

  /** Two blobs, 24 points, with a header and CRLF line ends. */
  Path blobs() throws Exception {
    StringBuilder b = new StringBuilder("x,y,label\r\n");
    for (int i = 0; i < 12; i++) {
      double t = i / 12.0 * 2 * Math.PI;
      b.append(-0.5 + 0.2 * Math.cos(t)).append(", ").append(-0.5 + 0.2 * Math.sin(t))
          .append(", 0\r\n");
      b.append(0.5 + 0.2 * Math.cos(t)).append(", ").append(0.5 + 0.2 * Math.sin(t))
          .append(", 1\r\n");
    }
    Path csv = dir.resolve("blobs.csv");
    Files.writeString(csv, b.toString());
    return csv;
  }

  @Test
  void trainsOnACsvFileAndTheSameFileGivesTheSameNumbers() throws Exception {
    Path csv = blobs();
    Path[] out = {dir.resolve("a.json"), dir.resolve("b.json")};
    for (Path o : out) {
      Result r = run("train", "--preset", "playground", "--set", "dataset=csv:" + csv, "--set",
          "batchSize=4", "--steps", "100", "--every", "50", "--stats", o.toString(),
          "--boundary", dir.resolve("boundary.png").toString());
      assertThat(r.status()).as(r.err()).isZero();
    }
    assertThat(Files.readAllBytes(out[0])).isEqualTo(Files.readAllBytes(out[1]));
    JsonNode root = JSON.readTree(out[0].toFile());
    JsonNode scenario = root.get("scenario");
    assertThat(scenario.get("dataset").asText()).isEqualTo("custom");
    assertThat(scenario.get("samples").asInt()).isEqualTo(24);
    assertThat(scenario.get("points").size()).isEqualTo(24);
    JsonNode last = root.get("records").get(root.get("records").size() - 1);
    assertThat(last.get("accuracy").asDouble()).isEqualTo(1.0);
    assertThat(Files.size(dir.resolve("boundary.png"))).isPositive();
  }

  @Test
  void aBadCsvExitsTwoWithOneLineNamingFileAndLine() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "x,y,label\n0,0,0\n1,1,1\n0.5,oops,1\n1,0,0\n");
    Path stats = dir.resolve("s.json");
    Result r = run("train", "--preset", "playground", "--set", "dataset=csv:" + bad,
        "--stats", stats.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: " + bad + ":4: y 'oops' is not a number");
    assertThat(stats).doesNotExist();
    Result missing = run("train", "--preset", "playground", "--set", "dataset=csv:"
        + dir.resolve("nope.csv"), "--stats", stats.toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("error: " + dir.resolve("nope.csv")
        + ": no such file");
    Result sine = run("train", "--preset", "playground", "--set", "dataset=sine", "--set",
        "features=x1,x2,x1sq", "--stats", stats.toString());
    assertThat(sine.status()).isEqualTo(2);
    assertThat(sine.err().strip()).isEqualTo("error: input features are for 2-D data; sine "
        + "has 1 input (features must be x1,x2)");
    Result unknown = run("train", "--preset", "playground", "--set", "features=x1,cos1",
        "--stats", stats.toString());
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown input feature 'cos1'");
    assertThat(stats).doesNotExist();
  }

  @Test
  void compareExplainAndConfigReadCsvToo() throws Exception {
    Path csv = blobs();
    Path stats = dir.resolve("a.json");
    Result c = run("compare", "--preset", "playground", "--set", "dataset=csv:" + csv,
        "--set", "batchSize=4", "--vs-set", "features=x1,x2,x1x2", "--steps", "20", "--every",
        "10", "--stats", stats + "," + dir.resolve("b.json"));
    assertThat(c.status()).as(c.err()).isZero();
    assertThat(JSON.readTree(dir.resolve("b.json").toFile()).get("scenario").get("features")
        .asText()).isEqualTo("x1,x2,x1x2");
    Result e = run("explain", "--preset", "playground", "--set", "dataset=csv:" + csv,
        "--set", "batchSize=4", "--set", "features=x1sq,x2sq", "--step", "3", "--sample", "2",
        "--format", "json");
    assertThat(e.status()).as(e.err()).isZero();
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"dataset\": \"csv:" + csv.toString().replace("\\", "\\\\")
        + "\", \"batchSize\": 4, \"hidden\": [3], \"features\": \"x1,x2,sin1\"}");
    Result t = run("train", "--config", config.toString(), "--steps", "5", "--stats",
        dir.resolve("c.json").toString());
    assertThat(t.status()).as(t.err()).isZero();
    JsonNode s = JSON.readTree(dir.resolve("c.json").toFile()).get("scenario");
    assertThat(s.get("features").asText()).isEqualTo("x1,x2,sin1");
    assertThat(s.get("points").size()).isEqualTo(24);
  }
}
