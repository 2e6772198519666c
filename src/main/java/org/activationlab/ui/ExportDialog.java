package org.activationlab.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.export.SvgExporter;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;

/**
 * Exports a picture as PNG (1×–4×) or SVG through the same renderer the screen uses: size from a
 * preset (the picture's size on screen, 1920×1080, 1280×720, 1024×768) or typed, background
 * (theme, white, transparent), with a live preview. The choices and the folder are remembered
 * between exports and runs. Also copies a picture to the clipboard.
 */
public final class ExportDialog {

  /** What the user chose; {@code scale} is ignored for SVG. */
  public record Choice(boolean svg, int width, int height, int scale, Background background) {}

  /** Slide sizes offered besides the size on screen and a typed one. */
  static final List<int[]> PRESETS = List.of(new int[] {1920, 1080}, new int[] {1280, 720},
      new int[] {1024, 768});

  private static final int PREVIEW_WIDTH = 360;
  private static volatile UserPrefs prefs;
  private static volatile Preferences memory =
      Preferences.userRoot().node("org/activationlab/export");

  private ExportDialog() {}

  /** Where choices and the last folder are remembered (the application's preferences). */
  public static void usePrefs(UserPrefs userPrefs) {
    prefs = userPrefs;
    memory = userPrefs.exportChoices();
  }

