package org.activationlab.nn;

/**
 * The network's task output sampled over the input space, for the decision-boundary picture:
 * a {@code resolution × resolution} grid over the data's bounding box for 2-D inputs, or {@code
 * resolution} points along x for 1-D inputs. Cell centres are sampled; the box is the data's
 * extent padded by 5 % of its span on each side. A mutable holder, refilled by {@link
 * TrainingSession#outputGrid(OutputGrid)} without allocating; see {@link #copy()}.
 *
 * <p>{@code values[(iy · resolution + ix) · channels + c]} (2-D; iy = 0 is the bottom row, y =
 * yMin) or {@code values[ix · channels + c]} (1-D) holds output c: the probability of class 1
 * (binary), the probability of class c (multi-class) or the predicted value (regression).
 */
public final class OutputGrid {
  public final int resolution;
  public final int dimensions;
  public final int channels;
  public double xMin;
  public double xMax;
  public double yMin;
  public double yMax;
  public final double[] values;
  final double[] inputs;

  public OutputGrid(int resolution, int dimensions, int channels) {
    if (resolution < 2 || resolution > 1024) {
      throw new IllegalArgumentException("grid resolution must be in 2..1024");
    }
    if (dimensions != 1 && dimensions != 2) {
      throw new IllegalArgumentException("output grids exist for 1-D and 2-D inputs only");
    }
    this.resolution = resolution;
    this.dimensions = dimensions;
    this.channels = channels;
    int points = dimensions == 2 ? resolution * resolution : resolution;
    this.values = new double[points * channels];
    this.inputs = new double[points * dimensions];
  }

  /** A grid shaped for {@code net} (its input size must be 1 or 2; no input features). */
  public static OutputGrid of(Mlp net, int resolution) {
    return new OutputGrid(resolution, net.inputSize(), net.outputSize());
  }

  /**
   * A grid over the plane (or line) of {@code data} for {@code net}'s outputs: the grid's
   * points are coordinates; the session passes them through the data's input features.
   */
  public static OutputGrid of(DataSplit data, Mlp net, int resolution) {
    return new OutputGrid(resolution, data.spec().inputSize(), net.outputSize());
  }

  /** Number of sampled points. */
  public int points() {
    return dimensions == 2 ? resolution * resolution : resolution;
  }

  /** x of column ix (cell centre). */
  public double x(int ix) {
    return xMin + (ix + 0.5) * (xMax - xMin) / resolution;
  }

  /** y of row iy (cell centre; 2-D only). */
  public double y(int iy) {
    return yMin + (iy + 0.5) * (yMax - yMin) / resolution;
  }

  /** Output c at column ix, row iy (use iy = 0 for 1-D). */
  public double value(int ix, int iy, int c) {
    return values[((dimensions == 2 ? iy * resolution : 0) + ix) * channels + c];
  }

  void setBounds(double x0, double x1, double y0, double y1) {
    xMin = x0;
    xMax = x1;
    yMin = y0;
    yMax = y1;
    if (dimensions == 2) {
      for (int iy = 0; iy < resolution; iy++) {
        double y = y(iy);
        for (int ix = 0; ix < resolution; ix++) {
          int o = (iy * resolution + ix) * 2;
          inputs[o] = x(ix);
          inputs[o + 1] = y;
        }
      }
    } else {
      for (int ix = 0; ix < resolution; ix++) {
        inputs[ix] = x(ix);
      }
    }
  }

  /** A deep copy. */
  public OutputGrid copy() {
    OutputGrid g = new OutputGrid(resolution, dimensions, channels);
    g.xMin = xMin;
    g.xMax = xMax;
    g.yMin = yMin;
    g.yMax = yMax;
    System.arraycopy(values, 0, g.values, 0, values.length);
    System.arraycopy(inputs, 0, g.inputs, 0, inputs.length);
    return g;
  }
}
