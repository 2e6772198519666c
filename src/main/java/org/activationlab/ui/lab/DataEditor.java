package org.activationlab.ui.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.activationlab.nn.DataPoints;
import org.activationlab.nn.Dataset;
import org.activationlab.nn.DatasetKind;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;

/**
 * The points the user is editing on the decision-boundary picture, with undo and redo (plain
 * Java: the Lab's view turns clicks into these verbs). Every edit that leaves a valid set gives
 * the scenario to train ({@link #scenario()}): custom data holding these points, without noise
 * (the points are where the user put them). A set that is not valid yet (after Clear: fewer than
 * {@value DataPoints#MIN_POINTS} points, or one class) is kept and the run waits for more points.
 */
final class DataEditor {

  /** Most edits that can be undone. */
  static final int MAX_UNDO = 200;

  /** One point: x and y (for 1-D data: the input and its target) and the class (−1 for 1-D). */
  record Point(double x, double y, int label) {}

  private final boolean regression;
  private List<Point> points;
  private final Deque<List<Point>> undo = new ArrayDeque<>();
  private final Deque<List<Point>> redo = new ArrayDeque<>();
  private Scenario base;

  /** Starts from the data of {@code shown}: its own points, or the generated samples it trains on. */
  DataEditor(TrainingSnapshot shown) {
    base = shown.scenario();
    regression = shown.data().train().inputSize() == 1
        && shown.data().spec().kind().classes() == 0;
    points = new ArrayList<>();
    for (Dataset d : new Dataset[] {shown.data().train(), shown.data().test()}) {
      for (int i = 0; i < d.size(); i++) {
        points.add(regression ? new Point(d.input(i, 0), d.target(i), -1)
            : new Point(d.input(i, 0), d.input(i, 1), d.label(i)));
      }
    }
    if (base.dataset() == DatasetKind.CUSTOM && base.points() != null) {
      points = fromPoints(base.points()); // exactly as typed, not as split and noised
    }
  }

  private List<Point> fromPoints(DataPoints p) {
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      out.add(p.dimensions() == 1 ? new Point(p.input(i, 0), p.target(i), -1)
          : new Point(p.input(i, 0), p.input(i, 1), (int) p.target(i)));
    }
    return out;
  }

  boolean regression() {
    return regression;
  }

  List<Point> points() {
    return List.copyOf(points);
  }

  /** The scenario the settings say now (kept up to date by the Lab: seed, network, …). */
  void rebase(Scenario s) {
    base = s;
  }

  /** Adds a point of class {@code label} (ignored for 1-D data) at (x, y). */
  void add(double x, double y, int label) {
    if (points.size() >= DataPoints.MAX_POINTS) {
      return;
    }
    change();
    points.add(new Point(x, y, regression ? -1 : label));
  }

  /**
   * Removes the point nearest to (x, y) if it lies within {@code reachX} × {@code reachY} (data
   * units); returns whether one was removed.
   */
  boolean removeNear(double x, double y, double reachX, double reachY) {
    int best = -1;
    double bestDistance = 1;
    for (int i = 0; i < points.size(); i++) {
      double dx = (points.get(i).x() - x) / reachX;
      double dy = (points.get(i).y() - y) / reachY;
      double d = dx * dx + dy * dy;
      if (d <= bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    if (best < 0) {
      return false;
    }
    change();
    points.remove(best);
    return true;
  }

  /** Removes every point (the run waits until there are enough again). */
  void clear() {
    if (!points.isEmpty()) {
      change();
      points.clear();
    }
  }

  boolean canUndo() {
    return !undo.isEmpty();
  }

  boolean canRedo() {
    return !redo.isEmpty();
  }

  void undo() {
    if (canUndo()) {
      redo.push(points);
      points = undo.pop();
    }
  }

  void redo() {
    if (canRedo()) {
      undo.push(points);
      points = redo.pop();
    }
  }

  private void change() {
    undo.push(new ArrayList<>(points));
    if (undo.size() > MAX_UNDO) {
      undo.removeLast();
    }
    redo.clear();
    points = new ArrayList<>(points);
  }

  /** The points as a data set, or why they cannot train yet. */
  DataPoints toPoints() {
    int n = points.size();
    if (regression) {
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = points.get(i).x();
        y[i] = points.get(i).y();
      }
      return DataPoints.regression(x, y);
    }
    double[] xy = new double[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      xy[2 * i] = points.get(i).x();
      xy[2 * i + 1] = points.get(i).y();
      labels[i] = points.get(i).label();
    }
    return DataPoints.classification(xy, labels);
  }

  /**
   * The scenario training these points (custom data, no noise), or empty with the reason in
   * {@code why} (e.g. too few points) when they cannot train yet.
   */
  Optional<Scenario> scenario(StringBuilder why) {
    try {
      DataPoints p = toPoints();
      Scenario.Builder b = base.toBuilder().points(p).noise(0);
      // a batch no larger than the training samples the points leave
      int train = new org.activationlab.nn.DatasetSpec(DatasetKind.CUSTOM, p.size(), 0,
          base.testFraction(), base.seed(), p).trainSize();
      if (base.batchSize() > train) {
        b.batchSize(Math.max(1, train));
      }
      return Optional.of(b.build());
    } catch (IllegalArgumentException e) {
      why.append(e.getMessage());
      return Optional.empty();
    }
  }
}
