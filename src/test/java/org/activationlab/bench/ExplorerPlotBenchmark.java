package org.activationlab.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import org.activationlab.activation.Catalog;
import org.activationlab.render.FunctionPlotModel;
import org.activationlab.render.FunctionPlotRenderer;
import org.activationlab.render.Palette;
import org.activationlab.render.PlotSeries;
import org.activationlab.render.Theme;
import org.activationlab.render.Viewport;
import org.jfree.fx.FXGraphics2D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Explorer redraw: six functions with f and f′ at 1600×900, with a moving crosshair (what
 * happens while hovering), into an image and onto a JavaFX canvas through FXGraphics2D.
 *
 * <p>{@code ./mvnw -Pjmh test-compile exec:exec -Djmh.args="ExplorerPlot -f 1 -wi 3 -i 5"}. The
 * canvas variant measures the FX-thread work of recording the drawing (the canvas is rasterised
 * later by the render thread); it runs headless on Monocle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExplorerPlotBenchmark {

  static final int W = 1600;
  static final int H = 900;
  static final String[] FUNCTIONS = {"sigmoid", "tanh", "relu", "leaky_relu:negative_slope=0.1",
      "gelu", "silu"};

  private final FunctionPlotRenderer renderer = new FunctionPlotRenderer();
  private List<PlotSeries> series;
  private BufferedImage image;
  private Graphics2D imageGraphics;
  private Canvas canvas;
  private FXGraphics2D canvasGraphics;
  private double crosshair;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    series = new ArrayList<>();
    for (int i = 0; i < FUNCTIONS.length; i++) {
      series.add(new PlotSeries(Catalog.parse(FUNCTIONS[i]), Palette.color(i), FUNCTIONS[i]));
    }
    image = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
    imageGraphics = image.createGraphics();
    FxThread.start();
    FxThread.run(() -> {
      canvas = new Canvas(W, H);
      canvasGraphics = new FXGraphics2D(canvas.getGraphicsContext2D());
    });
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    imageGraphics.dispose();
    Platform.exit();
  }

  private FunctionPlotModel nextModel() {
    crosshair = crosshair > 4 ? -4 : crosshair + 0.37;
    return new FunctionPlotModel(series, Viewport.DEFAULT, true, true, Theme.light(), crosshair,
        "Activation functions");
  }

  @Benchmark
  public BufferedImage intoImage() {
    renderer.draw(imageGraphics, W, H, nextModel());
    return image;
  }

  @Benchmark
  public Canvas ontoFxCanvas() throws Exception {
    FunctionPlotModel model = nextModel();
    FxThread.run(() -> {
      // like PictureCanvas.redraw: clear the recorded commands, then draw
      canvas.getGraphicsContext2D().clearRect(0, 0, W, H);
      renderer.draw(canvasGraphics, W, H, model);
    });
    return canvas;
  }

}
