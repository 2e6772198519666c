package org.activationlab.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.activationlab.export.LocalizedText;
import org.activationlab.export.ScenarioDocument;
import org.activationlab.export.ScenarioFile;
import org.activationlab.ui.FxPixels;
import org.activationlab.ui.I18n;
import org.activationlab.ui.ThemeManager;
import org.activationlab.ui.lab.LessonNotesPane.InlineFormula;
import org.activationlab.ui.lab.LessonNotesPane.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson's notes beside the Lab's pictures on a 1280×720 window, as a teacher uses them: shown
 * when the lesson opens, in the window's language, the maths typeset at the text's size, narrow
 * enough to leave the pictures their room; N closes and reopens them; closed in focus mode until
 * opened there; the chooser names the lesson until a setting starts a new network. Screenshots
 * under {@code target/screenshots/lesson-notes-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LessonNotesPaneTest {

  private static final Path LESSONS = Path.of("assets", "scenarios");

  private final FxRobot robot = new FxRobot();
  private LabModel model;
  private ThemeManager themes;
  private Scene scene;

  @BeforeAll
  void startStage() throws Exception {
    I18n.setLocale(Locale.ENGLISH);
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(stage -> {
      model = new LabModel();
      themes = new ThemeManager();
      scene = new Scene(new LabView(model, themes), 1280, 720);
      themes.attach(scene);
      stage.setScene(scene);
      stage.show();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void english() {
    robot.interact(() -> {
      themes.presentationProperty().set(false);
      themes.setDark(false);
      if (I18n.locale().getLanguage().equals("zh")) {
        I18n.setLocale(Locale.ENGLISH);
        scene.setRoot(new LabView(model, themes));
      }
    });
  }

  @AfterAll
  void stopStage() throws Exception {
    model.close();
    FxToolkit.cleanupStages();
    I18n.setLocale(Locale.ENGLISH);
  }

  private LabView view() {
    return (LabView) scene.getRoot();
  }

  private LessonNotesPane pane() {
    return view().notesPane();
  }

  private void open(String lesson) throws Exception {
    ScenarioDocument doc = ScenarioFile.read(LESSONS.resolve(lesson)).document();
    robot.interact(() -> model.loadLesson(doc.lab(), doc.title(), doc.notes()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private TextFlow flow() {
    return (TextFlow) pane().lookup("#lesson-notes-text");
  }

  private String shownText() {
    return flow().getChildren().stream().filter(n -> n instanceof Text)
        .map(n -> ((Text) n).getText()).collect(Collectors.joining());
  }

  private List<InlineFormula> formulas() {
    return flow().getChildren().stream().filter(n -> n instanceof InlineFormula)
        .map(n -> (InlineFormula) n).toList();
  }

  private double textSize() {
    return flow().getChildren().stream().filter(n -> n instanceof Text t
        && !t.getText().isEmpty()).map(n -> ((Text) n).getFont().getSize()).findFirst()
        .orElseThrow();
  }

  private boolean showing(String id) {
    Node n = pane().lookup(id);
    return n != null && n.isVisible() && n.isManaged() && pane().isVisible();
  }

  // ----------------------------------------------------------------------- text and maths

  @Test
  void theNotesAreCutIntoTextAndMaths() {
    assertThat(LessonNotesPane.segments("weights from $\\mathcal N(0, 0.15^2)$. Then"))
        .containsExactly(new Segment("weights from ", false),
            new Segment("\\mathcal N(0, 0.15^2)", true), new Segment(". Then", false));
    assertThat(LessonNotesPane.segments("costs \\$5, and $x$")).containsExactly(
        new Segment("costs $5, and ", false), new Segment("x", true));
    assertThat(LessonNotesPane.segments("a lone $ sign")).containsExactly(
        new Segment("a lone $ sign", false));
    assertThat(LessonNotesPane.segments("$a$$b$")).containsExactly(new Segment("a", true),
        new Segment("b", true));
    assertThat(LessonNotesPane.segments("$\\text{\\$}$ ok")).containsExactly(
        new Segment("\\text{\\$}", true), new Segment(" ok", false));
    assertThat(LessonNotesPane.segments("")).isEmpty();
  }

  // ------------------------------------------------------------------- on a 720p screen

  @Test
  void aLessonOpensWithItsNotesBesideThePicturesInEnglish() throws Exception {
    open("initialisation.json");
    assertThat(pane().isShown()).isTrue();
    assertThat(showing("#lesson-notes-open")).as("no reopening strip while open").isFalse();
    ScenarioDocument doc = ScenarioFile.read(LESSONS.resolve("initialisation.json")).document();
    assertThat(shownText()).startsWith("Initialisation: tanh with small normal weights")
        .contains("glorot_normal").doesNotContain("$");
    // every formula of the notes is typeset, at least at the size of the text around it
    long maths = LessonNotesPane.segments(doc.notes().en()).stream().filter(Segment::maths)
        .count();
    assertThat(formulas()).hasSize((int) maths).isNotEmpty();
    double size = textSize();
    assertThat(size).as("body text").isGreaterThanOrEqualTo(14);
    for (InlineFormula f : formulas()) {
      assertThat(f.size()).as(f.latex()).isGreaterThanOrEqualTo((float) size);
      assertThat(f.getLayoutBounds().getHeight()).as(f.latex()).isGreaterThanOrEqualTo(size);
    }
    // narrow: the pictures keep most of the width; the text wraps to the panel
    double lab = view().getWidth();
    assertThat(pane().getWidth()).isLessThanOrEqualTo(lab * LessonNotesPane.MAX_SHARE + 1)
        .isGreaterThan(lab * 0.15);
    assertThat(((Region) view().getCenter()).getWidth()).as("the pictures")
        .isGreaterThan(lab * 0.4);
    assertThat(flow().getWidth()).isLessThanOrEqualTo(pane().getWidth());
    assertThat(flow().getHeight()).as("wrapped into many lines").isGreaterThan(size * 10);
    // the chooser names the lesson
    assertThat(view().controls().presetShown()).isEqualTo(doc.title().en());
    FxPixels.save(robot, view(), "lesson-notes-1280x720-en.png");

    // presentation mode: the text grows to at least 18 px, the maths with it
    robot.interact(() -> themes.presentationProperty().set(true));
    WaitForAsyncUtils.waitForFxEvents();
    double big = textSize();
    assertThat(big).isGreaterThanOrEqualTo(18);
    for (InlineFormula f : formulas()) {
      assertThat(f.size()).as(f.latex()).isGreaterThanOrEqualTo((float) big);
    }
    assertThat(pane().getWidth()).isLessThanOrEqualTo(view().getWidth()
        * LessonNotesPane.MAX_SHARE + 1);
    FxPixels.save(robot, view(), "lesson-notes-1280x720-presentation.png");

    // dark theme: light words and light maths
    robot.interact(() -> themes.setDark(true));
    WaitForAsyncUtils.waitForFxEvents();
    Text word = (Text) flow().getChildren().stream().filter(n -> n instanceof Text t
        && !t.getText().isBlank()).findFirst().orElseThrow();
    assertThat(((javafx.scene.paint.Color) word.getFill()).getBrightness()).isGreaterThan(0.7);
    for (InlineFormula f : formulas()) {
      assertThat(inkBrightness(f)).as(f.latex()).isGreaterThan(0.7);
    }
    FxPixels.save(robot, view(), "lesson-notes-1280x720-dark.png");
  }

  /** The brightness of a formula's most opaque pixel: its ink. */
  private static double inkBrightness(InlineFormula f) {
    javafx.scene.image.Image img = f.getImage();
    javafx.scene.image.PixelReader r = img.getPixelReader();
    javafx.scene.paint.Color ink = javafx.scene.paint.Color.TRANSPARENT;
    for (int x = 0; x < img.getWidth(); x++) {
      for (int y = 0; y < img.getHeight(); y++) {
        javafx.scene.paint.Color c = r.getColor(x, y);
        if (c.getOpacity() > ink.getOpacity()) {
          ink = c;
        }
      }
    }
    return ink.getBrightness();
  }

  @Test
  void keyNClosesAndReopensTheNotesAndFocusModeKeepsThemClosedUntilAsked() throws Exception {
    open("dead-relus.json");
    double pictures = ((Region) view().getCenter()).getWidth();
    robot.type(KeyCode.N);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).isFalse();
    assertThat(model.notesShownProperty().get()).isFalse();
    assertThat(showing("#lesson-notes-open")).as("a strip to reopen them").isTrue();
    assertThat(((Region) view().getCenter()).getWidth()).as("the pictures take the room")
        .isGreaterThan(pictures + 100);
    FxPixels.save(robot, view(), "lesson-notes-1280x720-closed.png");
    robot.clickOn("#lesson-notes-open");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).isTrue();
    robot.clickOn("#lesson-notes-close");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).isFalse();
    robot.type(KeyCode.N);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).isTrue();

    // one picture alone: the notes give way, N brings them, Esc returns to all six with the notes
    robot.type(KeyCode.DIGIT3);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isVisible()).as("closed, and no strip, in focus mode").isFalse();
    robot.type(KeyCode.N);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).isTrue();
    FxPixels.save(robot, view(), "lesson-notes-1280x720-focus.png");
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().focusedPictureName()).isNull();
    assertThat(pane().isShown()).as("as they were before focus mode").isTrue();
    robot.type(KeyCode.DIGIT2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).as("closed again in focus mode next time").isFalse();
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).isTrue();
  }

  @Test
  void theChooserNamesTheLessonUntilASettingStartsANewNetwork() throws Exception {
    open("vanishing-gradients.json");
    assertThat(view().controls().presetShown()).isEqualTo("Vanishing gradients");
    robot.interact(() -> model.set("learningRate", "0.2")); // applied live: still the lesson's
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().controls().presetShown()).isEqualTo("Vanishing gradients");
    robot.interact(() -> model.set("seed", "2")); // a new network: custom settings
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().controls().presetShown()).isEqualTo(I18n.text("lab.preset.custom"));
    assertThat(pane().isShown()).as("the notes stay: they say what to change").isTrue();
    robot.interact(() -> model.loadPreset("relu-he"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().controls().presetShown()).isEqualTo(
        org.activationlab.training.Presets.get("relu-he").title(Locale.ENGLISH));
    assertThat(pane().isShown()).isTrue();
    // a file without a title is named by the caller (the session: the file's name)
    robot.interact(() -> model.loadLesson(model.scenario(), LocalizedText.of("my-lesson"),
        LocalizedText.EMPTY));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view().controls().presetShown()).isEqualTo("my-lesson");
    assertThat(pane().isVisible()).as("no notes: no panel, no strip").isFalse();
    robot.type(KeyCode.N);
    assertThat(pane().isVisible()).isFalse();
  }

  @Test
  void chineseNotesInAChineseWindowAndTheOtherLanguageWhenOnlyOneExists() throws Exception {
    open("initialisation.json");
    robot.interact(() -> {
      I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
      themes.setLocale(Locale.SIMPLIFIED_CHINESE);
      scene.setRoot(new LabView(model, themes)); // as a language switch rebuilds the views
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).as("still open after the language switch").isTrue();
    assertThat(shownText()).startsWith("初始化").contains("首层 : 末层");
    assertThat(formulas()).isNotEmpty();
    assertThat(view().controls().presetShown()).isEqualTo("初始化：过小的权重与 Glorot");
    assertThat(((javafx.scene.control.Label) pane().lookup(".section-title")).getText())
        .isEqualTo("课程说明");
    FxPixels.save(robot, view(), "lesson-notes-1280x720-zh.png");

    robot.interact(() -> model.loadLesson(model.scenario(), LocalizedText.EMPTY,
        new LocalizedText("Only English here: $x^2$.", "")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shownText()).startsWith("Only English here");
    assertThat(formulas()).hasSize(1);
    // closed notes stay closed over a language switch
    robot.type(KeyCode.N);
    robot.interact(() -> {
      I18n.setLocale(Locale.ENGLISH);
      themes.setLocale(Locale.ENGLISH);
      scene.setRoot(new LabView(model, themes));
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(pane().isShown()).isFalse();
    assertThat(showing("#lesson-notes-open")).isTrue();
  }

  @Test
  void mathsJlatexmathCannotReadIsShownAsWritten() throws Exception {
    robot.interact(() -> model.loadLesson(model.scenario(), LocalizedText.EMPTY,
        LocalizedText.of("Good $\\sqrt{2}$, bad $\\nosuchmacro{1}$ end.")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(formulas()).extracting(InlineFormula::latex).containsExactly("\\sqrt{2}");
    assertThat(shownText()).contains("$\\nosuchmacro{1}$").endsWith(" end.");
  }
}
