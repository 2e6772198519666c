package org.activationlab.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import org.activationlab.render.ActivationDistributionRenderer;
import org.activationlab.render.DecisionBoundaryRenderer;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.render.GradientHistoryRenderer;
import org.activationlab.render.HistoryMetric;
import org.activationlab.render.LabModels;
import org.activationlab.render.LossChartRenderer;
import org.activationlab.render.NetworkDiagramRenderer;
import org.activationlab.render.Theme;
import org.activationlab.training.Command;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainingSnapshot;
import org.jfree.fx.FXGraphics2D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Lab picture of the deepest network (16 × 64, after 300 steps, with its history) drawn onto
 * a JavaFX canvas through FXGraphics2D at the size it has in a 1600×1000 window, model building
 * included: the FX-thread share of a frame, picture by picture.
 *
 * <p>{@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="LabPicture -f 1 -wi 3 -i 5"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LabPictureBenchmark {

  @Param({"network", "boundary", "heatmap", "loss", "history", "activations"})
  public String picture;

  private TrainingSnapshot snapshot;
  private Canvas canvas;
  private FXGraphics2D graphics;
  private Runnable draw;
  private final Theme theme = Theme.light();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    try (Trainer t = new Trainer(LabBench.deepest())) {
      t.submit(new Command.Step(300));
      snapshot = t.await(s -> s.step() == 300, Duration.ofMinutes(5));
    }
    FxThread.start();
    boolean wide = picture.equals("network") || picture.equals("heatmap")
        || picture.equals("history");
    double w = wide ? 724 : 524;
    double h = 320;
    FxThread.run(() -> {
      canvas = new Canvas(w, h);
      graphics = new FXGraphics2D(canvas.getGraphicsContext2D());
    });
    draw = switch (picture) {
      case "network" -> {
        NetworkDiagramRenderer r = new NetworkDiagramRenderer();
        yield () -> r.draw(graphics, w, h, LabModels.network(snapshot, theme));
      }
      case "boundary" -> {
        DecisionBoundaryRenderer r = new DecisionBoundaryRenderer();
        yield () -> r.draw(graphics, w, h, LabModels.boundary(snapshot, theme), theme);
      }
      case "heatmap" -> {
        GradientHeatmapRenderer r = new GradientHeatmapRenderer();
        yield () -> r.draw(graphics, w, h, LabModels.heatmap(snapshot, theme), theme);
      }
      case "loss" -> {
        LossChartRenderer r = new LossChartRenderer();
        yield () -> r.draw(graphics, w, h, LabModels.loss(snapshot, true, theme));
      }
      case "history" -> {
        GradientHistoryRenderer r = new GradientHistoryRenderer();
        yield () -> r.draw(graphics, w, h, LabModels.history(snapshot,
            HistoryMetric.MEAN_ABS_DELTA, theme));
      }
      default -> {
        ActivationDistributionRenderer r = new ActivationDistributionRenderer();
        yield () -> r.draw(graphics, w, h, LabModels.activations(snapshot, 3, theme));
      }
    };
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    Platform.exit();
  }

  @Benchmark
  public Canvas drawOntoFxCanvas() throws Exception {
    FxThread.run(() -> {
      canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
      draw.run();
    });
    return canvas;
  }

}
