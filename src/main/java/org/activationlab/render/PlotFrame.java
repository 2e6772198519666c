package org.activationlab.render;

import java.awt.geom.Rectangle2D;

/**
 * Where a plot's data area sits in the picture and how data coordinates map to it (y grows upward
 * in data, downward in pixels). The UI uses it to turn mouse positions into data coordinates.
 */
public final class PlotFrame {

  private final Rectangle2D area;
  private final Viewport viewport;

  public PlotFrame(Rectangle2D area, Viewport viewport) {
    this.area = area;
    this.viewport = viewport;
  }

  /** The data area in picture units. */
  public Rectangle2D area() {
    return area;
  }

  public Viewport viewport() {
    return viewport;
  }

  public double toPixelX(double x) {
    return area.getX() + (x - viewport.xMin()) / viewport.width() * area.getWidth();
  }

  public double toPixelY(double y) {
    return area.getY() + (viewport.yMax() - y) / viewport.height() * area.getHeight();
  }

  public double toDataX(double px) {
    return viewport.xMin() + (px - area.getX()) / area.getWidth() * viewport.width();
  }

  public double toDataY(double py) {
    return viewport.yMax() - (py - area.getY()) / area.getHeight() * viewport.height();
  }

  public boolean contains(double px, double py) {
    return area.contains(px, py);
  }
}