  /** Asks for format, size and file, then writes; errors are shown, never thrown. */
  public static void show(Window owner, Picture picture, Theme theme, double screenWidth,
      double screenHeight) {
    int w = (int) Math.max(320, Math.round(screenWidth));
    int h = (int) Math.max(200, Math.round(screenHeight));
    Optional<Choice> choice = ask(owner, picture, theme, w, h);
    if (choice.isEmpty()) {
      return;
    }
    Choice c = choice.get();
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.text("export.title"));
    chooser.setInitialFileName(picture.name() + (c.svg() ? ".svg" : ".png"));
    chooser.getExtensionFilters().add(c.svg()
        ? new FileChooser.ExtensionFilter("SVG", "*.svg")
        : new FileChooser.ExtensionFilter("PNG", "*.png"));
    if (prefs != null) {
      prefs.lastFolder().ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
    }
    // the platform's save dialog asks before replacing an existing file
    File file = chooser.showSaveDialog(owner);
    if (file == null) {
      return;
    }
    if (prefs != null) {
      prefs.setLastFolder(file.toPath().getParent());
    }
    String ext = c.svg() ? ".svg" : ".png";
    Path out = file.getName().toLowerCase(Locale.ROOT).endsWith(ext) ? file.toPath()
        : file.toPath().resolveSibling(file.getName() + ext);
    write(owner, picture, theme, c, out);
  }

  /** Writes the picture (complete or not at all); reports a failure in a dialog. */
  static boolean write(Window owner, Picture picture, Theme theme, Choice c, Path out) {
    try {
      if (c.svg()) {
        SvgExporter.write(picture, theme, c.width(), c.height(), c.background(), out);
      } else {
        PngExporter.write(picture, theme, c.width(), c.height(), c.scale(), c.background(), out);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      Alert alert = new Alert(Alert.AlertType.ERROR,
          I18n.text("export.failed", out.getFileName(), e.getMessage()));
      if (owner != null) {
        alert.initOwner(owner);
      }
      alert.show();
      return false;
    }
  }

  /** Puts the picture on the clipboard as an image at 2× its size on screen. */
  public static void copy(Picture picture, Theme theme, double width, double height) {
    BufferedImage image = PngExporter.render(picture, theme, (int) Math.max(1, width),
        (int) Math.max(1, height), 2, Background.THEME);
    ClipboardContent content = new ClipboardContent();
    content.putImage(SwingFXUtils.toFXImage(image, null));
    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
  }

  private static Optional<Choice> ask(Window owner, Picture picture, Theme theme, int screenW,
      int screenH) {
    Dialog<Choice> dialog = new Dialog<>();
    if (owner != null) {
      dialog.initOwner(owner);
    }
    dialog.setTitle(I18n.text("export.title"));
    ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList("PNG", "SVG"));
    format.setValue(memory.get("format", "PNG"));
    ChoiceBox<Integer> size = new ChoiceBox<>(FXCollections.observableArrayList(-1, 0, 1, 2, 3));
    size.setConverter(new StringConverter<>() {
      @Override
      public String toString(Integer i) {
        if (i == null) {
          return "";
        }
        return i == -1 ? I18n.text("export.size.screen", screenW, screenH)
            : i == PRESETS.size() ? I18n.text("export.size.custom")
            : PRESETS.get(i)[0] + " × " + PRESETS.get(i)[1];
      }

      @Override
      public Integer fromString(String s) {
        return null;
      }
    });
    Spinner<Integer> w = new Spinner<>(64, 8192, memory.getInt("width", screenW), 10);
    Spinner<Integer> h = new Spinner<>(64, 8192, memory.getInt("height", screenH), 10);
    w.setEditable(true);
    h.setEditable(true);
    size.setOnAction(e -> {
      Integer i = size.getValue();
      boolean custom = i != null && i == PRESETS.size();
      w.setDisable(!custom);
      h.setDisable(!custom);
      if (i != null && i == -1) {
        w.getValueFactory().setValue(screenW);
        h.getValueFactory().setValue(screenH);
      } else if (i != null && i >= 0 && i < PRESETS.size()) {
        w.getValueFactory().setValue(PRESETS.get(i)[0]);
        h.getValueFactory().setValue(PRESETS.get(i)[1]);
      }
    });
    size.setValue(Math.max(-1, Math.min(PRESETS.size(), memory.getInt("size", -1))));
    size.getOnAction().handle(null);
    ChoiceBox<Integer> scale = new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 3, 4));
    scale.setValue(Math.max(1, Math.min(4, memory.getInt("scale", 2))));
    scale.disableProperty().bind(format.valueProperty().isEqualTo("SVG"));
    ChoiceBox<Background> background =
        new ChoiceBox<>(FXCollections.observableArrayList(Background.values()));
    background.setValue(parseBackground(memory.get("background", Background.THEME.name())));
    background.setConverter(DisplayNames.of((Background b) ->
        I18n.text("export.background." + b.name().toLowerCase(Locale.ROOT))));
    ImageView preview = new ImageView();
    preview.setId("export-preview");
    Label pixels = new Label();
    Runnable refresh = () -> {
      int pw = w.getValue();
      int ph = h.getValue();
      double s = (double) PREVIEW_WIDTH / pw;
      preview.setImage(SwingFXUtils.toFXImage(PngExporter.render(picture, theme, pw, ph, s,
          background.getValue()), null));
      pixels.setText("SVG".equals(format.getValue()) ? I18n.text("export.vector", pw, ph)
          : I18n.text("export.pixels", pw * scale.getValue(), ph * scale.getValue()));
    };
    for (var p : List.of(w.valueProperty(), h.valueProperty(), scale.valueProperty(),
        background.valueProperty(), format.valueProperty())) {
      p.addListener(o -> refresh.run());
    }
    refresh.run();
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label(I18n.text("export.format")), format);
    grid.addRow(1, new Label(I18n.text("export.size")), size);
    grid.addRow(2, new Label(I18n.text("export.width")), w);
    grid.addRow(3, new Label(I18n.text("export.height")), h);
    grid.addRow(4, new Label(I18n.text("export.scale")), scale);
    grid.addRow(5, new Label(I18n.text("export.background")), background);
    grid.add(pixels, 1, 6);
    HBox content = new HBox(16, grid, preview);
    dialog.getDialogPane().setContent(content);
    ButtonType save = new ButtonType(I18n.text("export.save"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
    dialog.setResultConverter(b -> {
      if (b != save) {
        return null;
      }
      memory.put("format", format.getValue());
      memory.putInt("size", size.getValue());
      memory.putInt("width", w.getValue());
      memory.putInt("height", h.getValue());
      memory.putInt("scale", scale.getValue());
      memory.put("background", background.getValue().name());
      return new Choice("SVG".equals(format.getValue()), w.getValue(), h.getValue(),
          scale.getValue(), background.getValue());
    });
    return dialog.showAndWait();
  }

  private static Background parseBackground(String name) {
    try {
      return Background.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Background.THEME;
    }
  }
}
