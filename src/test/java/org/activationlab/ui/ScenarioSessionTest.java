package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.activationlab.activation.Catalog;
import org.activationlab.export.ScenarioDocument;
import org.activationlab.export.ScenarioFileException;
import org.activationlab.render.HistoryMetric;
import org.activationlab.render.LabModels;
import org.activationlab.render.Viewport;
import org.activationlab.training.Presets;
import org.activationlab.training.TrainingSnapshot;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.lab.LabModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Save → open gives back the same state; a refused file leaves the state as it was. */
class ScenarioSessionTest {

  @TempDir
  Path dir;

  private ExplorerModel explorer;
  private LabModel lab;
  private ThemeManager themes;
  private ScenarioSession session;

  @BeforeEach
  void setUp() {
    explorer = new ExplorerModel();
    lab = new LabModel();
    themes = new ThemeManager();
    session = new ScenarioSession(explorer, lab, themes);
  }

  @AfterEach
  void tearDown() {
    lab.close();
  }

  /** A state far from the defaults in every part. */
  private void changeEverything() {
    explorer.hide(Catalog.get("tanh"));
    explorer.show(Catalog.get("leaky_relu"));
    explorer.find(Catalog.get("leaky_relu")).orElseThrow().setParameter(0, 0.25);
    explorer.selectedProperty().set(Catalog.get("leaky_relu"));
    explorer.showDerivativeProperty().set(false);
    explorer.viewportProperty().set(new Viewport(-3, 7, -2, 4));
    explorer.logits().setAll(1.5, -0.5, 3.0);
    explorer.temperatureProperty().set(0.5);
    lab.loadPreset("dead-relu");
    assertThat(lab.set("learningRate", "0.7")).isEmpty();
    assertThat(lab.set("hidden", "12,10")).isEmpty();
    lab.historyMetricProperty().set(HistoryMetric.WEIGHT_RMS);
    lab.logLossProperty().set(false);
    themes.setDark(true);
    themes.presentationProperty().set(true);
  }

  @Test
  void savingAndOpeningRoundTripsTheWholeState() throws Exception {
    changeEverything();
    ScenarioDocument saved = session.capture();
    Path file = dir.resolve("lesson.json");
    session.save(file, org.activationlab.export.ViewState.Tab.EXPLORER);
    assertThat(session.file()).contains(file);

    // back to a different state, then open the file
    ExplorerModel freshExplorer = new ExplorerModel();
    try (LabModel freshLab = new LabModel()) {
      ThemeManager freshThemes = new ThemeManager();
      ScenarioSession other = new ScenarioSession(freshExplorer, freshLab, freshThemes);
      assertThat(other.capture()).isNotEqualTo(saved);
      assertThat(other.open(file)).isEmpty();
      assertThat(other.capture()).isEqualTo(saved);
      assertThat(freshLab.scenario().hidden()).containsExactly(12, 10);
      assertThat(freshExplorer.find(Catalog.get("leaky_relu")).orElseThrow().activation()
          .parameter("negative_slope")).isEqualTo(0.25);
      assertThat(freshThemes.renderTheme().fontSize())
          .isEqualTo(14 * ThemeManager.PRESENTATION_SCALE);
      // the Lab restarts the saved scenario from step 0
      freshLab.await(s -> s.scenario().equals(saved.lab()),
          java.time.Duration.ofSeconds(20));
      assertThat(freshLab.latest().step()).isZero();
    }
  }

