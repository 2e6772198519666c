package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.activationlab.training.Comparison;
import org.activationlab.training.Run;
import org.activationlab.training.TrainingSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparedPicturesTest {

  static TrainingSnapshot a;
  static TrainingSnapshot b;
  static TrainingSnapshot pair;

  @BeforeAll
  static void train() {
    Comparison c = Comparison.ofPresetPair("deep-sigmoid");
    a = TextLayoutTest.train(c.a(), 200);
    b = TextLayoutTest.train(c.b(), 200);
    pair = a.comparedWith(b);
  }

  static LabDrawings drawings(TrainingSnapshot s, Optional<DecadeRange> lock) {
    return new LabDrawings(new LabDrawings.Fixed(s, HistoryMetric.MEAN_ABS_DELTA, true, 0, lock));
  }

  @Test
  void bothHalvesShareTheUnionOfTheirGradientRanges() {
    LabDrawings d = drawings(pair, Optional.empty());
    GradientHeatmapModel ma = d.heatmapModel(Theme.light());
    GradientHeatmapModel mb = d.side(1).heatmapModel(Theme.light());
    DecadeRange union = LabModels.gradientRange(a).union(LabModels.gradientRange(b));
    assertThat(LabModels.gradientRange(a)).as("the runs' own ranges differ")
        .isNotEqualTo(LabModels.gradientRange(b));
    assertThat(new int[] {ma.decadeMin(), ma.decadeMax()}).containsExactly(union.min(), union.max());
    assertThat(new int[] {mb.decadeMin(), mb.decadeMax()}).containsExactly(union.min(), union.max());
    assertThat(ma.locked()).as("a shared range is not the user's lock").isFalse();
    assertThat(mb.rows()).hasSize(b.layers().size());
    assertThat(d.side(1).shown()).isSameAs(b);
    assertThat(d.networkModel(Theme.light()).scale())
        .isEqualTo(d.side(1).networkModel(Theme.light()).scale());
    assertThat(d.historyModel(Theme.light()).scale())
        .isEqualTo(d.side(1).historyModel(Theme.light()).scale());
  }

  @Test
  void theUsersLockWinsOverTheSharedRange() {
    DecadeRange lock = new DecadeRange(-3, 0);
    LabDrawings d = drawings(pair, Optional.of(lock));
    assertThat(d.side(1).heatmapModel(Theme.light()).decadeMin()).isEqualTo(-3);
    assertThat(d.side(1).heatmapModel(Theme.light()).locked()).isTrue();
  }

  @Test
  void tagsNameWhatSetsEachRunApart() {
    String[] tags = LabDrawings.tags(pair, Theme.light());
    assertThat(tags).containsExactly("sigmoid · glorot_uniform", "relu · he_normal");
    TrainingSnapshot copy = a.comparedWith(a);
    assertThat(LabDrawings.tags(copy, Theme.light())).containsExactly("", "copy of A");
  }

  @Test
  void theLossOverlaysBothRunsAndEveryOtherPictureShowsThemSideBySide() throws Exception {
    LabDrawings d = drawings(pair, Optional.empty());
    LossChartModel loss = d.lossModel(Theme.light());
    assertThat(loss.compared()).isNotNull();
    assertThat(loss.compared().steps()).isEqualTo(LabModels.loss(b, true, Theme.light()).steps());
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    for (LabDrawings.Kind kind : LabDrawings.Kind.values()) {
      BufferedImage image = new BufferedImage(1200, 420, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      kind.of(d).draw(g, 1200, 420, Theme.light());
      g.dispose();
      ImageIO.write(image, "png", dir.resolve("compare-" + kind.id() + ".png").toFile());
      if (kind == LabDrawings.Kind.LOSS) {
        assertThat(pixelsOf(image, SideBySide.A_COLOR)).as("A's curves").isGreaterThan(100);
        assertThat(pixelsOf(image, SideBySide.B_COLOR)).as("B's curves").isGreaterThan(100);
        continue;
      }
      SideBySide.Halves halves = SideBySide.layout(1200, 420, Theme.light());
      // each half holds a whole picture of its own run: both draw something, and they differ
      BufferedImage left = crop(image, halves.a());
      BufferedImage right = crop(image, halves.b());
      assertThat(distinctColours(left)).as(kind + " A").isGreaterThan(3);
      assertThat(distinctColours(right)).as(kind + " B").isGreaterThan(3);
      assertThat(sameImage(left, right)).as(kind + " halves differ").isFalse();
      // the tags: A's badge in A's colour over the left half, B's over the right
      assertThat(pixelsOf(image.getSubimage(0, 0, 600, (int) halves.a().getY()),
          SideBySide.A_COLOR)).isGreaterThan(20);
      assertThat(pixelsOf(image.getSubimage(600, 0, 600, (int) halves.b().getY()),
          SideBySide.B_COLOR)).isGreaterThan(20);
    }
  }

  @Test
  void inChineseAtAProjectorsSizeTheTitlesAndKeysStay() throws Exception {
    Theme zh = Theme.light().highContrast().scaled(1.5).withLocale(java.util.Locale.CHINESE);
    LabDrawings d = drawings(pair, Optional.empty());
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    for (LabDrawings.Kind kind : new LabDrawings.Kind[] {LabDrawings.Kind.LOSS,
        LabDrawings.Kind.HISTORY}) {
      int w = kind == LabDrawings.Kind.LOSS ? 640 : 1280;
      List<TextRecorder.Text> texts = TextLayoutTest.record(kind.of(d), w, 330, zh);
      String title = kind == LabDrawings.Kind.LOSS ? zh.text("loss.titleLog")
          : zh.text("history.title", HistoryMetric.MEAN_ABS_DELTA.label(zh.locale()));
      assertThat(texts).as(kind + " title").anyMatch(t -> t.text().equals(title));
      if (kind == LabDrawings.Kind.LOSS) {
        assertThat(texts).anyMatch(t -> t.text().equals(zh.text("loss.compare.loss", "A")));
      }
      BufferedImage image = new BufferedImage(w, 330, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      kind.of(d).draw(g, w, 330, zh);
      g.dispose();
      ImageIO.write(image, "png", dir.resolve("compare-zh-" + kind.id() + ".png").toFile());
    }
  }

  @Test
  void aSingleRunIsDrawnAsBefore() {
    LabDrawings one = drawings(a, Optional.empty());
    assertThat(one.comparing()).isFalse();
    assertThat(one.lossModel(Theme.light()).compared()).isNull();
    BufferedImage viaDrawings = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = viaDrawings.createGraphics();
    one.heatmap().draw(g, 600, 400, Theme.light());
    g.dispose();
    BufferedImage direct = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    g = direct.createGraphics();
    new GradientHeatmapRenderer().draw(g, 600, 400, LabModels.heatmap(a, Theme.light()),
        Theme.light());
    g.dispose();
    assertThat(sameImage(viaDrawings, direct)).isTrue();
  }

  static BufferedImage crop(BufferedImage image, java.awt.geom.Rectangle2D r) {
    return image.getSubimage((int) Math.ceil(r.getX()), (int) Math.ceil(r.getY()),
        (int) r.getWidth() - 1, (int) r.getHeight() - 1);
  }

  static int pixelsOf(BufferedImage image, java.awt.Color c) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF) ? 1 : 0;
      }
    }
    return n;
  }

  static long distinctColours(BufferedImage image) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }

  static boolean sameImage(BufferedImage p, BufferedImage q) {
    int w = Math.min(p.getWidth(), q.getWidth());
    int h = Math.min(p.getHeight(), q.getHeight());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (p.getRGB(x, y) != q.getRGB(x, y)) {
          return false;
        }
      }
    }
    return p.getWidth() == q.getWidth() && p.getHeight() == q.getHeight();
  }
}
