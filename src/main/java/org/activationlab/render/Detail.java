package org.activationlab.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * How finely curves are sampled: device pixels per user unit. Taken from the Graphics2D's scale
 * (a 2× PNG needs twice the samples) or, for vector output that will be zoomed, from the
 * {@link #KEY} hint an exporter sets.
 */
public final class Detail {

  /** A rendering hint (Double) asking for at least this many samples per user unit. */
  public static final RenderingHints.Key KEY = new RenderingHints.Key(0x41_4c_01) {
    @Override
    public boolean isCompatibleValue(Object value) {
      return value instanceof Double d && d >= 1 && d <= 16;
    }
  };

  private Detail() {}

  /** Device pixels per user unit for this graphics context (≥ 1, ≤ 16). */
  public static double of(Graphics2D g) {
    double scale = Math.abs(g.getTransform().getScaleX());
    Object hint = g.getRenderingHint(KEY);
    double asked = hint instanceof Double d ? d : 1;
    return Math.max(1, Math.min(16, Math.max(scale, asked)));
  }
}
