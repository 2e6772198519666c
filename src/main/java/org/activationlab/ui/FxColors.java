package org.activationlab.ui;

import javafx.scene.paint.Color;

/** Converts the renderers' AWT colours for JavaFX controls (swatches, labels). */
public final class FxColors {

  private FxColors() {}

  public static Color toFx(java.awt.Color c) {
    return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
  }
}
