package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step-through diagram: its text follows the rules of every picture ({@link TextLayoutTest}:
 * no overprinting, nothing outside, nothing too small) at every size and look, and it draws what
 * a stage reads and writes in their colours.
 */
class SampleStepDiagramTest {

  private static List<int[]> units(int column, int... us) {
    List<int[]> out = new ArrayList<>();
    for (int u : us) {
      out.add(new int[] {column, u});
    }
    return out;
  }

  /** Networks and stages: the playground forward, a deep one backward, a wide one's update. */
  static List<SampleStepDiagram> diagrams() {
    return List.of(
        new SampleStepDiagram(new SampleStepDiagram.Model(new int[] {2, 4, 2, 1},
            units(0, 0, 1), units(1, 0, 1, 2, 3), null)),
        new SampleStepDiagram(new SampleStepDiagram.Model(
            new int[] {2, 8, 8, 8, 8, 8, 8, 8, 8, 1}, units(8, 0, 1, 2, 3, 4, 5, 6, 7),
            units(7, 3), null)),
        new SampleStepDiagram(new SampleStepDiagram.Model(new int[] {2, 64, 3},
            units(2, 1), List.of(), new int[] {1, 40, 1})),
        new SampleStepDiagram(new SampleStepDiagram.Model(new int[] {2, 4, 2, 1},
            units(3, 0), units(4, 0), null)));
  }

  @Test
  void noTextOverprintsLeavesThePictureOrIsTooSmall() {
    List<String> failures = new ArrayList<>();
    int texts = 0;
    for (SampleStepDiagram d : diagrams()) {
      for (TextLayoutTest.Look look : TextLayoutTest.looks()) {
        for (int[] size : TextLayoutTest.SIZES) {
          List<TextRecorder.Text> recorded =
              TextLayoutTest.record(d, size[0], size[1], look.theme());
          texts += recorded.size();
          for (String p : TextLayoutTest.problems(recorded, size[0], size[1], look.theme())) {
            failures.add(look.name() + " " + size[0] + "×" + size[1] + ": " + p);
          }
          if (size[0] >= 480 && size[1] >= 320) {
            String reads = look.theme().text("stepDiagram.reads");
            assertThat(recorded).as(look.name() + " " + size[0] + "×" + size[1])
                .anyMatch(t -> t.text().equals(reads));
          }
        }
      }
    }
    assertThat(texts).isGreaterThan(100);
    assertThat(failures).as(failures.size() + " problems").isEmpty();
  }

  @Test
  void drawsWhatAStageReadsAndWritesInTheirColours() {
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    diagrams().get(0).draw(g, 400, 300, Theme.light());
    g.dispose();
    int reads = 0;
    int writes = 0;
    for (int y = 0; y < 300; y++) {
      for (int x = 0; x < 400; x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        reads += rgb == (SampleStepDiagram.READS.getRGB() & 0xFFFFFF) ? 1 : 0;
        writes += rgb == (SampleStepDiagram.WRITES.getRGB() & 0xFFFFFF) ? 1 : 0;
      }
    }
    assertThat(reads).as("two input units filled").isGreaterThan(200);
    assertThat(writes).as("four units written").isGreaterThan(800);
  }
}
