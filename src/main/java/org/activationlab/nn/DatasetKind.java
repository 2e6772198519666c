package org.activationlab.nn;

import java.util.Locale;

/** The built-in data sets; ids are the command-line names. See {@link Datasets}. */
public enum DatasetKind {
  CIRCLE("circle", 2, Task.BINARY, 2),
  XOR("xor", 2, Task.BINARY, 2),
  GAUSSIANS("gaussians", 2, Task.BINARY, 2),
  MOONS("moons", 2, Task.BINARY, 2),
  SPIRAL("spiral", 2, Task.BINARY, 2),
  SPIRAL3("spiral3", 2, Task.MULTICLASS, 3),
  SINE("sine", 1, Task.REGRESSION, 0);

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

  /** By id, case-insensitive; the exception lists the valid names. */
  public static DatasetKind parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (DatasetKind k : values()) {
      if (k.id.equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown dataset '" + name
        + "'; valid: circle, xor, gaussians, moons, spiral, spiral3, sine");
  }
}
