package org.activationlab.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;

/**
 * Animated GIF export through javax.imageio's GIF writer: each frame is a {@link Picture} drawn
 * exactly as {@link PngExporter#render} draws a PNG, then written at once, so a recorder holds
 * one frame at a time however long the animation. The file appears only when {@link
 * Recorder#finish()} succeeds (temporary file, then a move, through {@link AtomicFiles}).
 *
 * <p>Colours: the writer reduces each frame to its own palette of at most 256 colours (an octree
 * over the frame's pixels, no dithering); renderer output — flat fills, antialiased edges,
 * viridis/magma ramps — comes back within a few units per channel. GIF transparency is one bit,
 * so antialiased edges over a transparent background would show fringes: {@link
 * Background#TRANSPARENT} is refused.
 *
 * <pre>{@code
 * GifExporter.Options o = new GifExporter.Options(800, 450, 1, Theme.light(), Background.THEME,
 *     10, true); // 10 cs = 100 ms per frame, loop forever
 * try (GifExporter.Recorder r = GifExporter.start(Path.of("run.gif"), o)) {
 *   for (...) r.add(picture);
 *   r.finish();
 * } // not finished (an exception, a diverged run): nothing is written
 * }</pre>
 */
public final class GifExporter {

  /** Largest frame delay GIF can store, in centiseconds. */
  public static final int MAX_DELAY_CS = 65_535;

  private GifExporter() {}

  /**
   * How to draw and play the frames.
   *
   * @param width picture width in user units
   * @param height picture height in user units
   * @param scale pixels per user unit (the image is {@code round(width·scale) ×
   *     round(height·scale)})
   * @param theme colours and fonts
   * @param background {@link Background#THEME} or {@link Background#WHITE}
   * @param delayCentiseconds time each frame is shown, 1..{@value #MAX_DELAY_CS} (GIF's unit is
   *     1/100 s; many viewers show delays below 2 as 10)
   * @param loop true: play forever (NETSCAPE2.0 loop extension, count 0); false: play once (no
   *     loop extension)
   */
  public record Options(int width, int height, double scale, Theme theme, Background background,
      int delayCentiseconds, boolean loop) {
    public Options {
      if (width <= 0 || height <= 0 || !(scale > 0)) {
        throw new IllegalArgumentException("size and scale must be positive");
      }
      if (theme == null || background == null) {
        throw new IllegalArgumentException("theme and background are required");
      }
      if (background == Background.TRANSPARENT) {
        throw new IllegalArgumentException("GIF has no partial transparency (antialiased edges "
            + "would show fringes): export the animation on the theme's or a white background");
      }
      if (delayCentiseconds < 1 || delayCentiseconds > MAX_DELAY_CS) {
        throw new IllegalArgumentException("frame delay must be 1.." + MAX_DELAY_CS
            + " centiseconds (got " + delayCentiseconds + ")");
      }
    }

    /** A delay in milliseconds as GIF centiseconds (rounded, clamped to 1..{@value #MAX_DELAY_CS}). */
    public static int centiseconds(int millis) {
      return (int) Math.max(1, Math.min(MAX_DELAY_CS, Math.round(millis / 10.0)));
    }
  }

  /**
   * Starts an animation at {@code out}: frames are written as they are added.
   *
   * @throws IOException if the folder is missing or not writable (nothing is created)
   */
  public static Recorder start(Path out, Options options) throws IOException {
    return new Recorder(AtomicFiles.begin(out), options);
  }

  /** Writes all {@code frames} (at least one) as one animation; nothing is left on failure. */
  public static void write(Path out, Options options, Iterable<? extends Picture> frames)
      throws IOException {
    try (Recorder r = start(out, options)) {
      for (Picture p : frames) {
        r.add(p);
      }
      r.finish();
    }
  }

  /**
   * An animation being written, one frame at a time (not thread-safe: add frames from one
   * thread). Closing it without {@link #finish()} discards everything written so far.
   */
  public static final class Recorder implements Closeable {
    private final AtomicFiles.Pending pending;
    private final Options options;
    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final ImageWriteParam param;
    private int frames;
    private boolean finished;
    private boolean closed;
    private boolean streamClosed;

    private Recorder(AtomicFiles.Pending pending, Options options) throws IOException {
      this.pending = pending;
      this.options = options;
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
      if (!writers.hasNext()) {
        pending.close();
        throw new IOException("no GIF writer available");
      }
      writer = writers.next();
      try {
        stream = new FileImageOutputStream(pending.temporaryFile().toFile());
        writer.setOutput(stream);
        param = writer.getDefaultWriteParam();
        writer.prepareWriteSequence(null);
      } catch (IOException | RuntimeException e) {
        writer.dispose();
        pending.close();
        throw e;
      }
    }

    /** Frames written so far. */
    public int frames() {
      return frames;
    }

    /** Draws {@code picture} as {@link PngExporter#render} does and appends it as a frame. */
    public void add(Picture picture) throws IOException {
      if (finished || closed) {
        throw new IllegalStateException("the animation is already " + (finished ? "finished"
            : "closed"));
      }
      BufferedImage argb = PngExporter.render(picture, options.theme(), options.width(),
          options.height(), options.scale(), options.background());
      BufferedImage rgb = opaque(argb);
      IIOMetadata meta = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(rgb), param);
      frameMetadata(meta, options.delayCentiseconds(), options.loop() && frames == 0);
      writer.writeToSequence(new IIOImage(rgb, null, meta), param);
      frames++;
    }

    /**
     * Ends the animation and moves the file into place.
     *
     * @throws IOException if no frame was added or the file cannot be completed (then nothing is
     *     left)
     */
    public void finish() throws IOException {
      if (finished || closed) {
        throw new IllegalStateException("the animation is already " + (finished ? "finished"
            : "closed"));
      }
      if (frames == 0) {
        throw new IOException("an animation needs at least one frame");
      }
      writer.endWriteSequence();
      streamClosed = true;
      stream.close();
      pending.commit();
      finished = true;
    }

    /** Releases the writer; without {@link #finish()} the partial file is deleted. */
    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      writer.dispose();
      try {
        if (!streamClosed) {
          streamClosed = true;
          stream.close();
        }
      } finally {
        pending.close();
      }
    }
  }

  /**
   * An opaque RGB copy: the writer then builds one palette per frame from the colours present.
   * (The rendered image's background is opaque, {@link Background#TRANSPARENT} being refused.)
   */
  private static BufferedImage opaque(BufferedImage argb) {
    BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.drawImage(argb, 0, 0, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static void frameMetadata(IIOMetadata meta, int delayCs, boolean loopExtension)
      throws IOException {
    String format = meta.getNativeMetadataFormatName();
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
    IIOMetadataNode gce = child(root, "GraphicControlExtension");
    gce.setAttribute("disposalMethod", "none");
    gce.setAttribute("userInputFlag", "FALSE");
    gce.setAttribute("transparentColorFlag", "FALSE");
    gce.setAttribute("delayTime", Integer.toString(delayCs));
    gce.setAttribute("transparentColorIndex", "0");
    if (loopExtension) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
      apps.appendChild(app);
    }
    meta.setFromTree(format, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
