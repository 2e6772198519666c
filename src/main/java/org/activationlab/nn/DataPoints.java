package org.activationlab.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * The user's own data: 2-D points with a class label (classification) or 1-D points (x, y) for
 * regression. Immutable (arrays copied in and out) and validated on construction, so a scenario
 * holding points is self-contained.
 *
 * <p>Limits: {@value #MIN_POINTS}..{@value #MAX_POINTS} points; every coordinate and regression
 * target finite with |value| ≤ {@value #MAX_ABS}; labels whole numbers 0..{@value #MAX_CLASSES}−1
 * with at least two classes, the class count being the largest label + 1 (2: binary, one output
 * unit; 3: softmax over three units).
 */
public final class DataPoints {
  /** Most points of a custom data set. */
  public static final int MAX_POINTS = 2_000;
  /** Fewest points (the smallest data set a scenario accepts). */
  public static final int MIN_POINTS = 4;
  /** Largest |coordinate| or |target|. */
  public static final double MAX_ABS = 1_000;
  /** Most classes. */
  public static final int MAX_CLASSES = 3;

  private final int dimensions;
  private final int classes;
  private final double[] inputs;
  private final double[] targets;

  private DataPoints(int dimensions, int classes, double[] inputs, double[] targets) {
    this.dimensions = dimensions;
    this.classes = classes;
    this.inputs = inputs;
    this.targets = targets;
  }

  /**
   * Classification points: {@code xy} holds x, y of each point, {@code labels} its class.
   *
   * @throws IllegalArgumentException naming the first point (1-based) that breaks a limit
   */
  public static DataPoints classification(double[] xy, int[] labels) {
    if (xy.length != 2 * labels.length) {
      throw new IllegalArgumentException("give x and y for each of the " + labels.length
          + " labels");
    }
    count(labels.length);
    double[] t = new double[labels.length];
    int max = -1;
    for (int i = 0; i < labels.length; i++) {
      check(i, "x", xy[2 * i]);
      check(i, "y", xy[2 * i + 1]);
      if (labels[i] < 0 || labels[i] >= MAX_CLASSES) {
        throw new IllegalArgumentException("point " + (i + 1) + ": label " + labels[i]
            + " is not a class 0.." + (MAX_CLASSES - 1));
      }
      t[i] = labels[i];
      max = Math.max(max, labels[i]);
    }
    if (max < 1) {
      throw new IllegalArgumentException("classification needs at least two classes (labels 0 "
          + "and 1); every point has label 0");
    }
    return new DataPoints(2, max + 1, xy.clone(), t);
  }

  /**
   * Regression points (x, y): the network learns y from x.
   *
   * @throws IllegalArgumentException naming the first point (1-based) that breaks a limit
   */
  public static DataPoints regression(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("give one y for each x");
    }
    count(x.length);
    for (int i = 0; i < x.length; i++) {
      check(i, "x", x[i]);
      check(i, "y", y[i]);
    }
    return new DataPoints(1, 0, x.clone(), y.clone());
  }

  private static void count(int n) {
    if (n < MIN_POINTS || n > MAX_POINTS) {
      throw new IllegalArgumentException("custom data has " + MIN_POINTS + ".." + MAX_POINTS
          + " points (got " + n + ")");
    }
  }

  private static void check(int i, String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("point " + (i + 1) + ": " + what + " is " + v
          + " (must be a finite number)");
    }
    if (Math.abs(v) > MAX_ABS) {
      throw new IllegalArgumentException("point " + (i + 1) + ": " + what + " = " + v
          + " is outside ±" + (int) MAX_ABS);
    }
  }

  /** Number of points. */
  public int size() {
    return targets.length;
  }

  /** 2 (classification: x, y, label) or 1 (regression: x, y). */
  public int dimensions() {
    return dimensions;
  }

  /** Number of classes (largest label + 1), 0 for regression. */
  public int classes() {
    return classes;
  }

  public Task task() {
    return classes == 0 ? Task.REGRESSION : classes == 2 ? Task.BINARY : Task.MULTICLASS;
  }

  /** Output units a network needs: 1 (binary, regression) or the class count. */
  public int outputSize() {
    return task() == Task.MULTICLASS ? classes : 1;
  }

  /** Coordinate k of point i (x: k = 0, y: k = 1 for 2-D points). */
  public double input(int i, int k) {
    return inputs[i * dimensions + k];
  }

  /** The label (classification) or the y value (regression) of point i. */
  public double target(int i) {
    return targets[i];
  }

  /** A copy of the coordinates, point-major ({@link #dimensions()} per point). */
  public double[] inputs() {
    return inputs.clone();
  }

  /** A copy of the labels or y values. */
  public double[] targets() {
    return targets.clone();
  }

  double[] rawInputs() {
    return inputs;
  }

  double[] rawTargets() {
    return targets;
  }

  /**
   * The points as text, one point a row ({@code x,y,label} or {@code x,y}), rows separated by
   * {@code ;}; numbers in Java's shortest round-trip form, so {@link #parse} gives the same
   * points back.
   */
  public String toText() {
    StringBuilder b = new StringBuilder(size() * 24);
    for (int i = 0; i < size(); i++) {
      if (i > 0) {
        b.append(';');
      }
      for (int k = 0; k < dimensions; k++) {
        b.append(inputs[i * dimensions + k]).append(',');
      }
      if (classes > 0) {
        b.append((int) targets[i]);
      } else {
        b.append(targets[i]);
      }
    }
    return b.toString();
  }

  /**
   * Points from {@link #toText()}'s form (rows separated by {@code ;} or new lines), checked as
   * {@link CsvData#parse} checks a file.
   */
  public static DataPoints parse(String text) {
    return CsvData.parse(text.replace(';', '\n'), "points");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataPoints p && p.dimensions == dimensions && p.classes == classes
        && Arrays.equals(p.inputs, inputs) && Arrays.equals(p.targets, targets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(inputs) + Arrays.hashCode(targets);
  }

  /** A short description, e.g. {@code 120 points, 2 classes}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d points, %s", size(),
        classes == 0 ? "regression" : classes + " classes");
  }
}
