package org.activationlab.render;

import java.awt.geom.Path2D;

/**
 * Drops points of an x-monotone polyline that lie within a tolerance of the straight segment
 * that replaces them, as they are added (no buffering of the whole curve). Flat tails and straight
 * pieces (ReLU, saturated sigmoid) become one segment each, so the stroker has far fewer joins to
 * build; the drawing differs from the full polyline by at most the tolerance.
 *
 * <p>Method: from the last emitted point (the anchor) every skipped point allows a cone of slopes
 * that keep it within ±tolerance vertically; the cones are intersected, and a new point that falls
 * outside the intersection makes the previous point the new anchor.
 */
final class PolylineSimplifier {

  private final double tolerance;
  private double anchorX;
  private double anchorY;
  private double lastX;
  private double lastY;
  private boolean pending;
  private boolean active;
  private double minSlope;
  private double maxSlope;

  /** @param tolerance largest allowed vertical deviation, in pixels */
  PolylineSimplifier(double tolerance) {
    this.tolerance = tolerance;
  }

  /** Starts a new sub-path at (x, y). */
  void start(Path2D path, double x, double y) {
    path.moveTo(x, y);
    anchorX = x;
    anchorY = y;
    pending = false;
    active = true;
    resetCone();
  }

  /** Adds a point with x ≥ the previous point's x. */
  void add(Path2D path, double x, double y) {
    if (!active) {
      start(path, x, y);
      return;
    }
    double dx = x - anchorX;
    if (dx <= 1e-9) {
      // same column as the anchor (a break): keep it exactly
      emitPending(path);
      path.lineTo(x, y);
      anchorX = x;
      anchorY = y;
      resetCone();
      return;
    }
    double slope = (y - anchorY) / dx;
    if (pending && (slope < minSlope || slope > maxSlope)) {
      // the new point leaves the cone: the last point becomes the anchor
      path.lineTo(lastX, lastY);
      anchorX = lastX;
      anchorY = lastY;
      resetCone();
      dx = x - anchorX;
      if (dx <= 1e-9) {
        path.lineTo(x, y);
        anchorX = x;
        anchorY = y;
        pending = false;
        return;
      }
    }
    minSlope = Math.max(minSlope, (y - tolerance - anchorY) / dx);
    maxSlope = Math.min(maxSlope, (y + tolerance - anchorY) / dx);
    lastX = x;
    lastY = y;
    pending = true;
  }

  /** Ends the current sub-path, emitting its last point. */
  void flush(Path2D path) {
    emitPending(path);
    active = false;
  }

  private void emitPending(Path2D path) {
    if (pending) {
      path.lineTo(lastX, lastY);
      anchorX = lastX;
      anchorY = lastY;
      pending = false;
    }
  }

  private void resetCone() {
    minSlope = Double.NEGATIVE_INFINITY;
    maxSlope = Double.POSITIVE_INFINITY;
  }
}
