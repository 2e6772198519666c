package org.activationlab.runs;

/**
 * Bounds against hostile or broken files, so that every file accepted is read in bounded time
 * and memory.
 *
 * @param maxLayers layers in a header
 * @param maxWidth units of one layer (and entries of a per-unit list or histogram)
 * @param maxNumbers numbers decoded in the whole run ({@link
 *     org.activationlab.training.RecordedRun#numbers()})
 */
public record Limits(int maxLayers, int maxWidth, long maxNumbers) {

  /** 100 000 layers, 10 000 000 units a layer, 100 M numbers (0.8 GB of doubles). */
  public static final Limits DEFAULT = new Limits(100_000, 10_000_000, 100_000_000L);
}
