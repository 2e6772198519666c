package org.activationlab.render;

import java.awt.Color;
import org.activationlab.activation.Activation;

/**
 * One function on a plot.
 *
 * @param activation the bound function; its f is drawn solid and f′ dashed
 * @param color its palette colour
 * @param label legend text, e.g. {@code Leaky ReLU (α=0.1)}
 */
public record PlotSeries(Activation activation, Color color, String label) {}
