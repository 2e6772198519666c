package org.activationlab.ui;

import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;

/**
 * The export dialog's form: format, size preset or typed size, scale, background, and a preview
 * of the picture as it will be written, with the resulting size. It starts from the choices
 * remembered in {@code memory} and remembers the ones made.
 */
final class ExportForm extends HBox {

  /** Slide sizes offered besides the size on screen and a typed one. */
  static final List<int[]> PRESETS = List.of(new int[] {1920, 1080}, new int[] {1280, 720},
      new int[] {1024, 768});
  /** Index of "as on screen" and of "custom" in the size choice. */
  static final int SCREEN = -1;
  static final int CUSTOM = PRESETS.size();

  private static final int PREVIEW_WIDTH = 360;

  private final Preferences memory;
  private final ChoiceBox<String> format =
      new ChoiceBox<>(FXCollections.observableArrayList("PNG", "SVG"));
  private final ChoiceBox<Integer> size =
      new ChoiceBox<>(FXCollections.observableArrayList(SCREEN, 0, 1, 2, CUSTOM));
  private final Spinner<Integer> width;
  private final Spinner<Integer> height;
  private final ChoiceBox<Integer> scale =
      new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 3, 4));
  private final ChoiceBox<Background> background =
      new ChoiceBox<>(FXCollections.observableArrayList(Background.values()));
  private final ImageView preview = new ImageView();
  private final Label pixels = new Label();

  ExportForm(Picture picture, Theme theme, int screenW, int screenH, Preferences memory) {
    super(16);
    this.memory = memory;
    format.setId("export-format");
    size.setId("export-size");
    scale.setId("export-scale");
    background.setId("export-background");
    preview.setId("export-preview");
    pixels.setId("export-pixels");
    format.setValue("SVG".equals(memory.get("format", "PNG")) ? "SVG" : "PNG");
    size.setConverter(DisplayNames.of((Integer i) -> i == SCREEN
        ? I18n.text("export.size.screen", screenW, screenH)
        : i == CUSTOM ? I18n.text("export.size.custom")
        : PRESETS.get(i)[0] + " × " + PRESETS.get(i)[1]));
    width = new Spinner<>(64, 8192, memory.getInt("width", screenW), 10);
    height = new Spinner<>(64, 8192, memory.getInt("height", screenH), 10);
    width.setEditable(true);
    height.setEditable(true);
    size.valueProperty().addListener((o, was, now) -> applySize(now, screenW, screenH));
    size.setValue(Math.max(SCREEN, Math.min(CUSTOM, memory.getInt("size", SCREEN))));
    applySize(size.getValue(), screenW, screenH);
    scale.setValue(Math.max(1, Math.min(4, memory.getInt("scale", 2))));
    scale.disableProperty().bind(format.valueProperty().isEqualTo("SVG"));
    background.setValue(parseBackground(memory.get("background", Background.THEME.name())));
    background.setConverter(DisplayNames.of((Background b) ->
        I18n.text("export.background." + b.name().toLowerCase(Locale.ROOT))));
    Runnable refresh = () -> {
      int pw = width.getValue();
      int ph = height.getValue();
      preview.setImage(SwingFXUtils.toFXImage(PngExporter.render(picture, theme, pw, ph,
          (double) PREVIEW_WIDTH / pw, background.getValue()), null));
      pixels.setText("SVG".equals(format.getValue()) ? I18n.text("export.vector", pw, ph)
          : I18n.text("export.pixels", pw * scale.getValue(), ph * scale.getValue()));
    };
    for (var p : List.of(width.valueProperty(), height.valueProperty(), scale.valueProperty(),
        background.valueProperty(), format.valueProperty())) {
      p.addListener(o -> refresh.run());
    }
    refresh.run();
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label(I18n.text("export.format")), format);
    grid.addRow(1, new Label(I18n.text("export.size")), size);
    grid.addRow(2, new Label(I18n.text("export.width")), width);
    grid.addRow(3, new Label(I18n.text("export.height")), height);
    grid.addRow(4, new Label(I18n.text("export.scale")), scale);
    grid.addRow(5, new Label(I18n.text("export.background")), background);
    grid.add(pixels, 1, 6);
    getChildren().addAll(grid, preview);
  }

  private void applySize(Integer i, int screenW, int screenH) {
    boolean custom = i != null && i == CUSTOM;
    width.setDisable(!custom);
    height.setDisable(!custom);
    if (i != null && i == SCREEN) {
      width.getValueFactory().setValue(screenW);
      height.getValueFactory().setValue(screenH);
    } else if (i != null && i >= 0 && i < PRESETS.size()) {
      width.getValueFactory().setValue(PRESETS.get(i)[0]);
      height.getValueFactory().setValue(PRESETS.get(i)[1]);
    }
  }

  /** The choice as it stands, remembered for the next export. */
  ExportDialog.Choice choose() {
    memory.put("format", format.getValue());
    memory.putInt("size", size.getValue());
    memory.putInt("width", width.getValue());
    memory.putInt("height", height.getValue());
    memory.putInt("scale", scale.getValue());
    memory.put("background", background.getValue().name());
    return new ExportDialog.Choice("SVG".equals(format.getValue()), width.getValue(),
        height.getValue(), scale.getValue(), background.getValue());
  }

  /** The size line under the form, e.g. "2560 × 1440 pixels". */
  String sizeText() {
    return pixels.getText();
  }

  ImageView preview() {
    return preview;
  }

  private static Background parseBackground(String name) {
    try {
      return Background.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Background.THEME;
    }
  }
}
