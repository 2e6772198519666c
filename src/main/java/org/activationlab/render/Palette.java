package org.activationlab.render;

import java.awt.Color;

/**
 * Series colours: the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies and readable on white and on dark backgrounds. Slot i always gives the same colour.
 */
public final class Palette {

  private static final Color[] COLORS = {
    new Color(0x00, 0x72, 0xB2), // blue
    new Color(0xD5, 0x5E, 0x00), // vermillion
    new Color(0x00, 0x9E, 0x73), // bluish green
    new Color(0xCC, 0x79, 0xA7), // reddish purple
    new Color(0xE6, 0x9F, 0x00), // orange
    new Color(0x56, 0xB4, 0xE9), // sky blue
    new Color(0xF0, 0xE4, 0x42), // yellow
  };

  private Palette() {}

  /** How many distinct colours there are before they repeat. */
  public static int size() {
    return COLORS.length;
  }

  /** The colour of slot {@code i} (wraps around). */
  public static Color color(int i) {
    return COLORS[Math.floorMod(i, COLORS.length)];
  }
}
