package org.activationlab.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;

/** The start of every picture: the theme's background, then antialiased drawing from here on. */
final class Backdrop {

  private Backdrop() {}

  /**
   * Fills (0, 0, width, height) with the theme's background and switches antialiasing on. The fill
   * itself is done with antialiasing off: an axis-aligned rectangle needs none, and through the
   * antialiasing pipeline a full-picture fill costs as much as all the curves together.
   */
  static void paint(Graphics2D g, double width, double height, Theme theme) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(theme.background());
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
  }
}
