package org.activationlab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.export.SvgExporter;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;

/**
 * Exports a picture as PNG (1×–4×) or SVG through the same renderer the screen uses. The size
 * defaults to the picture's size on screen.
 */
public final class ExportDialog {

  /** What the user chose; {@code scale} is ignored for SVG. */
  public record Choice(boolean svg, int width, int height, int scale, Background background) {}

  private static File lastFolder;

  private ExportDialog() {}

  /** Asks for format, size and file, then writes; errors are shown, never thrown. */
  public static void show(Window owner, Picture picture, Theme theme, double screenWidth,
      double screenHeight) {
    Optional<Choice> choice = ask(owner, (int) Math.max(320, screenWidth),
        (int) Math.max(200, screenHeight));
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
    if (lastFolder != null && lastFolder.isDirectory()) {
      chooser.setInitialDirectory(lastFolder);
    }
    File file = chooser.showSaveDialog(owner);
    if (file == null) {
      return;
    }
    lastFolder = file.getParentFile();
    write(owner, picture, theme, c, file.toPath());
  }

  /** Writes the picture; reports the outcome in a dialog. */
  static void write(Window owner, Picture picture, Theme theme, Choice c, Path out) {
    try {
      if (c.svg()) {
        SvgExporter.write(picture, theme, c.width(), c.height(), c.background(), out);
      } else {
        PngExporter.write(picture, theme, c.width(), c.height(), c.scale(), c.background(), out);
      }
    } catch (IOException | RuntimeException e) {
      Alert alert = new Alert(Alert.AlertType.ERROR,
          I18n.text("export.failed", out.getFileName(), e.getMessage()));
      alert.initOwner(owner);
      alert.show();
    }
  }

  private static Optional<Choice> ask(Window owner, int width, int height) {
    Dialog<Choice> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(I18n.text("export.title"));
    ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList("PNG", "SVG"));
    format.setValue("PNG");
    Spinner<Integer> w = new Spinner<>(64, 8192, width, 10);
    Spinner<Integer> h = new Spinner<>(64, 8192, height, 10);
    w.setEditable(true);
    h.setEditable(true);
    ChoiceBox<Integer> scale = new ChoiceBox<>(FXCollections.observableArrayList(1, 2, 3, 4));
    scale.setValue(2);
    scale.disableProperty().bind(format.valueProperty().isEqualTo("SVG"));
    ChoiceBox<Background> background =
        new ChoiceBox<>(FXCollections.observableArrayList(Background.values()));
    background.setValue(Background.THEME);
    background.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(Background b) {
        return b == null ? "" : I18n.text("export.background." + b.name().toLowerCase(java.util.Locale.ROOT));
      }

      @Override
      public Background fromString(String s) {
        return null;
      }
    });
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label(I18n.text("export.format")), format);
    grid.addRow(1, new Label(I18n.text("export.width")), w);
    grid.addRow(2, new Label(I18n.text("export.height")), h);
    grid.addRow(3, new Label(I18n.text("export.scale")), scale);
    grid.addRow(4, new Label(I18n.text("export.background")), background);
    dialog.getDialogPane().setContent(grid);
    ButtonType save = new ButtonType(I18n.text("export.save"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
    dialog.setResultConverter(b -> b == save
        ? new Choice("SVG".equals(format.getValue()), w.getValue(), h.getValue(), scale.getValue(),
            background.getValue())
        : null);
    return dialog.showAndWait();
  }
}
