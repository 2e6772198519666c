package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.activationlab.activation.ActivationFunction;
import org.activationlab.activation.Catalog;
import org.junit.jupiter.api.Test;

class PaletteTest {

  @Test
  void theFunctionsPeopleCompareMostHaveDifferentHomeColours() {
    List<String> common = List.of("relu", "sigmoid", "tanh", "gelu", "elu", "leaky_relu",
        "silu");
    Set<Color> colours = new HashSet<>();
    common.forEach(id -> colours.add(Palette.of(id)));
    assertThat(colours).hasSize(common.size());
    // pairs a reviewer could not tell apart, and ReLU's family under ELU
    assertThat(Palette.of("tanh")).isNotEqualTo(Palette.of("elu"));
    assertThat(Palette.of("sigmoid")).isNotEqualTo(Palette.of("gelu"));
    assertThat(Palette.of("silu")).isNotEqualTo(Palette.of("gelu"));
    assertThat(Palette.of("mish")).isNotEqualTo(Palette.of("silu"));
    assertThat(Palette.of("softplus")).isNotEqualTo(Palette.of("relu"));
  }

  @Test
  void everyCatalogFunctionHasAHomeAndShownTogetherTheyGetDistinctSlots() {
    List<String> ids = Catalog.all().stream().map(ActivationFunction::id).toList();
    for (String id : ids) {
      assertThat(Palette.home(id)).isBetween(0, Palette.size() - 1);
    }
    for (int from = 0; from + Palette.size() <= ids.size(); from++) {
      int[] slots = Palette.assign(ids.subList(from, from + Palette.size()));
      assertThat(java.util.Arrays.stream(slots).distinct().count()).isEqualTo(Palette.size());
    }
    // alone, or first, a function has its home colour
    assertThat(Palette.assign(List.of("elu", "relu"))).containsExactly(Palette.home("elu"),
        Palette.home("relu"));
  }

  @Test
  void neighbouringColoursDifferForEveryone() {
    // every pair of palette colours differs clearly in lightness or hue, also in greyscale-ish
    // terms (deuteranopia keeps the blue–yellow axis): CIE76 ΔE on Lab ≥ 20
    for (int i = 0; i < Palette.size(); i++) {
      for (int j = i + 1; j < Palette.size(); j++) {
        assertThat(deltaE(Palette.color(i), Palette.color(j))).as("%d vs %d", i, j)
            .isGreaterThan(20);
      }
    }
  }

  @Test
  void everyColourReadsAsALineOnWhite() {
    for (int i = 0; i < Palette.size(); i++) {
      assertThat(contrast(Palette.color(i), Color.WHITE)).as("slot %d", i).isGreaterThan(2.0);
    }
  }

  private static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
  }

  private static double lin(int v) {
    double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  private static double deltaE(Color a, Color b) {
    double[] p = lab(a);
    double[] q = lab(b);
    return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2)
        + Math.pow(p[2] - q[2], 2));
  }

  private static double[] lab(Color c) {
    double r = lin(c.getRed());
    double g = lin(c.getGreen());
    double b = lin(c.getBlue());
    double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    double fx = f(x);
    double fy = f(y);
    double fz = f(z);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }
}
