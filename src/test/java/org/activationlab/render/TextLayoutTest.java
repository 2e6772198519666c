package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.PropertyAnalysis;
import org.activationlab.activation.Softmax;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No text ever overprints or leaves its picture, and none is too small to read from the back of
 * a classroom.
 *
 * <p>Every picture — the Explorer's function plot (with and without the hover readout), softmax,
 * depth chart and typeset formulas, and the Lab's six pictures of real short runs (deep sigmoid,
 * dead ReLUs, three classes, regression, an exploding run and one diverged to NaN, and a run at
 * step 0) — is drawn at {@link #SIZES} (from 320 × 200 to 3840 × 2160, including the panels the
 * Lab's grid gives each picture on a 1280 × 720 and a 1920 × 1080 screen and the Explorer's
 * depth/softmax strip), light and dark,
 * 1× and presentation (the app's {@code highContrast().scaled(1.5)}), English and Chinese, through
 * {@link TextRecorder}, which records every text's box in device space. For every drawing:
 *
 * <ul>
 *   <li>no two text boxes intersect by more than {@link #TOLERANCE} px in both directions (the
 *       boxes are the fonts' logical boxes, so lines set one font height apart touch and pass;
 *       text on a label background — a legend panel, a cell — is held to the same rule: hidden is
 *       as unreadable as overprinted);
 *   <li>no text box leaves the picture's rectangle (by more than the tolerance);
 *   <li>every text is at least 12 px at 1× and 18 px in presentation ({@link #minimumSize}: 12 px
 *       scaled with the theme's font size). This holds at every size tested, the smallest
 *       included: renderers degrade by dropping ticks, thinning labels, shortening or moving
 *       text, never by shrinking it, so no size is exempt. Formulas are held to the body size
 *       instead: JLaTeXMath sets sub- and superscripts smaller by design, so the check is that a
 *       formula's main glyphs are at least the theme's body font size.
 * </ul>
 *
 * <p>Contact sheets are written to {@code target/contact-sheets/} for a person to look at: per
 * picture kind, {@code KIND.png} (every size in three looks; pictures wider than 1280 px drawn at
 * their size and shown scaled down) and {@code KIND-contents.png} (every content at the Lab's panel
 * size on a 720p screen in presentation and on a 1080p screen at 1×). {@code -DcontactSheets.tiles=true} also writes each
 * picture on its own under {@code tiles/}.
 */
class TextLayoutTest {

  /**
   * Sizes every picture is drawn at (w × h): small ones, the Explorer's depth and softmax strip in
   * presentation (640 × 120), the Lab's panels on a 720p screen (530 × 235, 740 × 240) and a 1080p
   * one (1110 × 355), a picture in focus at 720p, full HD and 4K.
   */
  static final int[][] SIZES = {
      {320, 200}, {640, 120}, {480, 320}, {530, 235}, {640, 400}, {740, 240}, {800, 600},
      {1110, 355}, {1280, 720}, {1920, 1080}, {3840, 2160}};

  /** How far two boxes may overlap (each way) and a box may reach outside, in px. */
  static final double TOLERANCE = 0.5;

  static final Path SHEETS = Path.of("target", "contact-sheets");

  /** A look: theme, presentation or not, language. */
  record Look(String name, Theme theme) {}

  static List<Look> looks() {
    List<Look> looks = new ArrayList<>();
    for (boolean dark : new boolean[] {false, true}) {
      for (boolean presentation : new boolean[] {false, true}) {
        for (Locale lang : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
          Theme t = (dark ? Theme.dark() : Theme.light()).withLocale(lang);
          t = presentation ? t.highContrast().scaled(1.5) : t;
          looks.add(new Look((dark ? "dark" : "light") + "-" + (presentation ? "presentation" : "1x")
              + "-" + lang.getLanguage(), t));
        }
      }
    }
    return looks;
  }

  /** The minimum text size in a theme: 12 px at 1×, 18 px at the presentation 1.5×. */
  static double minimumSize(Theme theme) {
    return 12 * theme.fontSize() / Theme.light().fontSize();
  }

  /** A picture kind with one content: what to draw in a given theme. */
  record Subject(String kind, String content, Function<Theme, Picture> picture) {}

  // ----------------------------------------------------------------------------- content

  private static final Map<String, TrainingSnapshot> RUNS = new LinkedHashMap<>();

  /** Real short runs, trained once for the whole class. */
  static synchronized Map<String, TrainingSnapshot> runs() {
    if (RUNS.isEmpty()) {
      RUNS.put("deep-sigmoid-300", train(Presets.get("deep-sigmoid").scenario(), 300));
      RUNS.put("dead-relu-300", train(Presets.get("dead-relu").scenario(), 300));
      RUNS.put("spiral3-200", train(Presets.get("playground").scenario()
          .withSetting("dataset", "spiral3"), 200));
      RUNS.put("sine-200", train(Presets.get("playground").scenario()
          .withSetting("dataset", "sine"), 200));
      RUNS.put("exploding-diverged", train(Presets.get("exploding").scenario(), 100));
      RUNS.put("nan-diverged", train(Presets.get("exploding").scenario()
          .withSetting("init", "normal:stddev=1e200"), 100));
      RUNS.put("step-0", train(Presets.get("deep-sigmoid").scenario(), 0));
      RUNS.put("spiral-all-features-100", train(Presets.get("playground").scenario()
          .withSettings(Map.of("dataset", "spiral", "features",
              "x1,x2,x1sq,x2sq,x1x2,sin1,sin2")), 100));
      RUNS.put("compare-deep-sigmoid-relu-he-300", train(Presets.get("deep-sigmoid").scenario(),
          300).comparedWith(train(Presets.get("relu-he").scenario(), 300)));
      Scenario exploding = Presets.get("exploding").scenario();
      RUNS.put("compare-exploding-vs-deeper-he", train(exploding, 100).comparedWith(train(
          exploding.withSettings(Map.of("init", "he_normal", "hidden", "8x8",
              "learningRate", "0.003")), 100)));
    }
    return RUNS;
  }

  /** Trains up to {@code steps} steps, stopping at a divergence. */
  static TrainingSnapshot train(Scenario s, int steps) {
    Run run = new Run(s);
    for (int k = 0; k < steps && !run.diverged(); k++) {
      run.step();
    }
    if (run.hasGrid()) {
      run.refreshGrid(Run.GRID_RESOLUTION);
    }
    return run.snapshot();
  }

  static List<Subject> labSubjects() {
    List<Subject> subjects = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, TrainingSnapshot> run : runs().entrySet()) {
      TrainingSnapshot s = run.getValue();
      HistoryMetric metric = HistoryMetric.values()[i % 2];
      int layer = i % 3 == 1 ? s.layers().size() - 2 : 0;
      LabDrawings drawings = new LabDrawings(new LabDrawings.Fixed(s, metric, i % 2 == 1, layer));
      for (LabDrawings.Kind kind : LabDrawings.Kind.values()) {
        if (kind == LabDrawings.Kind.BOUNDARY && s.grid() == null) {
          continue;
        }
        Picture p = kind.of(drawings);
        subjects.add(new Subject(kind.id(), run.getKey(), theme -> p));
      }
      i++;
    }
    return subjects;
  }

  static PlotSeries series(String spec, int slot, String label) {
    return new PlotSeries(Catalog.parse(spec), Palette.color(slot), label);
  }

  static String plotTitle(Theme theme) {
    return theme.locale().getLanguage().equals("zh") ? "激活函数" : "Activation functions";
  }

  static List<Subject> explorerSubjects() {
    List<Subject> subjects = new ArrayList<>();
    List<PlotSeries> three = List.of(series("sigmoid", 0, "Sigmoid"), series("tanh", 1, "Tanh"),
        series("relu", 2, "ReLU"));
    List<PlotSeries> six = List.of(series("sigmoid", 0, "Sigmoid"),
        series("hard_sigmoid", 4, "Hard sigmoid (PyTorch, Keras 3)"),
        series("leaky_relu:negative_slope=0.1", 3, "Leaky ReLU (α=0.1)"),
        series("rrelu", 5, "RReLU (evaluation mode) (l=0.125, u=0.3333)"),
        series("gelu", 6, "GELU (approximate=none)"), series("elu", 7, "ELU (α=1)"));
    FunctionPlotRenderer plot = new FunctionPlotRenderer();
    subjects.add(new Subject("function-plot", "three", t -> Picture.of("plot", (g, w, h, th) ->
        plot.draw(g, w, h, new FunctionPlotModel(three, Viewport.DEFAULT, true, true, th,
            Double.NaN, plotTitle(th))))));
    subjects.add(new Subject("function-plot", "six-long-names-hover", t -> Picture.of("plot",
        (g, w, h, th) -> plot.draw(g, w, h, new FunctionPlotModel(six, Viewport.DEFAULT, true,
            true, th, 1.3, plotTitle(th))))));
    subjects.add(new Subject("function-plot", "values-only-zoomed", t -> Picture.of("plot",
        (g, w, h, th) -> plot.draw(g, w, h, new FunctionPlotModel(three,
            new Viewport(-0.002, 0.003, -1234.5, 98765.4), true, false, th, Double.NaN,
            plotTitle(th))))));

    SoftmaxRenderer softmax = new SoftmaxRenderer();
    for (double[] z : new double[][] {{2, 1, 0.1}, {2, 1, 0.1, -1.5, 3.2, -0.4}}) {
      double t = z.length == 3 ? 1 : 0.5;
      double[] p = Softmax.probabilities(z, t);
      double[][] jac = Softmax.jacobian(p, t);
      subjects.add(new Subject("softmax", z.length + "-logits", th -> Picture.of("softmax",
          (g, w, h, theme) -> softmax.draw(g, w, h, new SoftmaxModel(z, t, p, jac, theme)))));
    }

    DepthRenderer depth = new DepthRenderer();
    List<DepthSeries> depthSeries = new ArrayList<>();
    String[][] functions = {{"sigmoid", "Sigmoid"}, {"tanh", "Tanh"}, {"relu", "ReLU"},
        {"gelu", "GELU"}, {"hard_sigmoid", "Hard sigmoid (PyTorch, Keras 3)"},
        {"softsign", "Softsign"}};
    for (int k = 0; k < functions.length; k++) {
      Activation a = Catalog.parse(functions[k][0]);
      depthSeries.add(new DepthSeries(functions[k][1], Palette.color(k),
          PropertyAnalysis.analyse(a).maxAbsDerivative()));
    }
    subjects.add(new Subject("depth", "two", th -> Picture.of("depth", (g, w, h, theme) ->
        depth.draw(g, w, h, new DepthModel(depthSeries.subList(0, 2), 30, theme)))));
    subjects.add(new Subject("depth", "six", th -> Picture.of("depth", (g, w, h, theme) ->
        depth.draw(g, w, h, new DepthModel(depthSeries, 30, theme)))));

    for (String id : new String[] {"sigmoid", "gelu", "hard_sigmoid"}) {
      var f = Catalog.get(id);
      for (String latex : new String[] {f.latexValue(), f.latexDerivative()}) {
        String content = id + (latex.equals(f.latexValue()) ? "-value" : "-derivative");
        subjects.add(new Subject("formula", content, th -> formula(latex, th)));
      }
    }
    return subjects;
  }

  /** A formula as the Explorer's info card typesets it: 19 px at 1×, scaled with the theme. */
  static Picture formula(String latex, Theme theme) {
    return new FormulaPicture(latex, (float) (19 * theme.fontSize() / Theme.light().fontSize()));
  }

  /** The run viewer's pictures of recorded runs: ours, a wide probe run, 224 layers. */
  static List<Subject> runSubjects() {
    Map<String, org.activationlab.training.RecordedRun> runs = new LinkedHashMap<>();
    runs.put("recorded-deep-sigmoid", org.activationlab.training.SnapshotRecords.run(
        RunModelsTest.deepSigmoid()));
    runs.put("probe-12x2048", RecordedRunSamples.probeLike(12, 2048, 120, "relu"));
    runs.put("probe-224-layers", RecordedRunSamples.probeLike(224, 64, 30, "gelu"));
    List<Subject> subjects = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, org.activationlab.training.RecordedRun> e : runs.entrySet()) {
      org.activationlab.training.RecordedRun run = e.getValue();
      RunDrawings d = new RunDrawings(new RunDrawings.Fixed(run, run.size() - 1,
          RunMetric.values()[i % 2 == 0 ? 0 : 3], i % 2 == 1, 0, 0,
          org.activationlab.training.RunAlerts.of(run)));
      for (RunDrawings.Kind kind : RunDrawings.Kind.values()) {
        Picture p = kind.of(d);
        subjects.add(new Subject("run-" + kind.id(), e.getKey(), theme -> p));
      }
      i++;
    }
    return subjects;
  }

  static List<Subject> subjects() {
    List<Subject> all = new ArrayList<>(explorerSubjects());
    all.addAll(labSubjects());
    all.addAll(runSubjects());
    return all;
  }

  /**
   * Words a picture must show where there is room (the guard leaves out what does not fit, so
   * overprinting alone cannot tell a picture that lost its key): the keys, legends' entries and
   * axis names, in the theme's language.
   */
  static List<String> essentials(Subject s, Theme t) {
    return switch (s.kind()) {
      case "network" -> List.of(t.text("network.in"), t.text("network.out"), "w > 0", "w < 0",
          "|δ|");
      case "boundary" -> List.of(t.text("boundary.train"), t.text("boundary.test"));
      case "heatmap" -> List.of(t.text("heatmap.legend"), t.text("heatmap.zero"),
          t.text("heatmap.nonFinite"), t.text("heatmap.dead"));
      case "loss" -> s.content().startsWith("compare")
          ? List.of(t.text("loss.compare.loss", "A"), t.text("loss.compare.loss", "B"),
              t.text("loss.compare.accuracy", "A"), t.text("loss.compare.accuracy", "B"), "100%")
          : lossKeys(RUNS.get(s.content()), t);
      case "history" -> List.of(t.text("history.layerAxis"), t.text("history.outputLayer"),
          t.text("axis.step"));
      case "run-heatmap" -> List.of(t.text("heatmap.legend"), t.text("heatmap.dead"));
      case "run-history" -> List.of(t.text("history.layerAxis"), t.text("axis.step"));
      case "run-loss" -> List.of(t.text("loss.train"));
      // the caption names the share that matters for the first hidden layer's function
      case "activations" -> List.of(switch (RUNS.get(s.content()).layers().get(0).flatness()) {
        case SWITCHES_OFF -> t.text("activations.inactive", "").replaceAll("[:：].*$", "");
        case SATURATES -> t.text("activations.saturated", "").replaceAll("[:：][^:：]*$", "");
        case NEITHER -> t.text("activations.neither");
      });
      case "function-plot" -> s.content().equals("three")
          ? List.of("Sigmoid", "Tanh", "ReLU", "f(x)", "f′(x)") : List.of("Sigmoid");
      case "softmax" -> List.of("z₁", "z₃", "T = ");
      case "depth" -> List.of("Sigmoid", "Tanh");
      default -> List.of();
    };
  }

  /**
   * The loss chart's key: train loss, and test loss and accuracy where the run has any (a
   * regression has no accuracy; a run that diverged at once has no finite test loss).
   */
  static List<String> lossKeys(TrainingSnapshot s, Theme t) {
    List<String> keys = new ArrayList<>(List.of(t.text("loss.train")));
    org.activationlab.training.History h = s.history();
    boolean test = false;
    boolean accuracy = false;
    for (int c = 0; c < h.size(); c++) {
      test |= Double.isFinite(h.testLoss(c));
      accuracy |= Double.isFinite(h.testAccuracy(c));
    }
    if (test) {
      keys.add(t.text("loss.test"));
    }
    if (accuracy) {
      keys.addAll(List.of(t.text("loss.accuracy"), "100%"));
    }
    return keys;
  }

  /**
   * Whether a drawing of this size in this theme has room for every essential word; two runs
   * side by side have half the width each.
   */
  static boolean roomy(Subject s, int[] size, Theme theme) {
    if (s.content().startsWith("compare") && !s.kind().equals("loss")) {
      SideBySide.Halves h = SideBySide.layout(size[0], size[1], theme);
      return roomy(new int[] {(int) h.a().getWidth(), (int) h.a().getHeight()}, theme);
    }
    return roomy(size, theme);
  }

  static boolean roomy(int[] size, Theme theme) {
    boolean presentation = theme.fontSize() > Theme.light().fontSize();
    return size[0] >= 1280 && size[1] >= 720 || !presentation && size[0] >= 1110 && size[1] >= 355;
  }

  /** The essential words missing from a drawing. */
  static List<String> missing(Subject s, List<TextRecorder.Text> texts, Theme theme) {
    List<String> missing = new ArrayList<>();
    for (String word : essentials(s, theme)) {
      if (texts.stream().noneMatch(t -> t.text().contains(word))) {
        missing.add("missing \"" + word + "\"");
      }
    }
    return missing;
  }

  // ------------------------------------------------------------------------------ checks

  /** What is wrong with the texts of one drawing of w × h in a theme; empty when all is well. */
  static List<String> problems(List<TextRecorder.Text> texts, double w, double h, Theme theme) {
    List<String> problems = new ArrayList<>();
    double min = minimumSize(theme);
    boolean formulaSeen = false;
    double largestFormulaGlyph = 0;
    for (int i = 0; i < texts.size(); i++) {
      TextRecorder.Text a = texts.get(i);
      Rectangle2D b = a.box();
      if (b.getMinX() < -TOLERANCE || b.getMinY() < -TOLERANCE || b.getMaxX() > w + TOLERANCE
          || b.getMaxY() > h + TOLERANCE) {
        problems.add("leaves the picture: " + a);
      }
      if (a.formula()) {
        formulaSeen = true;
        largestFormulaGlyph = Math.max(largestFormulaGlyph, a.size());
      } else if (a.size() < min - 0.01) {
        problems.add(String.format(Locale.ROOT, "smaller than %.0f px: %s", min, a));
      }
      for (int j = i + 1; j < texts.size(); j++) {
        TextRecorder.Text c = texts.get(j);
        if (a.formula() && c.formula()) {
          continue; // the glyphs of one formula: JLaTeXMath's typesetting, boxes nest by design
        }
        Rectangle2D x = b.createIntersection(c.box());
        if (x.getWidth() > TOLERANCE && x.getHeight() > TOLERANCE) {
          problems.add("overlap: " + a + " and " + c);
        }
      }
    }
    if (formulaSeen && largestFormulaGlyph < theme.fontSize() - 0.01) {
      problems.add(String.format(Locale.ROOT, "formula below body size %.1f px: largest glyph"
          + " %.1f px", theme.fontSize(), largestFormulaGlyph));
    }
    return problems;
  }

  static List<TextRecorder.Text> record(Picture p, int w, int h, Theme theme) {
    TextRecorder g = TextRecorder.withoutPixels();
    p.draw(g, w, h, theme);
    g.dispose();
    return g.texts();
  }

  @TestFactory
  Stream<DynamicTest> noTextOverprintsLeavesItsPictureOrIsTooSmall() {
    return subjects().stream().map(s -> DynamicTest.dynamicTest(s.kind() + " · " + s.content(),
        () -> {
          List<String> failures = new ArrayList<>();
          int drawings = 0;
          int texts = 0;
          for (Look look : looks()) {
            Picture p = s.picture().apply(look.theme());
            for (int[] size : SIZES) {
              List<TextRecorder.Text> recorded = record(p, size[0], size[1], look.theme());
              drawings++;
              texts += recorded.size();
              List<String> found = new ArrayList<>(problems(recorded, size[0], size[1],
                  look.theme()));
              if (roomy(s, size, look.theme())) {
                found.addAll(missing(s, recorded, look.theme()));
              }
              for (String problem : found) {
                failures.add(look.name() + " " + size[0] + "×" + size[1] + ": " + problem);
              }
            }
          }
          assertThat(drawings).isEqualTo(looks().size() * SIZES.length);
          assertThat(texts).as("texts drawn").isGreaterThan(drawings);
          assertThat(failures).as(s.kind() + " · " + s.content() + ": " + failures.size()
              + " problems").isEmpty();
        }));
  }

  /**
   * The same rules on the screen's Graphics2D: FXGraphics2D onto a JavaFX canvas, as the app's
   * PictureCanvas draws (its font metrics differ from AWT's: a renderer that trusted them set the
   * history's key over its step labels). Every subject at the Lab's panel sizes on a 720p and a
   * 1080p screen, in three looks.
   */
  @Test
  void onTheScreensGraphicsToo() throws Exception {
    org.testfx.api.FxToolkit.registerPrimaryStage();
    List<Look> looks = sheetLooks();
    int[][] sizes = {{740, 240}, {530, 235}, {1110, 355}};
    List<String> failures = new ArrayList<>();
    int[] drawings = {0};
    for (Subject s : subjects()) {
      org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
        for (Look look : looks) {
          for (int[] size : sizes) {
            javafx.scene.canvas.Canvas canvas = new javafx.scene.canvas.Canvas(size[0], size[1]);
            TextRecorder g = new TextRecorder(
                new org.jfree.fx.FXGraphics2D(canvas.getGraphicsContext2D()));
            s.picture().apply(look.theme()).draw(g, size[0], size[1], look.theme());
            drawings[0]++;
            List<String> found = new ArrayList<>(problems(g.texts(), size[0], size[1],
                look.theme()));
            if (roomy(s, size, look.theme())) {
              found.addAll(missing(s, g.texts(), look.theme()));
            }
            for (String problem : found) {
              failures.add(s.kind() + " · " + s.content() + " · " + look.name() + " " + size[0]
                  + "×" + size[1] + ": " + problem);
            }
          }
        }
      }).get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(drawings[0]).isEqualTo(subjects().size() * looks.size() * sizes.length);
    assertThat(failures).as(failures.size() + " problems on the screen's Graphics2D").isEmpty();
  }

  /** The check finds each kind of fault it is there for. */
  @Test
  void theCheckFindsOverprintingTextOutsideThePictureAndSmallText() {
    Theme theme = Theme.light();
    Picture faulty = Picture.of("faulty", (g, w, h, t) -> {
      g.setFont(t.font());
      g.drawString("100", 20f, 40f);
      g.drawString("1", 24f, 46f); // "100" over "1"
      g.drawString("× dead", (float) w - 10, 80f); // cut off at the right
      g.setFont(t.font(9, false));
      g.drawString("tiny", 20f, 120f);
      g.setFont(t.font());
      g.drawString("apart", 20f, 160f);
      g.drawString("below", 20f, (float) (160 + g.getFontMetrics().getHeight())); // touching
    });
    List<String> problems = problems(record(faulty, 300, 200, theme), 300, 200, theme);
    assertThat(problems).anyMatch(p -> p.startsWith("overlap") && p.contains("\"100\"")
        && p.contains("\"1\""));
    assertThat(problems).anyMatch(p -> p.startsWith("leaves the picture") && p.contains("dead"));
    assertThat(problems).anyMatch(p -> p.startsWith("smaller than 12 px") && p.contains("tiny"));
    assertThat(problems).noneMatch(p -> p.contains("apart") || p.contains("below"));
    assertThat(problems).hasSize(3);
    // under a transform (a 2× export), boxes and sizes are in device pixels
    Picture scaled = Picture.of("scaled", (g, w, h, t) -> {
      g.scale(2, 2);
      g.setFont(t.font(7, false));
      g.drawString("seven", 10f, 20f);
    });
    List<TextRecorder.Text> texts = record(scaled, 300, 200, theme);
    assertThat(texts).singleElement().satisfies(t -> {
      assertThat(t.size()).isEqualTo(14, org.assertj.core.data.Offset.offset(0.01));
      assertThat(t.box().getMinX()).isEqualTo(20, org.assertj.core.data.Offset.offset(0.01));
    });
  }

  // ------------------------------------------------------------------------ contact sheets

  /** The looks on a sheet: light 1× English, both languages in presentation, dark and light. */
  static List<Look> sheetLooks() {
    List<Look> all = looks();
    return List.of(all.get(0), all.get(3), all.get(6));
  }

  @TestFactory
  Stream<DynamicTest> contactSheets() {
    Map<String, List<Subject>> byKind = new LinkedHashMap<>();
    for (Subject s : subjects()) {
      byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
    }
    return byKind.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      List<Subject> subjects = e.getValue();
      // every size in four looks, of the first content
      List<List<Tile>> rows = new ArrayList<>();
      for (int[] size : SIZES) {
        List<Tile> row = new ArrayList<>();
        for (Look look : sheetLooks()) {
          row.add(tile(subjects.get(0), look, size));
        }
        rows.add(row);
      }
      Path sheet = writeSheet(e.getKey() + ".png", rows);
      assertThat(sheet).isNotEmptyFile();
      // every content at the sizes the Lab gives a picture at 720p (presentation) and 1080p
      List<List<Tile>> contents = new ArrayList<>();
      Look presentationZh = sheetLooks().get(1);
      Look light = sheetLooks().get(0);
      for (Subject s : subjects) {
        contents.add(List.of(tile(s, presentationZh, new int[] {740, 240}),
            tile(s, light, new int[] {1110, 355})));
      }
      assertThat(writeSheet(e.getKey() + "-contents.png", contents)).isNotEmptyFile();
    }));
  }

  /** One rendered picture with its caption. */
  record Tile(String caption, BufferedImage image) {}

  /** Widest a tile is shown on a sheet; larger pictures are drawn scaled down to it. */
  static final int TILE_WIDTH = 1280;

  static Tile tile(Subject s, Look look, int[] size) {
    double scale = Math.min(1, TILE_WIDTH / (double) size[0]);
    BufferedImage img = new BufferedImage((int) Math.round(size[0] * scale),
        (int) Math.round(size[1] * scale), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.scale(scale, scale); // the picture at its size, rasterised at the size it is shown
    s.picture().apply(look.theme()).draw(g, size[0], size[1], look.theme());
    g.dispose();
    String caption = s.content() + " · " + look.name() + " · " + size[0] + "×" + size[1]
        + (scale < 1 ? String.format(Locale.ROOT, " (shown at %.0f %%)", scale * 100) : "");
    if (scale == 1 && Boolean.getBoolean("contactSheets.tiles")) {
      // each picture on its own too, for a closer look: -DcontactSheets.tiles=true
      write(img, SHEETS.resolve("tiles").resolve(s.kind()).resolve(s.content() + "_"
          + look.name() + "_" + size[0] + "x" + size[1] + ".png"));
    }
    return new Tile(caption, img);
  }

  /** A grid of tiles with captions. */
  static Path writeSheet(String name, List<List<Tile>> rows) {
    int gap = 16;
    int caption = 22;
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    int[] colW = new int[columns];
    int[] rowH = new int[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        BufferedImage img = rows.get(r).get(c).image();
        colW[c] = Math.max(colW[c], img.getWidth());
        rowH[r] = Math.max(rowH[r], img.getHeight() + caption);
      }
    }
    int width = gap;
    for (int w : colW) {
      width += w + gap;
    }
    int height = gap;
    for (int h : rowH) {
      height += h + gap;
    }
    BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0x80, 0x80, 0x80));
    g.fillRect(0, 0, width, height);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    int y = gap;
    for (int r = 0; r < rows.size(); r++) {
      int x = gap;
      for (int c = 0; c < rows.get(r).size(); c++) {
        Tile t = rows.get(r).get(c);
        g.setColor(Color.WHITE);
        g.drawString(t.caption(), x, y + 15);
        g.drawImage(t.image(), x, y + caption, null);
        x += colW[c] + gap;
      }
      y += rowH[r] + gap;
    }
    g.dispose();
    Path file = SHEETS.resolve(name);
    write(sheet, file);
    return file;
  }

  /** Writes a PNG with light compression: sheets are large and only looked at. */
  static void write(BufferedImage image, Path file) {
    try {
      Files.createDirectories(file.getParent());
      javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
      javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f); // deflate level 1 rather than 9
      Files.deleteIfExists(file);
      try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(
          file.toFile())) {
        writer.setOutput(out);
        writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