  static Stream<String[]> badFiles() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    return Stream.of(
        new String[] {"malformed", "{\"format\": \"activation-lab/scenario\", version: 1}",
            "JSON"},
        new String[] {"truncated", "{\"format\":\"activation-lab/scenario\",\"version\":1,"
            + "\"lab\":{\"hidden\":[8,", "JSON"},
        new String[] {"wrong format", "{\"format\":\"something-else\",\"version\":1}", "format"},
        new String[] {"unknown version", "{\"format\":\"activation-lab/scenario\",\"version\":9}",
            "version"},
        new String[] {"invalid value", "{\"format\":\"activation-lab/scenario\",\"version\":1,"
            + "\"lab\":{\"learningRate\":-1}}", "learning"},
        new String[] {"hostile nesting", "{\"format\":\"activation-lab/scenario\",\"version\":1,"
            + "\"notes\":" + deep + "}", "nest"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aRefusedFileSaysWhyAndChangesNothing(String kind, String content, String reason)
      throws Exception {
    changeEverything();
    ScenarioDocument before = session.capture();
    Path file = dir.resolve(kind.replace(' ', '-') + ".json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> session.open(file)).isInstanceOf(ScenarioFileException.class)
        .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains(reason.toLowerCase()));
    assertThat(session.capture()).isEqualTo(before);
    assertThat(session.file()).isEmpty();
  }

  @Test
  void anOversizedFileIsRefusedBeforeReading() throws Exception {
    ScenarioDocument before = session.capture();
    Path file = dir.resolve("big.json");
    Files.write(file, new byte[(1 << 20) + 1]);
    assertThatThrownBy(() -> session.open(file)).hasMessageContaining("1 MB");
    assertThat(session.capture()).isEqualTo(before);
  }

  @Test
  void unknownFieldsAreReportedAndTheRestIsOpened() throws Exception {
    Path file = dir.resolve("extra.json");
    Files.writeString(file, "{\"format\":\"activation-lab/scenario\",\"version\":1,"
        + "\"lab\":{\"hidden\":[5,5],\"colour\":\"red\"},\"tempo\":3}", StandardCharsets.UTF_8);
    List<String> warnings = session.open(file);
    assertThat(warnings).anyMatch(w -> w.contains("colour")).anyMatch(w -> w.contains("tempo"));
    assertThat(lab.scenario().hidden()).containsExactly(5, 5);
  }

  @Test
  void aLessonSavedAgainKeepsItsTitleAndNotesInBothLanguages() throws Exception {
    Path lesson = Path.of("assets", "scenarios", "initialisation.json");
    ScenarioDocument original = org.activationlab.export.ScenarioFile.read(lesson).document();
    session.open(lesson);
    assertThat(lab.set("learningRate", "0.05")).isEmpty(); // the teacher changes a setting
    Path again = dir.resolve("mine.json");
    session.save(again, org.activationlab.export.ViewState.Tab.LAB);
    ScenarioDocument saved = org.activationlab.export.ScenarioFile.read(again).document();
    assertThat(saved.notes()).isEqualTo(original.notes());
    assertThat(saved.title()).isEqualTo(original.title());
    assertThat(saved.lab().learningRate()).isEqualTo(0.05);
  }

  @Test
  void aFileWithoutATitleIsNamedByItsFileName() throws Exception {
    Path file = dir.resolve("My lesson.JSON");
    Files.writeString(file, "{\"format\":\"activation-lab/scenario\",\"version\":1,"
        + "\"notes\":\"Only notes.\"}", StandardCharsets.UTF_8);
    session.open(file);
    assertThat(lab.lessonTitleProperty().get()).isEqualTo(
        org.activationlab.export.LocalizedText.of("My lesson"));
    assertThat(lab.lessonNotesProperty().get().in(java.util.Locale.CHINESE))
        .isEqualTo("Only notes.");
    // saving does not invent a title from the file's name
    session.save(dir.resolve("copy.json"), org.activationlab.export.ViewState.Tab.LAB);
    assertThat(Files.readString(dir.resolve("copy.json"))).doesNotContain("\"title\"");
  }

  @Test
  void theShippedLessonsOpen() throws Exception {
    try (Stream<Path> lessons = Files.list(Path.of("assets", "scenarios"))) {
      List<Path> files = lessons.filter(p -> p.toString().endsWith(".json")).toList();
      assertThat(files).hasSizeGreaterThanOrEqualTo(3);
      for (Path p : files) {
        assertThat(session.open(p)).as(p.toString()).isEmpty();
        assertThat(session.notes().en()).as(p + " has notes in English").isNotBlank();
        assertThat(session.notes().zh()).as(p + " has notes in Chinese").isNotBlank()
            .isNotEqualTo(session.notes().en());
        assertThat(lab.lessonNotesProperty().get()).as("the Lab shows them")
            .isEqualTo(session.notes());
        assertThat(lab.notesShownProperty().get()).isTrue();
        assertThat(lab.lessonTitleProperty().get().zh()).as(p + " has a Chinese title")
            .isNotBlank();
      }
    }
    session.open(Path.of("assets", "scenarios", "vanishing-gradients.json"));
    assertThat(lab.scenario().activation()).isEqualTo(
        Presets.get("deep-sigmoid").scenario().activation());
  }
  @Test
  void aComparisonOpensAsTwoRunsAndIsSavedAgain() throws Exception {
    session.open(Path.of("assets", "scenarios", "compare-sigmoid-relu.json"));
    assertThat(lab.comparison()).isPresent();
    assertThat(lab.comparison().get().a()).isEqualTo(Presets.get("deep-sigmoid").scenario());
    assertThat(lab.comparison().get().b().activation()).isEqualTo("relu");
    TrainingSnapshot s = lab.await(x -> x.comparing(), java.time.Duration.ofSeconds(30));
    assertThat(s.compared().scenario().init().spec()).isEqualTo("he_normal");

    assertThat(lab.set("learningRate", "0.05")).isEmpty(); // B's, the side being edited
    Path saved = dir.resolve("mine.json");
    session.save(saved, org.activationlab.export.ViewState.Tab.LAB);
    lab.loadPreset("playground");
    assertThat(lab.comparison()).isEmpty();
    session.open(saved);
    assertThat(lab.comparison()).isPresent();
    assertThat(lab.comparison().get().b().learningRate()).isEqualTo(0.05);
    assertThat(lab.comparison().get().a().learningRate()).isEqualTo(0.1);
  }
}
