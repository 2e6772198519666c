package org.activationlab.render;

import java.awt.Color;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Series colours: the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies, with its yellow darkened so that a line of it reads on white. Slot i always gives
 * the same colour.
 *
 * <p>Every catalog function has a home slot ({@link #home}), chosen so that the functions people
 * compare most (sigmoid, tanh, ReLU, Leaky ReLU, ELU, GELU, SiLU) all differ: a function is drawn
 * in its home colour in the Explorer, the depth panel, the Lab's activations picture and every
 * export. Only when two functions shown together share a home does the later one take the next
 * free slot ({@link #assign}).
 */
public final class Palette {

  private static final Color[] COLORS = {
    new Color(0x00, 0x72, 0xB2), // blue
    new Color(0xD5, 0x5E, 0x00), // vermillion
    new Color(0x00, 0x9E, 0x73), // bluish green
    new Color(0xCC, 0x79, 0xA7), // reddish purple
    new Color(0xE6, 0x9F, 0x00), // orange
    new Color(0x56, 0xB4, 0xE9), // sky blue
    new Color(0xA8, 0x92, 0x00), // Okabe–Ito's yellow (F0E442) darkened for contrast on white
  };

  /** Home slots: the usual comparisons differ; a family member takes another family's colour. */
  private static final Map<String, Integer> HOME = Map.ofEntries(
      Map.entry("relu", 0), Map.entry("sigmoid", 1), Map.entry("tanh", 2),
      Map.entry("gelu", 3), Map.entry("elu", 4), Map.entry("leaky_relu", 5),
      Map.entry("silu", 6), Map.entry("softplus", 2), Map.entry("mish", 4),
      Map.entry("selu", 3), Map.entry("celu", 6), Map.entry("prelu", 3), Map.entry("rrelu", 6),
      Map.entry("relu6", 1), Map.entry("hard_swish", 5), Map.entry("squareplus", 1),
      Map.entry("identity", 6), Map.entry("binary_step", 2), Map.entry("hard_sigmoid", 5),
      Map.entry("hard_sigmoid_tf2", 3), Map.entry("hard_tanh", 4), Map.entry("softsign", 0),
      Map.entry("log_sigmoid", 5), Map.entry("tanhshrink", 1), Map.entry("softshrink", 0),
      Map.entry("hardshrink", 3), Map.entry("exponential", 5));

  private Palette() {}

  /** How many distinct colours there are before they repeat. */
  public static int size() {
    return COLORS.length;
  }

  /** The colour of slot {@code i} (wraps around). */
  public static Color color(int i) {
    return COLORS[Math.floorMod(i, COLORS.length)];
  }

  /** The home slot of a catalog function id (a stable hash for ids not listed). */
  public static int home(String functionId) {
    Integer slot = HOME.get(functionId);
    return slot != null ? slot : Math.floorMod(functionId.hashCode(), COLORS.length);
  }

  /** The home colour of a catalog function id. */
  public static Color of(String functionId) {
    return color(home(functionId));
  }

  /**
   * Slots for functions shown together, in order: each its home slot, or the first free slot
   * after it when an earlier one took it (distinct while there are at most {@link #size()}).
   */
  public static int[] assign(List<String> functionIds) {
    int[] slots = new int[functionIds.size()];
    BitSet used = new BitSet();
    for (int i = 0; i < slots.length; i++) {
      slots[i] = slotFor(functionIds.get(i), used);
      used.set(slots[i]);
    }
    return slots;
  }

  /** The home slot of {@code functionId}, or the first after it not in {@code used}. */
  public static int slotFor(String functionId, BitSet used) {
    int s = home(functionId);
    for (int k = 0; k < COLORS.length && used.get(s); k++) {
      s = (s + 1) % COLORS.length;
    }
    return s;
  }
}
