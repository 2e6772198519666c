package org.activationlab.training;

import org.activationlab.nn.OutputGrid;

/**
 * The network's output over the input plane (2-D data: {@code resolution²} cell centres, row 0 at
 * {@code yMin}) or along x (1-D data), copied from an {@link OutputGrid}; see there for the layout.
 */
public record GridSnapshot(int resolution, int dimensions, int channels, double xMin,
    double xMax, double yMin, double yMax, double[] values) {

  public GridSnapshot {
    values = values.clone();
  }

  static GridSnapshot of(OutputGrid g) {
    return new GridSnapshot(g.resolution, g.dimensions, g.channels, g.xMin, g.xMax, g.yMin,
        g.yMax, g.values);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** Output {@code c} at column {@code ix}, row {@code iy} (iy = 0 for 1-D). */
  public double value(int ix, int iy, int c) {
    return values[((dimensions == 2 ? iy * resolution : 0) + ix) * channels + c];
  }

  /** x of column {@code ix} (cell centre). */
  public double x(int ix) {
    return xMin + (ix + 0.5) * (xMax - xMin) / resolution;
  }

  /** y of row {@code iy} (cell centre). */
  public double y(int iy) {
    return yMin + (iy + 0.5) * (yMax - yMin) / resolution;
  }
}
