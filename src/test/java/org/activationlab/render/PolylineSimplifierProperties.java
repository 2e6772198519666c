package org.activationlab.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class PolylineSimplifierProperties {

  /** Every input sample stays within the tolerance (vertically) of the simplified polyline. */
  @Property(tries = 300)
  void simplifiedPolylineStaysWithinTolerance(@ForAll @DoubleRange(min = 0.5, max = 60) double amplitude,
      @ForAll @DoubleRange(min = 0.001, max = 0.2) @net.jqwik.api.constraints.Scale(4) double frequency,
      @ForAll @DoubleRange(min = 0.05, max = 1) double tolerance,
      @ForAll @IntRange(min = 2, max = 800) int n) {
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = 300 + amplitude * Math.sin(frequency * i) + 0.002 * i * i % 7;
    }
    Path2D.Double path = new Path2D.Double();
    PolylineSimplifier s = new PolylineSimplifier(tolerance);
    s.start(path, xs[0], ys[0]);
    for (int i = 1; i < n; i++) {
      s.add(path, xs[i], ys[i]);
    }
    s.flush(path);
    List<double[]> pts = points(path);
    assertThat(pts.get(0)).containsExactly(xs[0], ys[0]);
    assertThat(pts.get(pts.size() - 1)).containsExactly(xs[n - 1], ys[n - 1]);
    assertThat(pts.size()).isLessThanOrEqualTo(n);
    int seg = 0;
    for (int i = 0; i < n; i++) {
      while (seg < pts.size() - 2 && pts.get(seg + 1)[0] < xs[i]) {
        seg++;
      }
      double[] a = pts.get(seg);
      double[] b = pts.get(Math.min(seg + 1, pts.size() - 1));
      double y = b[0] == a[0] ? a[1] : a[1] + (b[1] - a[1]) * (xs[i] - a[0]) / (b[0] - a[0]);
      assertThat(Math.abs(y - ys[i])).as("sample %d", i).isLessThanOrEqualTo(tolerance + 1e-9);
    }
  }

  @Property(tries = 50)
  void straightLinesCollapseToOneSegment(@ForAll @DoubleRange(min = -5, max = 5) double slope,
      @ForAll @IntRange(min = 3, max = 2000) int n) {
    Path2D.Double path = new Path2D.Double();
    PolylineSimplifier s = new PolylineSimplifier(0.1);
    s.start(path, 0, 0);
    for (int i = 1; i < n; i++) {
      s.add(path, i, slope * i);
    }
    s.flush(path);
    assertThat(points(path)).hasSize(2);
  }

  private static List<double[]> points(Path2D path) {
    List<double[]> pts = new ArrayList<>();
    double[] c = new double[6];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      it.currentSegment(c);
      pts.add(new double[] {c[0], c[1]});
    }
    return pts;
  }
}
