package org.activationlab.nn;

import java.util.Locale;

/**
 * The data sets; ids are the command-line names. See {@link Datasets}. {@link #CUSTOM} is the
 * user's own points ({@link DataPoints}): its input size, task and classes come from the points,
 * so ask the {@link DatasetSpec} ({@link DatasetSpec#inputSize()}, …) rather than the kind.
 */
public enum DatasetKind {
  CIRCLE("circle", 2, Task.BINARY, 2),
  XOR("xor", 2, Task.BINARY, 2),
  GAUSSIANS("gaussians", 2, Task.BINARY, 2),
  MOONS("moons", 2, Task.BINARY, 2),
  SPIRAL("spiral", 2, Task.BINARY, 2),
  SPIRAL3("spiral3", 2, Task.MULTICLASS, 3),
  SINE("sine", 1, Task.REGRESSION, 0),
  /** The user's points; the sizes given here are those of two-class 2-D points. */
  CUSTOM("custom", 2, Task.BINARY, 2);

  private final String id;
  private final int inputSize;
  private final Task task;
  private final int classes;

  DatasetKind(String id, int inputSize, Task task, int classes) {
    this.id = id;
    this.inputSize = inputSize;
    this.task = task;
    this.classes = classes;
  }

  public String id() {
    return id;
  }

  public int inputSize() {
    return inputSize;
  }

  public Task task() {
    return task;
  }

  /** Number of classes (0 for regression). */
  public int classes() {
    return classes;
  }

  /** Output units a network needs for this data: 1 (binary, regression) or the class count. */
  public int outputSize() {
    return task == Task.MULTICLASS ? classes : 1;
  }

  /** Whether this is a generated data set (not {@link #CUSTOM}). */
  public boolean isGenerated() {
    return this != CUSTOM;
  }

  /** By id, case-insensitive; the exception lists the valid names. */
  public static DatasetKind parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (DatasetKind k : values()) {
      if (k.id.equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + name
        + "'; valid: circle, xor, gaussians, moons, spiral, spiral3, sine, custom (the points "
        + "of a scenario file or csv:FILE)");
  }
}
