package org.activationlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

  @Test
  void aLargeWindowShrinksToA720pScreenAndIsCentred() {
    Rectangle2D r = WindowPlacement.fit(1500, 950, new Rectangle2D(0, 0, 1280, 720));
    assertThat(r).isEqualTo(new Rectangle2D(0, 0, 1280, 720));
  }

  @Test
  void aSmallWindowKeepsItsSizeCentredInTheUsableArea() {
    Rectangle2D r = WindowPlacement.fit(1500, 950, new Rectangle2D(0, 40, 1920, 1040));
    assertThat(r).isEqualTo(new Rectangle2D(210, 85, 1500, 950));
  }

  @Test
  void aSecondScreenKeepsItsOffset() {
    Rectangle2D r = WindowPlacement.fit(800, 600, new Rectangle2D(1920, 0, 1280, 1024));
    assertThat(r.getMinX()).isEqualTo(1920 + 240);
    assertThat(r.getMaxX()).isLessThanOrEqualTo(1920 + 1280);
  }
}
