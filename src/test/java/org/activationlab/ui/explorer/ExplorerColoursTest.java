package org.activationlab.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.activationlab.activation.Catalog;
import org.activationlab.render.Palette;
import org.junit.jupiter.api.Test;

/** A function keeps its home colour in the Explorer whatever was shown before it. */
class ExplorerColoursTest {

  @Test
  void aFunctionShownAloneOrFirstHasItsHomeColour() {
    for (String first : List.of("relu", "sigmoid", "tanh", "elu", "gelu")) {
      ExplorerModel m = new ExplorerModel();
      List.copyOf(m.shown()).forEach(s -> m.hide(s.function()));
      m.show(Catalog.get(first));
      m.show(Catalog.get("leaky_relu"));
      assertThat(m.shown().get(0).paletteSlot()).isEqualTo(Palette.home(first));
      assertThat(m.shown().get(1).paletteSlot()).isEqualTo(Palette.home("leaky_relu"));
    }
  }

  @Test
  void sharedHomesGiveDistinctColoursThatStayWhenOthersLeave() {
    ExplorerModel m = new ExplorerModel();
    List.copyOf(m.shown()).forEach(s -> m.hide(s.function()));
    m.show(Catalog.get("tanh"));
    m.show(Catalog.get("softplus")); // shares tanh's home
    int softplus = m.shown().get(1).paletteSlot();
    assertThat(softplus).isNotEqualTo(Palette.home("tanh"));
    m.show(Catalog.get("relu"));
    m.hide(Catalog.get("tanh"));
    assertThat(m.shown().get(0).paletteSlot()).as("softplus keeps its colour").isEqualTo(softplus);
  }
}
