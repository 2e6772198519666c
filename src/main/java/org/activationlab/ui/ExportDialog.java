package org.activationlab.ui;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
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
    ExportForm form = new ExportForm(picture, theme, screenW, screenH, memory);
    dialog.getDialogPane().setContent(form);
    ButtonType save = new ButtonType(I18n.text("export.save"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
    dialog.setResultConverter(b -> b == save ? form.choose() : null);
    return dialog.showAndWait();
  }

}
