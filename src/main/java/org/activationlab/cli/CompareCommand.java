package org.activationlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationlab.export.Background;
import org.activationlab.export.FinishOnExit;
import org.activationlab.export.PngExporter;
import org.activationlab.export.ScenarioFile;
import org.activationlab.export.ScenarioFileException;
import org.activationlab.export.StatsStream;
import org.activationlab.export.SvgExporter;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.render.HistoryMetric;
import org.activationlab.render.LabDrawings;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
import org.activationlab.training.Comparison;
import org.activationlab.training.Divergence;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code compare (--preset NAME | --config FILE) [--set key=value ...] [--vs-preset NAME]
 * [--vs-set key=value ...] [--steps N] [--seed S] [--every K] [--stats A.json,B.json] [--heatmap
 * OUT] [--history OUT] [--network OUT] [--boundary OUT] [--loss OUT] [--activations OUT] [--width
 * W] [--height H] [--lang en|zh] [--theme light|dark]}: trains two runs of a {@link Comparison}
 * in lockstep on the calling thread and writes the Lab's pictures with A and B side by side on
 * one colour scale (the loss overlaid), PNG or SVG by the file's ending, and each run's
 * statistics as {@code train --stats} writes them.
 *
 * <p>Run A is the usual scenario ({@code --preset} or {@code --config}, then {@code --set}). Run
 * B is, in this order: {@code --vs-preset NAME} (else a copy of A) with the {@code --vs-set}
 * settings applied; without either, the comparison of the {@code --config} file, else the ready
 * pair of the {@code --preset} ({@link Comparison#PRESET_PAIRS}); for these two the {@code --set}
 * settings apply to both runs. {@code --steps} and {@code --seed} apply to both. Both runs step
 * together; a run that diverges stops where it is and the other goes on.
 *
 * <p>Records are taken and measured exactly as {@code train} takes them, so A's statistics file
 * is {@code train}'s for the same scenario, steps and {@code --every}, byte for byte.
 *
 * <p>Exit status: 0 done, 2 bad input (one line; nothing written), 3 a run diverged (everything
 * asked for is still written: the diverged run's pictures show where it stopped).
 */
@Command(name = "compare", description = "Train two runs side by side (A and B on the same data, "
    + "differing in what --vs-set or --vs-preset changes) and write the Lab's pictures with both "
    + "on one colour scale, PNG or SVG, and each run's gradient statistics.")
final class CompareCommand implements Callable<Integer> {

  static final int DEFAULT_EVERY = 10;
  static final int MIN_SIDE = 100;
  static final int MAX_SIDE = 4000;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ScenarioOptions.Source source;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a setting of run A "
      + "(of both runs when B comes from the --config file or the preset's ready pair)")
  List<String> settings = new ArrayList<>();

  @Option(names = "--vs-preset", paramLabel = "NAME",
      description = "run B starts as this preset (it must train on A's data)")
  String vsPreset;

  @Option(names = "--vs-set", paramLabel = "KEY=VALUE", description = "a setting of run B "
      + "(over A's settings, or over --vs-preset's); data settings must stay A's")
  List<String> vsSettings = new ArrayList<>();

  @Option(names = "--steps", description = "steps to train both runs (default: A's)")
  Integer steps;

  @Option(names = "--seed", description = "seed of data, weights and batch order of both runs")
  Long seed;

  @Option(names = "--every", defaultValue = "" + DEFAULT_EVERY,
      description = "a statistics record every K steps (default " + DEFAULT_EVERY + ")")
  int every;

  @Option(names = "--stats", split = ",", paramLabel = "A.json,B.json",
      description = "statistics of run A and of run B, .json, .csv or .jsonl each, written "
          + "record by record")
  List<Path> stats;

  @Option(names = "--heatmap", description = "per-layer gradient heatmaps, PNG or SVG")
  Path heatmap;

  @Option(names = "--history", description = "gradient histories, PNG or SVG")
  Path history;

  @Option(names = "--network", description = "network diagrams, PNG or SVG")
  Path network;

  @Option(names = "--boundary", description = "decision boundaries (2-D) or fitted curves (1-D), "
      + "PNG or SVG")
  Path boundary;

  @Option(names = "--loss", description = "both loss curves in one chart, PNG or SVG")
  Path loss;

  @Option(names = "--activations", description = "activation distributions, PNG or SVG")
  Path activations;

  @Option(names = "--width", description = "width of every picture, " + MIN_SIDE + ".." + MAX_SIDE
      + " (default depends on the picture)")
  Integer width;

  @Option(names = "--height", description = "height of every picture, " + MIN_SIDE + ".."
      + MAX_SIDE + " (default depends on the picture)")
  Integer height;

  @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
      description = "language of the words in the pictures (default en)")
  String lang;

  @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
      description = "colours of the pictures (default light)")
  String themeName;

  /** One of the two runs being trained. */
  private static final class Side {
    final String name;
    final Run run;
    /** Its statistics file being written, or null. */
    StatsStream stats;
    TrainingSnapshot last;
    Divergence divergence;

    Side(String name, Scenario scenario) {
      this.name = name;
      this.run = new Run(scenario);
    }

    boolean going() {
      return divergence == null;
    }

    /** Writes the record of {@link #last} to the statistics file, if any. */
    void record() throws IOException {
      if (stats != null) {
        stats.add(Record.of(last));
      }
    }
  }

  @Override
  public Integer call() {
    Comparison pair = comparison();
    Map<LabDrawings.Kind, Path> pictures = pictures();
    checkOutputs(pictures);
    Theme theme = theme();
    int n = pair.a().steps();
    if ((long) n / every + 2 > TrainCommand.MAX_RECORDS) {
      throw new Cli.UsageException("that would write more than " + TrainCommand.MAX_RECORDS
          + " records per run; use a larger --every");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    Side a = new Side("A", pair.a());
    Side b = new Side("B", pair.b());
    List<Side> both = List.of(a, b);
    boolean boundaryWanted = pictures.containsKey(LabDrawings.Kind.BOUNDARY);
    try {
      for (Side s : both) {
        s.last = measure(s.run, n == 0, boundaryWanted, !pictures.isEmpty());
      }
      try (StatsStream statsA = open(a, 0);
          StatsStream statsB = open(b, 1);
          FinishOnExit onExit = FinishOnExit.install(Arrays.asList(statsA, statsB), List.of(),
              err::println)) {
        train(both, n, boundaryWanted, !pictures.isEmpty());
        for (Side s : both) {
          if (s.stats != null) {
            s.stats.finish(s.divergence == null ? -1 : s.divergence.step());
            out.println("wrote " + s.stats.path() + " (run " + s.name + ", "
                + s.stats.records() + " records)");
          }
        }
      }
      for (Side s : both) {
        if (!s.going()) { // the pictures show where it stopped
          if (boundaryWanted) {
            s.run.refreshGrid(gridResolution(s.run));
          }
          s.last = s.run.snapshot(!pictures.isEmpty());
        }
      }
      LabDrawings drawings = new LabDrawings(new LabDrawings.Fixed(
          a.last.comparedWith(b.last), HistoryMetric.MEAN_ABS_DELTA, true, 0));
      for (Map.Entry<LabDrawings.Kind, Path> e : pictures.entrySet()) {
        LabDrawings.Kind kind = e.getKey();
        Path file = e.getValue();
        int layers = Math.max(a.last.layers().size(), b.last.layers().size());
        int w = width != null ? width : defaultWidth(kind);
        int h = height != null ? height : defaultHeight(kind, layers);
        Picture picture = kind.of(drawings);
        if (isSvg(file)) {
          SvgExporter.write(picture, theme, w, h, Background.THEME, file);
        } else {
          PngExporter.write(picture, theme, w, h, 1, Background.THEME, file);
        }
        out.println("wrote " + file);
      }
    } catch (IOException e) {
      throw new Cli.UsageException("cannot write: " + e.getMessage());
    }
    for (Side s : both) {
      out.println(summary(s));
    }
    out.println("B differs from A: " + pair.describe());
    boolean diverged = !a.going() || !b.going();
    if (diverged) {
      for (Side s : both) {
        if (!s.going()) {
          err.println("run " + s.name + " diverged at step " + s.divergence.step() + " ("
              + Presets.text(s.divergence.reason().key(), Locale.ENGLISH) + ")");
        }
      }
      return TrainCommand.DIVERGED;
    }
    return 0;
  }

  /**
   * Steps both runs together from their first snapshot to step {@code n}, writing a record every
   * {@link #every} steps and at the end; a run that diverges stops where it is.
   */
  private void train(List<Side> both, int n, boolean boundaryWanted, boolean pictures)
      throws IOException {
    for (Side s : both) {
      s.record();
    }
    for (int k = 1; k <= n && both.stream().anyMatch(Side::going); k++) {
      for (Side s : both) {
        if (!s.going()) {
          continue;
        }
        if (!s.run.step()) {
          s.divergence = s.run.divergence();
          continue;
        }
        if (k % every == 0 || k == n) {
          s.last = measure(s.run, k == n, boundaryWanted, pictures);
          if (s.last.diverged()) {
            s.divergence = s.last.divergence();
            continue;
          }
          s.record();
        }
      }
    }
  }

  /** Starts side {@code i}'s statistics file (the {@code i}-th of --stats), or null. */
  private StatsStream open(Side s, int i) throws IOException {
    if (stats != null) {
      s.stats = StatsStream.open(stats.get(i), s.run.scenario(), Layer.of(s.last), every);
    }
    return s.stats;
  }

  /**
   * A snapshot of the run now, as {@code train} takes it: without the history (a statistics
   * record does not need it) except at the end of a run that draws pictures, with the decision
   * boundary computed again at the end of a run that draws it.
   */
  private static TrainingSnapshot measure(Run run, boolean end, boolean boundary,
      boolean pictures) {
    if (end && boundary && run.hasGrid()) {
      run.refreshGrid(gridResolution(run));
    }
    return run.snapshot(end && pictures);
  }

  /** The boundary grid of picture files: {@code train}'s, finer than the screen's. */
  private static int gridResolution(Run run) {
    return run.scenario().datasetSpec().inputSize() == 2 ? TrainCommand.BOUNDARY_GRID_2D
        : TrainCommand.BOUNDARY_GRID_1D;
  }

  private static String summary(Side s) {
    TrainingSnapshot t = s.last;
    String head = String.format(Locale.ROOT, "%s: step %d, loss %s, test loss %s, accuracy %s",
        s.name, t.step(), num(t.scores().trainLoss()), num(t.scores().testLoss()),
        num(t.scores().accuracy()));
    if (s.going()) {
      return head + ", not diverged";
    }
    return head + ", diverged at step " + s.divergence.step() + " ("
        + Presets.text(s.divergence.reason().key(), Locale.ENGLISH) + ")";
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
  }

  // ---------------------------------------------------------------------------- the pair

  /** The two runs from the options; bad input is one line naming what is wrong. */
  private Comparison comparison() {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> extras = new LinkedHashMap<>();
    if (steps != null) {
      if (steps < 1) {
        throw new Cli.UsageException("--steps must be a positive number (got " + steps + ")");
      }
      extras.put("steps", Integer.toString(steps));
    }
    if (seed != null) {
      extras.put("seed", Long.toString(seed));
    }
    if (every < 1) {
      throw new Cli.UsageException("--every must be a positive number of steps (got " + every
          + ")");
    }
    Scenario a = ScenarioOptions.scenario(source, settings, extras, err);
    boolean vs = vsPreset != null || !vsSettings.isEmpty();
    if (vs) {
      Scenario base = vsPreset == null ? a : Presets.get(vsPreset).scenario()
          .withSettings(extras);
      return pair(a, ScenarioOptions.settings(base, vsSettings, "--vs-set"));
    }
    Comparison given = source.config != null ? configComparison() : readyPair();
    // the --set settings, --steps and --seed change both runs of a given pair
    Scenario b = ScenarioOptions.settings(given.b(), settings, "--set").withSettings(extras);
    return pair(a, b);
  }

  /** The comparison of the --config file; bad input when it has none. */
  private Comparison configComparison() {
    try {
      return ScenarioFile.readConfig(source.config).document().comparison().orElseThrow(() ->
          new Cli.UsageException("run B is missing: " + source.config + " holds no comparison; "
              + "give --vs-set KEY=VALUE or --vs-preset NAME"));
    } catch (ScenarioFileException e) { // already read once for A: not expected
      throw new Cli.UsageException("config " + e.getMessage());
    }
  }

  /** The ready pair of the --preset; bad input naming the presets that have one. */
  private Comparison readyPair() {
    String name = source.preset.trim().toLowerCase(Locale.ROOT);
    if (!Comparison.PRESET_PAIRS.containsKey(name)) {
      throw new Cli.UsageException("run B is missing: give --vs-set KEY=VALUE or --vs-preset "
          + "NAME (presets with a ready pair: " + String.join(", ", Comparison.PRESET_PAIR_ORDER)
          + ")");
    }
    return Comparison.ofPresetPair(name);
  }

  private static Comparison pair(Scenario a, Scenario b) {
    try {
      return new Comparison(a, b);
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage()
          + "; change only what is not data (dataset, samples, noise, testFraction, seed)");
    }
  }

  // ------------------------------------------------------------------------------ outputs

  /** The pictures asked for, in the Lab's order. */
  private Map<LabDrawings.Kind, Path> pictures() {
    Map<LabDrawings.Kind, Path> out = new LinkedHashMap<>();
    put(out, LabDrawings.Kind.NETWORK, network);
    put(out, LabDrawings.Kind.BOUNDARY, boundary);
    put(out, LabDrawings.Kind.HEATMAP, heatmap);
    put(out, LabDrawings.Kind.LOSS, loss);
    put(out, LabDrawings.Kind.HISTORY, history);
    put(out, LabDrawings.Kind.ACTIVATIONS, activations);
    return out;
  }

  private static void put(Map<LabDrawings.Kind, Path> out, LabDrawings.Kind kind, Path p) {
    if (p != null) {
      out.put(kind, p);
    }
  }

  /** Checks names, folders and sizes of all outputs before anything runs. */
  private void checkOutputs(Map<LabDrawings.Kind, Path> pictures) {
    if (stats == null && pictures.isEmpty()) {
      throw new Cli.UsageException("nothing to write: give --stats A.json,B.json or a picture "
          + "(--heatmap, --history, --network, --boundary, --loss, --activations OUT.png|OUT.svg)");
    }
    List<Path> all = new ArrayList<>();
    if (stats != null) {
      if (stats.size() != 2) {
        throw new Cli.UsageException("--stats needs two files, A's and B's: --stats A.json,B.json "
            + "(got " + stats.size() + ")");
      }
      for (Path p : stats) {
        String name = lower(p);
        if (!name.endsWith(".csv") && !name.endsWith(".json") && !name.endsWith(".jsonl")) {
          throw new Cli.UsageException("--stats files must end in .json, .csv or .jsonl (got " + p
              + ")");
        }
        all.add(p);
      }
    }
    for (Map.Entry<LabDrawings.Kind, Path> e : pictures.entrySet()) {
      String name = lower(e.getValue());
      if (!name.endsWith(".png") && !name.endsWith(".svg")) {
        throw new Cli.UsageException("--" + e.getKey().id() + " must end in .png or .svg (got "
            + e.getValue() + ")");
      }
      all.add(e.getValue());
    }
    for (int i = 0; i < all.size(); i++) {
      Path p = all.get(i);
      for (int j = 0; j < i; j++) {
        if (p.toAbsolutePath().normalize().equals(all.get(j).toAbsolutePath().normalize())) {
          throw new Cli.UsageException("two outputs would be written to the same file: " + p);
        }
      }
      Path dir = p.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new Cli.UsageException("folder does not exist: " + dir);
      }
    }
    for (Integer side : new Integer[] {width, height}) {
      if (side != null && (side < MIN_SIDE || side > MAX_SIDE)) {
        throw new Cli.UsageException("--width and --height must be in " + MIN_SIDE + ".."
            + MAX_SIDE + " (got " + side + ")");
      }
    }
  }

  /** Default width: two pictures side by side (the loss, overlaid, is one). */
  static int defaultWidth(LabDrawings.Kind kind) {
    return switch (kind) {
      case HEATMAP -> 2 * TrainCommand.HEATMAP_WIDTH;
      case BOUNDARY -> 1440;
      case NETWORK, HISTORY, ACTIVATIONS -> 1600;
      case LOSS -> 800;
    };
  }

  /** Default height; the heatmap's grows with the layers as {@code train}'s does. */
  static int defaultHeight(LabDrawings.Kind kind, int layers) {
    return switch (kind) {
      case HEATMAP -> TrainCommand.heatmapHeight(layers) + 40;
      case BOUNDARY -> 760;
      case NETWORK, HISTORY, ACTIVATIONS -> 520;
      case LOSS -> 480;
    };
  }

  private static boolean isSvg(Path p) {
    return lower(p).endsWith(".svg");
  }

  private static String lower(Path p) {
    return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  /** The pictures' colours and language. */
  private Theme theme() {
    return PictureTheme.of(themeName, lang);
  }
}
