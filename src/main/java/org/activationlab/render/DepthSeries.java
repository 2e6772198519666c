package org.activationlab.render;

import java.awt.Color;

/**
 * One function on the depth chart.
 *
 * @param label legend text
 * @param color palette colour
 * @param maxAbsDerivative the function's largest |f′| (may be 0 or +∞)
 */
public record DepthSeries(String label, Color color, double maxAbsDerivative) {}
