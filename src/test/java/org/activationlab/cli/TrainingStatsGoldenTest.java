package org.activationlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.activationlab.cli.EvalCommandTest.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --stats} output byte for byte against files written by the command before its
 * writer moved to {@code export.TrainingStatsWriter} (commit of this test: the inline writer).
 * Fixed seeds; JSON and CSV; binary, 3-class and regression tasks; a diverged run (regenerated
 * once when divergence came to include non-finite gradients and finite blow-ups: the same run is
 * now stopped at step 2, when its batch loss passes 1000 times the first, instead of step 3).
 * All five regenerated once for version 2 of the format: each layer record gained {@code
 * inactiveFraction}, and {@code saturatedFraction} became null for ReLU-like and other
 * non-saturating layers and the output layer; every other number is unchanged. The version 1
 * dead-relu file is kept as {@code stats-v1-dead-relu.json} for the schema's old-version check.
 */
class TrainingStatsGoldenTest {

  @TempDir
  Path dir;

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("golden-dead-relu.json", new String[] {"--preset", "dead-relu", "--steps",
            "25", "--every", "10", "--seed", "7"}, 0),
        Arguments.of("golden-dead-relu.csv", new String[] {"--preset", "dead-relu", "--steps",
            "25", "--every", "10", "--seed", "7"}, 0),
        Arguments.of("golden-exploding.json", new String[] {"--preset", "exploding", "--set",
            "learningRate=100", "--every", "1", "--seed", "3"}, 3),
        Arguments.of("golden-multiclass.csv", new String[] {"--preset", "playground", "--set",
            "dataset=spiral3", "--set", "activations=relu;gelu:approximate=true", "--steps", "12",
            "--every", "5"}, 0),
        Arguments.of("golden-sine.json", new String[] {"--preset", "playground", "--set",
            "dataset=sine", "--steps", "12", "--every", "5"}, 0));
  }

  @ParameterizedTest
  @MethodSource("runs")
  void statsAreByteForByteTheSame(String golden, String[] options, int status) throws Exception {
    Path out = dir.resolve(golden);
    String[] args = Stream.concat(Stream.of("train"),
        Stream.concat(Stream.of(options), Stream.of("--stats", out.toString())))
        .toArray(String[]::new);
    Result r = EvalCommandTest.run(args);
    assertThat(r.status()).as(r.err()).isEqualTo(status);
    byte[] expected;
    try (InputStream in = getClass().getResourceAsStream("/org/activationlab/export/" + golden)) {
      assertThat(in).as(golden).isNotNull();
      expected = in.readAllBytes();
    }
    // compared as text so that a failure shows where the files differ
    assertThat(Files.readString(out, java.nio.charset.StandardCharsets.UTF_8)).as(golden)
        .isEqualTo(new String(expected, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(out)).as(golden).isEqualTo(expected);
  }
}
