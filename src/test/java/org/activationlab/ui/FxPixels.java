package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Pixels and screenshots of nodes for the UI tests; screenshots go to {@code target/screenshots}. */
public final class FxPixels {

  public static final Path SHOTS = Path.of("target", "screenshots");

  private FxPixels() {}

  /** The node's pixels (ARGB, row-major) after redrawing the picture it shows, if any. */
  public static int[] pixels(FxRobot robot, Node node) {
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> {
      if (node instanceof PictureCanvas c) {
        c.redraw();
      } else if (node.getParent() instanceof PictureCanvas c) {
        c.redraw();
      }
      img[0] = node.snapshot(null, null);
    });
    int w = (int) img[0].getWidth();
    int h = (int) img[0].getHeight();
    int[] argb = new int[w * h];
    img[0].getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return argb;
  }

  /** How many pixels differ (all of them when the sizes differ). */
  public static long differing(int[] a, int[] b) {
    if (a.length != b.length) {
      return Math.max(a.length, b.length);
    }
    long n = 0;
    for (int i = 0; i < a.length; i++) {
      n += a[i] != b[i] ? 1 : 0;
    }
    return n;
  }

  /** Saves a screenshot of the node as {@code target/screenshots/NAME}. */
  public static void save(FxRobot robot, Node node, String name) throws IOException {
    Files.createDirectories(SHOTS);
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> img[0] = node.snapshot(null, null));
    File out = SHOTS.resolve(name).toFile();
    ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out);
    assertThat(out).exists();
  }
}
