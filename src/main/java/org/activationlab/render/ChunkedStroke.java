package org.activationlab.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;

/**
 * Strokes a long polyline in pieces a few dozen pixels wide. The antialiasing rasteriser walks
 * every scanline of a shape's bounding box, so one curve across the whole plot costs the plot's
 * area; in pieces each bounding box hugs the curve. Dashed strokes continue their pattern across
 * the pieces (the phase follows the length drawn so far), so the result looks like one stroke.
 * Only for opaque colours: the pieces' end caps overlap.
 */
final class ChunkedStroke {

  private final Path2D.Double piece = new Path2D.Double();
  private final double[] coords = new double[6];

  /**
   * Draws {@code path} (moveTo/lineTo only) with {@code stroke} in pieces at most
   * {@code chunkWidth} wide (in the path's units).
   */
  void draw(Graphics2D g, Path2D path, BasicStroke stroke, double chunkWidth) {
    float[] dash = stroke.getDashArray();
    double period = 0;
    if (dash != null) {
      for (float d : dash) {
        period += d;
      }
    }
    double length = 0; // drawn so far, for the dash phase
    double pieceStartLength = 0;
    double startX = 0;
    double lastX = 0;
    double lastY = 0;
    boolean hasPiece = false;
    piece.reset();
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(coords);
      double x = coords[0];
      double y = coords[1];
      if (type == PathIterator.SEG_MOVETO) {
        flush(g, stroke, period, pieceStartLength, hasPiece);
        piece.reset();
        piece.moveTo(x, y);
        hasPiece = false;
        pieceStartLength = length;
        startX = x;
      } else {
        length += Math.hypot(x - lastX, y - lastY);
        piece.lineTo(x, y);
        hasPiece = true;
        if (Math.abs(x - startX) >= chunkWidth) {
          flush(g, stroke, period, pieceStartLength, true);
          piece.reset();
          piece.moveTo(x, y);
          hasPiece = false;
          pieceStartLength = length;
          startX = x;
        }
      }
      lastX = x;
      lastY = y;
    }
    flush(g, stroke, period, pieceStartLength, hasPiece);
    piece.reset();
  }

  private void flush(Graphics2D g, BasicStroke stroke, double period, double startLength,
      boolean hasPiece) {
    if (!hasPiece) {
      return;
    }
    if (period > 0) {
      g.setStroke(new BasicStroke(stroke.getLineWidth(), stroke.getEndCap(), stroke.getLineJoin(),
          stroke.getMiterLimit(), stroke.getDashArray(),
          (float) ((stroke.getDashPhase() + startLength) % period)));
    } else {
      g.setStroke(stroke);
    }
    g.draw(piece);
  }
}
