package org.activationlab.render;

import java.awt.Graphics2D;

/**
 * Something people look at, drawn onto a Graphics2D in user units: the screen (FXGraphics2D on a
 * canvas), PNG and GIF (a BufferedImage) and SVG (SVGGraphics2D) all call the same method, each
 * with the theme it wants (exports may ask for a white or transparent background).
 */
public interface Picture {

  /** Draws the whole picture into the rectangle (0, 0, width, height) in the given theme. */
  void draw(Graphics2D g, double width, double height, Theme theme);

  /** A file-name-friendly name, e.g. {@code activation-functions}. */
  String name();

  /** The drawing part of a picture, for lambdas. */
  @FunctionalInterface
  interface Drawing {
    void draw(Graphics2D g, double width, double height, Theme theme);
  }

  /** A picture from a name and a drawing. */
  static Picture of(String name, Drawing drawing) {
    return new Picture() {
      @Override
      public void draw(Graphics2D g, double width, double height, Theme theme) {
        drawing.draw(g, width, height, theme);
      }

      @Override
      public String name() {
        return name;
      }
    };
  }
}
