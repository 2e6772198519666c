package org.activationlab.render;

import java.awt.Color;

/**
 * Perceptually ordered colour maps as 257-entry tables: viridis and magma (sequential) and a
 * blue–white–red diverging map for signed values. Interpolated in sRGB from the published stops
 * at tenths (matplotlib's viridis/magma, ColorBrewer's RdBu), which keeps them monotonic in
 * lightness and colour-blind safe.
 */
public final class ColorMap {

  public static final ColorMap VIRIDIS = new ColorMap(0x440154, 0x482475, 0x414487, 0x355F8D,
      0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725);
  public static final ColorMap MAGMA = new ColorMap(0x000004, 0x140E36, 0x3B0F70, 0x641A80,
      0x8C2981, 0xB73779, 0xDE4968, 0xF7705C, 0xFE9F6D, 0xFECF92, 0xFCFDBF);
  /** For values in [-1, 1] mapped to t = (v + 1) / 2: blue negative, white zero, red positive. */
  public static final ColorMap DIVERGING = new ColorMap(0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0,
      0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B);

  /** Odd, so that t = 0.5 hits the middle stop exactly. */
  private static final int SIZE = 257;
  private final int[] table = new int[SIZE];

  private ColorMap(int... stops) {
    for (int i = 0; i < SIZE; i++) {
      double pos = i / (SIZE - 1.0) * (stops.length - 1);
      int k = Math.min(stops.length - 2, (int) Math.floor(pos));
      double u = pos - k;
      table[i] = 0xFF000000 | mix(stops[k], stops[k + 1], u);
    }
  }

  private static int mix(int a, int b, double u) {
    int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - u) + ((b >> 16) & 0xFF) * u);
    int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - u) + ((b >> 8) & 0xFF) * u);
    int bl = (int) Math.round((a & 0xFF) * (1 - u) + (b & 0xFF) * u);
    return (r << 16) | (g << 8) | bl;
  }

  /** Opaque ARGB for t in [0, 1] (clamped; NaN maps to 0). */
  public int argb(double t) {
    if (!(t > 0)) {
      return table[0];
    }
    if (t >= 1) {
      return table[SIZE - 1];
    }
    return table[(int) (t * (SIZE - 1) + 0.5)];
  }

  public Color color(double t) {
    return new Color(argb(t), true);
  }

  /** Black or white, whichever reads better on the colour for t. */
  public Color textOn(double t) {
    int c = argb(t);
    double lum = 0.2126 * ((c >> 16) & 0xFF) + 0.7152 * ((c >> 8) & 0xFF) + 0.0722 * (c & 0xFF);
    return lum > 140 ? Color.BLACK : Color.WHITE;
  }
}
