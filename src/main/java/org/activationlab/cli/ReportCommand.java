package org.activationlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.export.SvgExporter;
import org.activationlab.render.AlertTexts;
import org.activationlab.render.Picture;
import org.activationlab.render.RunDrawings;
import org.activationlab.render.RunMetric;
import org.activationlab.render.Theme;
import org.activationlab.runs.RunFiles;
import org.activationlab.training.LayerRecord;
import org.activationlab.training.RecordedLayer;
import org.activationlab.training.RecordedRun;
import org.activationlab.training.RecordedStep;
import org.activationlab.training.RunAlerts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report --run FILE [--step K] [--heatmap OUT] [--history OUT] [--loss OUT]
 * [--activations OUT [--layer N]] [--metric M] [--first-layer N] [--format text|json]}: the run
 * viewer's pictures and numbers of any run file (ours, the PyTorch probe's), drawn by the same
 * renderers, with no display needed.
 *
 * <p>Exit status: 0 done, 2 bad input or a file that cannot be read (one line, nothing written).
 */
@Command(name = "report", description = "Pictures and per-layer numbers of a run file: our "
    + "train --stats (JSON, JSON Lines, CSV) or the PyTorch probe's JSON Lines.")
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--run", required = true, description = "the run file")
  Path run;

  @Option(names = "--step", description = "the record at or before this step (default: the last)")
  Long step;

  @Option(names = "--heatmap", description = "per-unit gradient heatmap, PNG or SVG")
  Path heatmap;

  @Option(names = "--history", description = "gradient history with alerts, PNG or SVG")
  Path history;

  @Option(names = "--loss", description = "loss (and accuracy where recorded), PNG or SVG")
  Path loss;

  @Option(names = "--activations", description = "a layer's pre-activation histogram, PNG or SVG")
  Path activations;

  @Option(names = "--layer", defaultValue = "1",
      description = "1-based layer of --activations (default 1)")
  int layer;

  @Option(names = "--first-layer", defaultValue = "1",
      description = "first layer shown in the heatmap when not all fit (default 1)")
  int firstLayer;

  @Option(names = "--metric", defaultValue = "meanAbsDelta",
      description = "what the history shows: meanAbsDelta, weightRms, weightNorm, updateRatio")
  String metric;

  @Option(names = "--width", description = "width of every picture, " + CompareCommand.MIN_SIDE
      + ".." + CompareCommand.MAX_SIDE + " (default 1600)")
  Integer width;

  @Option(names = "--height", description = "height of every picture (default: by picture)")
  Integer height;

  @Option(names = "--format", defaultValue = "text", description = "text or json (stdout)")
  String format;

  @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
      description = "language of the pictures and the alerts (default en)")
  String lang;

  @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
      description = "colours of the pictures (default light)")
  String themeName;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Theme theme = PictureTheme.of(themeName, lang);
    RunMetric historyMetric;
    try {
      historyMetric = RunMetric.parse(metric);
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException("--metric: " + e.getMessage());
    }
    String fmt = format.trim().toLowerCase(Locale.ROOT);
    if (!fmt.equals("text") && !fmt.equals("json")) {
      throw new Cli.UsageException("--format must be text or json (got '" + format + "')");
    }
    Map<RunDrawings.Kind, Path> pictures = pictures();
    checkOutputs(pictures);
    RecordedRun r;
    try {
      r = RunFiles.read(run);
    } catch (IOException e) {
      throw new Cli.UsageException(e.getMessage());
    }
    if (r.isEmpty()) {
      throw new Cli.UsageException(run + ": no records yet");
    }
    if (layer < 1 || layer > r.layers().size()) {
      throw new Cli.UsageException("--layer must be in 1.." + r.layers().size() + " (got "
          + layer + ")");
    }
    if (firstLayer < 1 || firstLayer > r.layers().size()) {
      throw new Cli.UsageException("--first-layer must be in 1.." + r.layers().size() + " (got "
          + firstLayer + ")");
    }
    int index = step == null ? r.size() - 1 : r.indexAtOrBefore(step);
    List<RunAlerts.Span> alerts = RunAlerts.of(r);
    RunDrawings drawings = new RunDrawings(new RunDrawings.Fixed(r, index, historyMetric, true,
        firstLayer - 1, layer - 1, alerts));
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<RunDrawings.Kind, Path> e : pictures.entrySet()) {
        int w = width != null ? width : 1600;
        int h = height != null ? height : defaultHeight(e.getKey(), r.layers().size());
        Picture p = e.getKey().of(drawings);
        if (lower(e.getValue()).endsWith(".svg")) {
          SvgExporter.write(p, theme, w, h, Background.THEME, e.getValue());
        } else {
          PngExporter.write(p, theme, w, h, 1, Background.THEME, e.getValue());
        }
        written.add(e.getValue());
      }
    } catch (IOException e) {
      for (Path p : written) { // all or nothing
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // the error below is what the user needs
        }
      }
      throw new Cli.UsageException("cannot write: " + e.getMessage());
    }
    if (fmt.equals("json")) {
      out.println(json(r, index, alerts, theme));
    } else {
      text(out, r, index, alerts, theme);
      for (Path p : written) {
        out.println("wrote " + p);
      }
    }
    out.flush();
    return 0;
  }

  private Map<RunDrawings.Kind, Path> pictures() {
    Map<RunDrawings.Kind, Path> out = new LinkedHashMap<>();
    if (heatmap != null) {
      out.put(RunDrawings.Kind.HEATMAP, heatmap);
    }
    if (history != null) {
      out.put(RunDrawings.Kind.HISTORY, history);
    }
    if (loss != null) {
      out.put(RunDrawings.Kind.LOSS, loss);
    }
    if (activations != null) {
      out.put(RunDrawings.Kind.ACTIVATIONS, activations);
    }
    return out;
  }

  private void checkOutputs(Map<RunDrawings.Kind, Path> pictures) {
    List<Path> seen = new ArrayList<>();
    for (Map.Entry<RunDrawings.Kind, Path> e : pictures.entrySet()) {
      Path p = e.getValue();
      String name = lower(p);
      if (!name.endsWith(".png") && !name.endsWith(".svg")) {
        throw new Cli.UsageException("--" + e.getKey().id() + " must end in .png or .svg (got "
            + p + ")");
      }
      Path abs = p.toAbsolutePath().normalize();
      if (seen.contains(abs) || abs.equals(run.toAbsolutePath().normalize())) {
        throw new Cli.UsageException("two files would be the same: " + p);
      }
      seen.add(abs);
      Path dir = abs.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new Cli.UsageException("folder does not exist: " + dir);
      }
    }
    for (Integer side : new Integer[] {width, height}) {
      if (side != null && (side < CompareCommand.MIN_SIDE || side > CompareCommand.MAX_SIDE)) {
        throw new Cli.UsageException("--width and --height must be in " + CompareCommand.MIN_SIDE
            + ".." + CompareCommand.MAX_SIDE + " (got " + side + ")");
      }
    }
  }

  /** Default heights: the heatmap grows with the layers as {@code train}'s does. */
  static int defaultHeight(RunDrawings.Kind kind, int layers) {
    return switch (kind) {
      case HEATMAP -> TrainCommand.heatmapHeight(layers);
      case HISTORY -> 640;
      case LOSS, ACTIVATIONS -> 520;
    };
  }

  private static String lower(Path p) {
    return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------------------ summary

  private static String num(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.3g", v);
  }

  private void text(PrintWriter out, RecordedRun r, int index, List<RunAlerts.Span> alerts,
      Theme theme) {
    RecordedStep rec = r.record(index);
    out.println(run + ": " + sourceName(r.source()) + ", " + r.layers().size() + " layers, "
        + r.size() + " records, steps " + r.record(0).step() + "–" + r.last().step()
        + (r.complete() ? "" : " (still being written, or cut off)")
        + (r.diverged() ? ", diverged at step " + r.divergedAtStep() : ""));
    out.println("step " + rec.step() + ": loss " + num(rec.loss())
        + (Double.isNaN(rec.accuracy()) ? "" : ", accuracy " + num(rec.accuracy())));
    out.println(String.format(Locale.ROOT, "%-4s %-28s %7s %-14s %10s %10s %10s %6s %8s %6s",
        "#", "layer", "width", "activation", "mean|δ|", "RMS∂L/∂W", "update", "dead",
        "inactive", "sat"));
    for (int l = 0; l < r.layers().size(); l++) {
      RecordedLayer layerInfo = r.layers().get(l);
      LayerRecord lr = rec.layer(l);
      double nan = Double.NaN;
      out.println(String.format(Locale.ROOT, "%-4d %-28s %7d %-14s %10s %10s %10s %6s %8s %6s",
          l + 1, clip(layerInfo.name(), 28), layerInfo.width(),
          clip(layerInfo.output() ? "(output) " + layerInfo.activation()
              : layerInfo.activation(), 14),
          num(lr == null ? nan : lr.gradMeanAbs()), num(lr == null ? nan : lr.gradWeightRms()),
          num(lr == null ? nan : lr.updateRatio()), pct(lr == null ? nan : lr.deadFraction()),
          pct(lr == null ? nan : lr.inactiveFraction()),
          pct(lr == null ? nan : lr.saturatedFraction())));
    }
    out.println(alerts.isEmpty() ? "no alerts" : alerts.size() + " alert"
        + (alerts.size() == 1 ? "" : "s") + ":");
    for (RunAlerts.Span s : alerts) {
      out.println("  " + AlertTexts.describe(s, r, theme));
    }
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.0f%%", v * 100);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  static String sourceName(RecordedRun.Source s) {
    return switch (s) {
      case ACTIVATION_LAB -> "Activation Lab run";
      case PYTORCH_PROBE -> "PyTorch probe run";
      case TENSORBOARD -> "TensorBoard log";
    };
  }

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private String json(RecordedRun r, int index, List<RunAlerts.Span> alerts, Theme theme) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    RecordedStep rec = r.record(index);
    root.put("file", run.toString());
    root.put("source", r.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    root.put("records", r.size());
    root.put("firstStep", r.record(0).step());
    root.put("lastStep", r.last().step());
    root.put("complete", r.complete());
    root.put("step", rec.step());
    put(root, "loss", rec.loss());
    put(root, "accuracy", rec.accuracy());
    ArrayNode layers = root.putArray("layers");
    for (int l = 0; l < r.layers().size(); l++) {
      RecordedLayer info = r.layers().get(l);
      LayerRecord lr = rec.layer(l);
      ObjectNode o = layers.addObject();
      o.put("index", info.index());
      o.put("name", info.name());
      o.put("kind", info.kind());
      o.put("width", info.width());
      o.put("activation", info.activation());
      double nan = Double.NaN;
      put(o, "gradMeanAbs", lr == null ? nan : lr.gradMeanAbs());
      put(o, "gradWeightRms", lr == null ? nan : lr.gradWeightRms());
      put(o, "gradWeightNorm", lr == null ? nan : lr.gradWeightNorm());
      put(o, "updateRatio", lr == null ? nan : lr.updateRatio());
      put(o, "deadFraction", lr == null ? nan : lr.deadFraction());
      put(o, "inactiveFraction", lr == null ? nan : lr.inactiveFraction());
      put(o, "saturatedFraction", lr == null ? nan : lr.saturatedFraction());
    }
    ArrayNode list = root.putArray("alerts");
    for (RunAlerts.Span s : alerts) {
      ObjectNode o = list.addObject();
      o.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
      o.put("layer", r.layers().get(s.layer()).name());
      o.put("fromStep", s.fromStep());
      o.put("toStep", s.toStep());
      put(o, "worst", s.worst());
      o.put("text", AlertTexts.describe(s, r, theme));
    }
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
