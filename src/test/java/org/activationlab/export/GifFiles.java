package org.activationlab.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/** Reading animated GIFs back in tests: frames, per-frame metadata, loop extension, delays. */
public final class GifFiles {

  private GifFiles() {}

  public record Gif(List<BufferedImage> frames, List<IIOMetadataNode> metadata) {}

  public static Gif read(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      try {
        reader.setInput(in);
        int n = reader.getNumImages(true);
        List<BufferedImage> frames = new ArrayList<>();
        List<IIOMetadataNode> meta = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          frames.add(reader.read(i));
          meta.add((IIOMetadataNode) reader.getImageMetadata(i)
              .getAsTree("javax_imageio_gif_image_1.0"));
        }
        return new Gif(frames, meta);
      } finally {
        reader.dispose();
      }
    }
  }

  public static IIOMetadataNode node(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    return null;
  }

  public static boolean loops(IIOMetadataNode frame) {
    IIOMetadataNode apps = node(frame, "ApplicationExtensions");
    if (apps == null) {
      return false;
    }
    for (int i = 0; i < apps.getLength(); i++) {
      IIOMetadataNode app = (IIOMetadataNode) apps.item(i);
      byte[] data = (byte[]) app.getUserObject();
      if ("NETSCAPE".equals(app.getAttribute("applicationID"))
          && "2.0".equals(app.getAttribute("authenticationCode"))
          && data.length == 3 && data[0] == 1 && data[1] == 0 && data[2] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Largest difference of any channel over all pixels, and the mean of the per-pixel maxima. */
  public static double[] difference(BufferedImage a, BufferedImage b) {
    int max = 0;
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
          d = Math.max(d, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
        }
        max = Math.max(max, d);
        sum += d;
      }
    }
    return new double[] {max, sum / (a.getWidth() * a.getHeight())};
  }

  /** The delay of frame i in centiseconds, as stored. */
  public static int delay(Gif gif, int i) {
    return Integer.parseInt(node(gif.metadata().get(i), "GraphicControlExtension")
        .getAttribute("delayTime"));
  }
}
