package org.activationlab.runs.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.activationlab.runs.tensorboard.Sample.Quantity;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event files written by torch 1.13's SummaryWriter (probe/examples/make_tensorboard_fixture.py)
 * read back against the values the script computed from torch directly.
 */
class TensorBoardRunsTest {

  private static final String MODULES_PREFIX = "/runs/tensorboard/";
  private static final List<String> MODULES = List.of("0", "2", "4");

  private static JsonNode expected;

  @TempDir
  Path tmp;

  @BeforeAll
  static void readExpected() throws IOException {
    try (InputStream in = TensorBoardRunsTest.class
        .getResourceAsStream(MODULES_PREFIX + "expected.json")) {
      expected = new ObjectMapper().readTree(in);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(TensorBoardRunsTest.class.getResource(MODULES_PREFIX + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static Path fixtureFile() {
    return resource("mlp/events.out.tfevents.1700000000.fixture.mlp");
  }

  private static void assertRelative(double actual, double expectedValue, String what) {
    assertThat(actual).as(what).isCloseTo(expectedValue,
        within(Math.abs(expectedValue) * 1e-6));
  }

  /** Every step's loss, weight-gradient RMS and norm equal the JSON's; bias has no field. */
  private static void assertMatchesExpected(RecordedRun run, int steps) {
    assertThat(run.size()).isEqualTo(steps);
    for (int i = 0; i < steps; i++) {
      RecordedStep r = run.record(i);
      JsonNode e = expected.get("steps").get(i);
      assertThat(r.step()).isEqualTo(e.get("step").asLong());
      assertRelative(r.loss(), e.get("loss").asDouble(), "loss at step " + r.step());
      assertThat(r.testLoss()).isNaN();
      assertThat(r.accuracy()).isNaN();
      for (int l = 0; l < MODULES.size(); l++) {
        JsonNode w = e.get("params").get(MODULES.get(l) + ".weight");
        LayerRecord layer = r.layer(l);
        String where = "layer " + MODULES.get(l) + " at step " + r.step();
        assertRelative(layer.gradWeightRms(), w.get("rms").asDouble(), "RMS of " + where);
        assertRelative(layer.gradWeightNorm(), w.get("norm").asDouble(), "norm of " + where);
        assertThat(layer.hasUnits()).isFalse();
        assertThat(layer.deadFraction()).isNaN();
        assertThat(layer.saturatedFraction()).isNaN();
        assertThat(layer.gradMeanAbs()).as("δ is not in a TensorBoard log").isNaN();
        assertThat(layer.histogram()).isNull();
      }
    }
  }

  @Test
  void aSummaryWritersFileGivesEachModulesGradientHistory() throws IOException {
    RecordedRun run = TensorBoardRuns.read(fixtureFile());

    assertThat(run.source()).isEqualTo(RecordedRun.Source.TENSORBOARD);
    assertThat(run.complete()).isTrue();
    assertThat(run.diverged()).isFalse();
    assertThat(run.layers()).extracting(RecordedLayer::name).containsExactlyElementsOf(MODULES);
    assertThat(run.layers()).allSatisfy(l -> {
      assertThat(l.kind()).isEqualTo("hidden");
      assertThat(l.width()).isZero();
      assertThat(l.type()).isEmpty();
    });
    assertThat(run.layers()).extracting(RecordedLayer::index).containsExactly(1, 2, 3);
    // 6 gradient histograms, 6 norms, the total norm and the loss
    assertThat(run.meta()).containsEntry("file", "events.out.tfevents.1700000000.fixture.mlp")
        .containsEntry("tags", "14").doesNotContainKey("files");
    assertMatchesExpected(run, 30);
  }

  @Test
  void aDirectoryOfTwoFilesIsMergedByStep() throws IOException {
    // one file holds the histograms and the loss, the other the norms of the same steps
    RecordedRun run = TensorBoardRuns.read(resource("split"));

    assertThat(run.layers()).extracting(RecordedLayer::name).containsExactlyElementsOf(MODULES);
    assertThat(run.meta()).containsEntry("file", "split").containsEntry("files", "2")
        .containsEntry("tags", "14");
    assertMatchesExpected(run, 10);
  }

  @Test
  void eventFilesAndTheirDirectoriesAreRecognised() throws IOException {
    assertThat(TensorBoardRuns.isEventFile(fixtureFile())).isTrue();
    assertThat(TensorBoardRuns.isEventFile(resource("split"))).isTrue();
    assertThat(TensorBoardRuns.isEventFile(resource("expected.json"))).isFalse();
    assertThat(TensorBoardRuns.isEventFile(resource(""))).isFalse(); // only subdirectories
    assertThat(TensorBoardRuns.isEventFile(tmp.resolve("events.out.tfevents.missing"))).isFalse();
  }

  @Test
  void aFileThatIsNotAnEventFileIsRefusedClearly() throws IOException {
    assertThatThrownBy(() -> TensorBoardRuns.read(resource("expected.json")))
        .isInstanceOf(IOException.class)
        .hasMessage("expected.json: not a TensorBoard event file (its name does not start with "
            + "events.out.tfevents)");

    Path text = tmp.resolve("events.out.tfevents.123.text");
    Files.writeString(text, "{\"this is\": \"JSON, not a TFRecord file\"}\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TensorBoardRuns.read(text)).isInstanceOf(IOException.class)
        .hasMessage("events.out.tfevents.123.text: offset 0: length checksum mismatch "
            + "(not a TFRecord file, or corrupted)");

    // well framed, but the record is no Event with a file version
    Path framed = tmp.resolve("events.out.tfevents.124.framed");
    Files.write(framed, TfRecordReaderTest.frame(new byte[] {8, 1}));
    assertThatThrownBy(() -> TensorBoardRuns.read(framed)).isInstanceOf(IOException.class)
        .hasMessage("events.out.tfevents.124.framed: offset 0: not a TensorBoard event file "
            + "(its first record is not a file_version event)");

    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertThatThrownBy(() -> TensorBoardRuns.read(empty)).isInstanceOf(IOException.class)
        .hasMessageEndingWith("empty: no events.out.tfevents.* file in this directory");
  }

  @Test
  void aCorruptedRecordIsAnErrorNamingTheFileAndOffset() throws IOException {
    byte[] bytes = Files.readAllBytes(fixtureFile());
    bytes[bytes.length / 2] ^= 0x10;
    Path file = Files.write(tmp.resolve("events.out.tfevents.1.corrupt"), bytes);
    assertThatThrownBy(() -> TensorBoardRuns.read(file)).isInstanceOf(IOException.class)
        .hasMessageMatching("events\\.out\\.tfevents\\.1\\.corrupt: offset \\d+: "
            + "(data|length) checksum mismatch .*");
  }

  @Test
  void aFileStillBeingWrittenIsReadUpToItsLastWholeRecordAndFollowedFromThere()
      throws IOException {
    byte[] whole = Files.readAllBytes(fixtureFile());
    Path growing = tmp.resolve("events.out.tfevents.2.growing");
    Files.write(growing, Arrays.copyOf(whole, whole.length * 2 / 3));

    RecordedRun partial = TensorBoardRuns.read(growing);
    assertThat(partial.size()).isBetween(15, 25);
    TensorBoardRuns.Slice first = TensorBoardRuns.readFrom(growing, 0);
    assertThat(first.nextOffset()).isLessThan(whole.length * 2L / 3).isGreaterThan(0);

    Files.write(growing, whole); // the writer went on
    TensorBoardRuns.Slice rest = TensorBoardRuns.readFrom(growing, first.nextOffset());
    assertThat(rest.nextOffset()).isEqualTo(whole.length);

    List<Sample> all = TensorBoardRuns.readFrom(fixtureFile(), 0).samples();
    // 30 steps × (6 histograms + 6 norms + loss); the total norm is not taken
    assertThat(all).hasSize(30 * 13);
    assertThat(first.samples().size() + rest.samples().size()).isEqualTo(all.size());
    assertThat(rest.samples()).isEqualTo(all.subList(first.samples().size(), all.size()));
    assertThat(all).filteredOn(s -> s.quantity() == Quantity.GRAD_BIAS_RMS)
        .extracting(Sample::module).containsOnly("0", "2", "4").hasSize(90);
    assertThat(all).filteredOn(s -> s.quantity() == Quantity.LOSS)
        .extracting(Sample::module).containsOnly("loss");
  }

  @Test
  void aFollowOffsetOutsideTheFileIsRefused() {
    assertThatThrownBy(() -> TensorBoardRuns.readFrom(fixtureFile(), 1L << 40))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("events.out.tfevents.1700000000.fixture.mlp: offset "
            + (1L << 40) + ": outside the file");
  }
}
