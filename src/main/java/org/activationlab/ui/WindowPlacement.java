package org.activationlab.ui;

import javafx.geometry.Rectangle2D;

/** Where the window opens: its remembered or default size, within the screen, centred. */
final class WindowPlacement {

  private WindowPlacement() {}

  /**
   * The window's bounds for a wanted size on a screen whose usable area (without task bars) is
   * {@code screen}: each side at most the screen's, centred on it.
   */
  static Rectangle2D fit(double width, double height, Rectangle2D screen) {
    double w = Math.min(width, screen.getWidth());
    double h = Math.min(height, screen.getHeight());
    return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
        screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
  }
}
