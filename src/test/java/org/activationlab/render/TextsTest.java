package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.activationlab.export.Background;
import org.activationlab.export.SvgExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The words in pictures exist in both languages, and a Chinese export carries Chinese text. */
class TextsTest {

  @TempDir
  Path dir;

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (var in = TextsTest.class.getResourceAsStream("/org/activationlab/render/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKeyExistsInBothLanguagesAndIsFound() throws Exception {
    Properties en = load("texts.properties");
    Properties zh = load("texts_zh.properties");
    assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    Theme english = Theme.light();
    Theme chinese = Theme.light().withLocale(Locale.SIMPLIFIED_CHINESE);
    for (String key : en.stringPropertyNames()) {
      assertThat(english.text(key, 1, 2)).doesNotStartWith("[");
      assertThat(chinese.text(key, 1, 2)).doesNotStartWith("[");
    }
    assertThat(chinese.text("network.title")).contains("网络");
    assertThat(english.text("heatmap.row", 44.4, 100)).isEqualTo("dead 44 % · sat 100 %");
    assertThat(english.text("no.such.key")).isEqualTo("[no.such.key]");
    // derived themes keep the language
    assertThat(chinese.scaled(1.5).highContrast().withBackground(java.awt.Color.WHITE).locale())
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void aChineseSvgExportHoldsChineseText() throws Exception {
    GradientHistoryModel m = new GradientHistoryModel(new double[][] {{1e-3, 1e-4}, {1e-2, 1e-2}},
        new long[] {1, 2}, new String[] {"1", "out"}, "mean |δ|", DecadeScale.GRADIENTS,
        Theme.light().withLocale(Locale.SIMPLIFIED_CHINESE));
    Picture p = Picture.of("h", (g, w, h, t) -> new GradientHistoryRenderer().draw(g, w, h, m));
    Path out = dir.resolve("h.svg");
    SvgExporter.write(p, m.theme(), 600, 300, Background.THEME, out);
    String svg = Files.readString(out);
    assertThat(svg).contains("梯度历史").contains("第 1 层");
  }
}
