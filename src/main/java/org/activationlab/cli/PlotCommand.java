package org.activationlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;
import org.activationlab.activation.formula.FormulaFunction;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.export.SvgExporter;
import org.activationlab.render.FunctionPlotModel;
import org.activationlab.render.FunctionPlotRenderer;
import org.activationlab.render.Palette;
import org.activationlab.render.Picture;
import org.activationlab.render.PlotSeries;
import org.activationlab.render.Theme;
import org.activationlab.render.Viewport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plot --functions F1,F2:param=value --out FILE.png|FILE.svg}: the Explorer's plot, drawn by
 * the same renderer, with no display needed.
 */
@Command(name = "plot", description = "Plot functions (and derivatives) to PNG or SVG.")
final class PlotCommand implements Callable<Integer> {

  static final int MAX_FUNCTIONS = 6;

  @Spec
  CommandSpec spec;

  @Option(names = "--functions", required = true, split = "\\s+",
      description = "comma-separated, e.g. sigmoid,leaky_relu:negative_slope=0.1,elu:alpha=0.5")
  List<String> functions;

  @Option(names = "--no-derivative", description = "draw f only")
  boolean noDerivative;

  @Option(names = "--out", required = true, description = "FILE.png or FILE.svg")
  Path out;

  @Option(names = "--width", defaultValue = "1280", description = "width in px (default 1280)")
  int width;

  @Option(names = "--height", defaultValue = "720", description = "height in px (default 720)")
  int height;

  @Option(names = "--scale", defaultValue = "1", description = "PNG pixel scale 1-4 (default 1)")
  double scale;

  @Option(names = "--theme", defaultValue = "light", description = "light or dark")
  String theme;

  @Option(names = "--xmin", description = "left edge (default -5)")
  Double xMin;

  @Option(names = "--xmax", description = "right edge (default 5)")
  Double xMax;

  @Option(names = "--ymin", description = "bottom edge (default -1.5)")
  Double yMin;

  @Option(names = "--ymax", description = "top edge (default 3)")
  Double yMax;

  @Option(names = "--title", description = "text above the plot")
  String title;

  @Override
  public Integer call() {
    List<Activation> activations = parseFunctions(String.join(" ", functions));
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean svg = name.endsWith(".svg");
    if (!svg && !name.endsWith(".png")) {
      throw new Cli.UsageException("--out must end in .png or .svg (got " + out + ")");
    }
    if (width < 64 || width > 8192 || height < 64 || height > 8192) {
      throw new Cli.UsageException("--width and --height must be between 64 and 8192");
    }
    if (!(scale >= 1 && scale <= 4)) {
      throw new Cli.UsageException("--scale must be between 1 and 4 (got " + scale + ")");
    }
    Theme base = switch (theme.toLowerCase(Locale.ROOT)) {
      case "light" -> Theme.light();
      case "dark" -> Theme.dark();
      default -> throw new Cli.UsageException("unknown theme '" + theme + "'; valid: light, dark");
    };
    Viewport d = Viewport.DEFAULT;
    Viewport viewport;
    try {
      viewport = new Viewport(or(xMin, d.xMin()), or(xMax, d.xMax()), or(yMin, d.yMin()),
          or(yMax, d.yMax()));
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException("invalid axis range: " + e.getMessage());
    }
    List<PlotSeries> series = new ArrayList<>();
    int[] slots = Palette.assign(activations.stream().map(a -> a.function().id()).toList());
    for (int i = 0; i < activations.size(); i++) {
      Activation a = activations.get(i);
      series.add(new PlotSeries(a, Palette.color(slots[i]), a.spec()));
    }
    Picture picture = Picture.of("plot", (g, w, h, t) -> new FunctionPlotRenderer().draw(g, w, h,
        new FunctionPlotModel(series, viewport, true, !noDerivative, t, Double.NaN, title)));
    try {
      if (svg) {
        SvgExporter.write(picture, base, width, height, Background.THEME, out);
      } else {
        PngExporter.write(picture, base, width, height, scale, Background.THEME, out);
      }
    } catch (IOException e) {
      throw new Cli.UsageException("cannot write " + out + ": " + e.getMessage());
    }
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }

  private static double or(Double v, double fallback) {
    return v != null ? v : fallback;
  }

  /**
   * Splits {@code a,b:p=1,q=2,c} into functions: a comma-separated item with '=' but no ':'
   * continues the previous function's parameters.
   */
  static List<Activation> parseFunctions(String text) {
    List<String> specs = new ArrayList<>();
    for (String t : items(text)) {
      if (t.isEmpty()) {
        continue;
      }
      if (t.contains("=") && !t.contains(":") && !specs.isEmpty()) {
        specs.set(specs.size() - 1, specs.get(specs.size() - 1) + "," + t);
      } else {
        specs.add(t);
      }
    }
    if (specs.isEmpty()) {
      throw new Cli.UsageException("--functions needs at least one function; valid: "
          + String.join(", ", Catalog.ids()));
    }
    if (specs.size() > MAX_FUNCTIONS) {
      throw new Cli.UsageException("at most " + MAX_FUNCTIONS + " functions per plot (got "
          + specs.size() + ")");
    }
    return specs.stream().map(Catalog::parse).toList();
  }

  /**
   * Splits at commas outside parentheses and brackets; a user formula ({@code formula:…}, which
   * may hold commas and spaces) is one item up to the next such comma, every other item is also
   * split at whitespace.
   */
  private static List<String> items(String text) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ',';
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == ',' && (depth == 0 || i == text.length())) {
        String item = text.substring(start, i).trim();
        if (FormulaFunction.isSpec(item)) {
          out.add(item);
        } else {
          out.addAll(List.of(item.split("\\s+")));
        }
        start = i + 1;
        depth = 0;
      }
    }
    return out;
  }
}
