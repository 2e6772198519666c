package org.activationlab.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.render.GradientHeatmapModel;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.render.NiceTicks;
import org.activationlab.render.RunDrawings;
import org.activationlab.render.Theme;
import org.activationlab.training.RunAlerts;
import org.activationlab.ui.FxPixels;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PicturePanel;
import org.activationlab.ui.ThemeManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The run viewer as a practitioner uses it: a PyTorch-style run file still being written opens,
 * grows on screen, is walked record by record; a wide layer is binned and read by hovering; an
 * alert leads to its place; a bad file is refused and changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class RunViewTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WIDE = 600;

  @TempDir
  Path dir;

  private RunViewerModel model;
  private ThemeManager themes;
  private RunView view;

  @Start
  void start(Stage stage) {
    I18n.setLocale(Locale.ENGLISH);
    model = new RunViewerModel();
    themes = new ThemeManager();
    view = new RunView(model, themes);
    Scene scene = new Scene(view, 1600, 1000);
    themes.attach(scene);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void close() {
    model.close();
  }

  /** The header of a three-layer probe run whose first layer is {@value #WIDE} units wide. */
  private static String header() throws Exception {
    ObjectNode h = JSON.createObjectNode();
    h.put("format", "activation-lab/training-stats").put("version", 2).put("layout", "jsonl")
        .put("source", "pytorch-probe");
    h.putObject("meta").put("torch", "1.13.1").put("every", 10);
    ArrayNode layers = h.putArray("layers");
    layers.addObject().put("index", 1).put("name", "encoder.fc1").put("kind", "hidden")
        .put("type", "linear").put("width", WIDE).put("activation", "relu");
    layers.addObject().put("index", 2).put("name", "encoder.fc2").put("kind", "hidden")
        .put("type", "linear").put("width", 8).put("activation", "sigmoid");
    layers.addObject().put("index", 3).put("name", "head").put("kind", "output")
        .put("type", "linear").put("width", 2).put("activation", "identity");
    return JSON.writeValueAsString(h) + "\n";
  }

  /** Unit j of the wide layer at record k has mean |δ| 1e-6·(j+1)·(k+1); units ≥ 400 dead. */
  static double wideValue(int k, int j) {
    return j >= 400 ? 0 : 1e-6 * (j + 1) * (k + 1);
  }

  private static String record(int k) throws Exception {
    ObjectNode r = JSON.createObjectNode();
    r.put("step", 10L * k).put("loss", 1.0 / (k + 1));
    r.putNull("testLoss");
    r.putNull("accuracy");
    ArrayNode layers = r.putArray("layers");
    int[] widths = {WIDE, 8, 2};
    for (int l = 0; l < 3; l++) {
      ObjectNode o = layers.addObject();
      ArrayNode g = o.putArray("neuronGradMeanAbs");
      ArrayNode d = o.putArray("dead");
      double sum = 0;
      for (int j = 0; j < widths[l]; j++) {
        double v = l == 0 ? wideValue(k, j) : 1e-3 * (l + 1);
        g.add(v);
        d.add(l == 0 && j >= 400);
        sum += v;
      }
      o.put("gradMeanAbs", sum / widths[l]);
      o.put("deadFraction", l == 0 ? (WIDE - 400) / (double) WIDE : 0);
      if (k == 0) {
        o.putNull("updateRatio");
      } else {
        o.put("updateRatio", l == 2 ? 0.05 : 1e-3); // the head learns too fast: an alert
      }
      ObjectNode h = o.putObject("histogram").put("min", -8).put("max", 8).put("below", 0)
          .put("above", 0);
      ArrayNode counts = h.putArray("counts");
      for (int b = 0; b < 32; b++) {
        counts.add(b == 15 || b == 16 ? 10 : 1);
      }
    }
    return JSON.writeValueAsString(r) + "\n";
  }

  private static void append(Path file, String text) throws Exception {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private void awaitRecords(int n) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> model.run() != null && model.run().size() == n);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private <T> T lookup(FxRobot robot, String id, Class<T> type) {
    return type.cast(robot.lookup("#" + id).query());
  }

  @Test
  void followsARunWhileItsFileGrows(FxRobot robot) throws Exception {
    Path file = dir.resolve("run.jsonl");
    append(file, header() + record(0) + record(1) + record(2));
    robot.interact(() -> view.open(file));
    awaitRecords(3);
    assertThat(lookup(robot, "run-title", Label.class).getText()).isEqualTo("run.jsonl");
    assertThat(lookup(robot, "run-facts", Label.class).getText()).contains("PyTorch probe")
        .contains("3 layers").contains("torch 1.13.1");
    assertThat(lookup(robot, "run-step", Label.class).getText())
        .isEqualTo("step 20 · record 3 of 3");
    // the writer goes on: two records and half of a third
    String third = record(5);
    append(file, record(3) + record(4) + third.substring(0, third.length() / 2));
    awaitRecords(5);
    assertThat(model.index()).as("Follow keeps the newest in view").isEqualTo(4);
    assertThat(lookup(robot, "run-status", Label.class).getText()).contains("Following")
        .contains("5 records");
    append(file, third.substring(third.length() / 2)
        + "{\"end\":true,\"diverged\":false,\"divergedAtStep\":null}\n");
    awaitRecords(6);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> lookup(robot, "run-status", Label.class).getText().startsWith("Finished"));
    assertThat(lookup(robot, "run-slider", Slider.class).getMax()).isEqualTo(5);
    FxPixels.save(robot, view, "run-viewer-1600x1000.png");
  }

  @Test
  void walksTheRecordsAndReadsABinnedLayerByHovering(FxRobot robot) throws Exception {
    Path file = dir.resolve("run.jsonl");
    StringBuilder all = new StringBuilder(header());
    for (int k = 0; k < 4; k++) {
      all.append(record(k));
    }
    Files.writeString(file, all);
    robot.interact(() -> view.open(file));
    awaitRecords(4);
    robot.clickOn(view.panels().get(1)); // keys go to the view
    robot.type(KeyCode.LEFT);
    robot.type(KeyCode.LEFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.index()).isEqualTo(1);
    assertThat(model.stickToLatestProperty().get()).as("walking back leaves Follow").isFalse();
    robot.type(KeyCode.HOME);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.index()).isZero();

    // the wide layer is drawn in bins: hover the second cell and read its units' numbers
    PicturePanel heat = view.panels().get(0);
    Theme theme = themes.renderTheme();
    double w = heat.canvas().getWidth();
    double h = heat.canvas().getHeight();
    GradientHeatmapModel m = new RunDrawings(model).heatmapModel(theme, w, h);
    int cells = m.rows().get(0).width();
    assertThat(cells).as("600 units do not fit one cell each").isLessThan(WIDE);
    GradientHeatmapRenderer renderer = new GradientHeatmapRenderer();
    Rectangle2D cell = renderer.cell(renderer.layout(w, h, m, theme), 0, 1);
    robot.interact(() -> heat.hoverAt(cell.getCenterX(), cell.getCenterY()));
    int from = WIDE / cells; // cell 1 holds units [from, 2·from) when cells divide evenly
    int to = (int) (2L * WIDE / cells);
    double sum = 0;
    for (int j = from; j < to; j++) {
      sum += wideValue(0, j);
    }
    assertThat(heat.readoutText()).startsWith("encoder.fc1 relu, units " + (from + 1) + "–" + to
        + " of 600").contains("mean |δ| = " + NiceTicks.significant(sum / (to - from), 3))
        .contains("smallest " + NiceTicks.significant(wideValue(0, from), 3))
        .contains("largest " + NiceTicks.significant(wideValue(0, to - 1), 3));

    // one picture alone, and back
    robot.type(KeyCode.DIGIT1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.focusedPicture()).isZero();
    robot.type(KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.focusedPicture()).isEqualTo(-1);
  }

  @SuppressWarnings("unchecked")
  @Test
  void anAlertLeadsToItsPlace(FxRobot robot) throws Exception {
    Path file = dir.resolve("run.jsonl");
    Files.writeString(file, header() + record(0) + record(1) + record(2) + record(3));
    robot.interact(() -> view.open(file));
    awaitRecords(4);
    ListView<RunAlerts.Span> alerts = lookup(robot, "run-alerts", ListView.class);
    RunAlerts.Span head = alerts.getItems().stream()
        .filter(s -> s.kind() == RunAlerts.Kind.UPDATE_RATIO_HIGH).findFirst().orElseThrow();
    assertThat(head.layer()).isEqualTo(2);
    assertThat(head.fromStep()).isEqualTo(10);
    robot.interact(() -> alerts.getSelectionModel().select(head));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.index()).isEqualTo(1);
    assertThat(model.activationLayer()).isEqualTo(2);
    // the dead units (> half of the wide layer's? no: 200 of 600) raise no dead alert
    assertThat(alerts.getItems()).noneMatch(s -> s.kind() == RunAlerts.Kind.DEAD);
  }

  @Test
  void aBadFileIsRefusedAndTheRunShownStays(FxRobot robot) throws Exception {
    Path good = dir.resolve("good.jsonl");
    Files.writeString(good, header() + record(0) + record(1));
    robot.interact(() -> view.open(good));
    awaitRecords(2);
    Path bad = dir.resolve("picture.json");
    Files.writeString(bad, "{\"format\": \"something-else\"}");
    robot.interact(() -> view.open(bad));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.lastAlert() != null
        && view.lastAlert().isShowing());
    WaitForAsyncUtils.waitForFxEvents();
    String text = ((Label) view.lastAlert().getDialogPane().getContent()).getText();
    assertThat(text).contains("picture.json");
    assertThat(text.lines().count()).isEqualTo(1);
    assertThat(model.fileProperty().get()).isEqualTo(good);
    assertThat(model.run().size()).isEqualTo(2);
    assertThat(lookup(robot, "run-title", Label.class).getText()).isEqualTo("good.jsonl");
    robot.interact(() -> view.lastAlert().close());
  }
}
