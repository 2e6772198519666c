package org.activationlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationlab.export.Background;
import org.activationlab.export.FinishOnExit;
import org.activationlab.export.GifExporter;
import org.activationlab.export.PngExporter;
import org.activationlab.export.StatsStream;
import org.activationlab.export.TrainingStatsWriter.Layer;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.render.HistoryMetric;
import org.activationlab.render.LabDrawings;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
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
 * {@code train (--preset NAME | --config FILE.json) [--set key=value ...] [--steps N] [--seed S]
 * [--every K] [--stats OUT.json|OUT.csv|OUT.jsonl] [--boundary OUT.png] [--heatmap OUT.png]
 * [--gif OUT.gif [--frames N] [--picture heatmap|history|boundary|network|loss|activations] [--gif-delay MS]
 * [--gif-size WxH] [--gif-once]] [--lang en|zh] [--theme light|dark]}: drives one {@link Run} on
 * the calling thread and writes per-layer gradient statistics every K steps, pictures of the end
 * of the run and an animation of the run. At least one output is required. Records are made
 * from the run's snapshots and pictures by {@link LabDrawings}, exactly as in the Lab.
 *
 * <p>Records: step 0 is the initial network; its gradient statistics come from a forward and
 * backward pass over the first mini-batch (the first batchSize training samples in stored order)
 * without an update. A record at step k > 0 holds the gradient statistics of step k's mini-batch
 * (before its update); {@code loss}, {@code testLoss} and {@code accuracy} are measured after the
 * update over the whole training set, the test set and the test set; dead, inactive and
 * saturated fractions over the probe set (the first ≤ 512 training samples) at that moment, the
 * saturated one null for a layer whose function does not saturate. Non-finite numbers are
 * written as null.
 *
 * <p>GIF frames are taken at steps {@code round(i·steps/(N−1))}, i = 0..N−1 (the first at step 0,
 * the last at the final step), each measured like a record; the history picture shows the
 * per-layer mean |δ| of every step so far (bounded, older columns merged).
 *
 * <p>Statistics are written record by record ({@link StatsStream}): nothing grows with the
 * records. Ctrl-C or SIGTERM finishes the file with the records so far ({@link FinishOnExit}).
 *
 * <p>Exit status: 0 done, 2 bad input (nothing written), 3 diverged ({@link Divergence}: stats up
 * to the last record before the divergence written, no pictures, no animation).
 */
@Command(name = "train", description = "Train a preset or scenario headless and write gradient "
    + "statistics (JSON or CSV), optionally the decision boundary and a gradient heatmap (PNG) "
    + "and an animated GIF of the run.")
final class TrainCommand implements Callable<Integer> {

  static final int DIVERGED = 3;
  static final int MAX_RECORDS = 100_000;
  static final int DEFAULT_FRAMES = 60;
  static final int MAX_FRAMES = 500;
  static final int MAX_GIF_SIDE = 4000;
  static final int HEATMAP_WIDTH = 1000;
  /** Boundary grid of the picture files: finer than the screen's, a file is looked at closely. */
  static final int BOUNDARY_GRID_2D = 160;
  static final int BOUNDARY_GRID_1D = 400;

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ScenarioOptions.Source source;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario field: "
      + "dataset, samples, noise, testFraction, hidden, activation, activations, init, biasInit, "
      + "optimizer, learningRate, momentum, batchSize, l2, clip, seed, steps")
  List<String> settings = new ArrayList<>();

  @Option(names = "--steps", description = "steps to train (default: the scenario's)")
  Integer steps;

  @Option(names = "--seed", description = "seed of data, weights and batch order")
  Long seed;

  @Option(names = "--every", defaultValue = "10", description = "a record every K steps (default 10)")
  int every;

  @Option(names = "--stats", description = "OUT.json, OUT.csv or OUT.jsonl, written record by "
      + "record (.jsonl in place, to follow it live)")
  Path stats;

  @Option(names = "--boundary", description = "decision boundary (2-D) or fitted curve (1-D), PNG")
  Path boundary;

  @Option(names = "--heatmap", description = "per-layer gradient heatmap at the end, PNG")
  Path heatmap;

  @Option(names = "--gif", description = "animated GIF of the run (see --picture, --frames)")
  Path gif;

  @Option(names = "--frames", defaultValue = "" + DEFAULT_FRAMES,
      description = "GIF frames, 2.." + MAX_FRAMES + " and at most steps + 1 (default "
          + DEFAULT_FRAMES + ", or steps + 1 for a shorter run)")
  int frames;

  @Option(names = "--picture", defaultValue = "heatmap",
      description = "what the GIF shows: heatmap, history, boundary, network, loss or "
          + "activations (default heatmap)")
  String picture;

  @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
      description = "language of the words in the pictures (default en)")
  String lang;

  @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
      description = "colours of the pictures (default light)")
  String themeName;

  @Option(names = "--gif-delay", paramLabel = "MS", defaultValue = "100",
      description = "time per GIF frame in ms, 10..600000, kept to 10 ms (default 100)")
  int gifDelay;

  @Option(names = "--gif-size", paramLabel = "WxH",
      description = "GIF frame size in pixels (default depends on the picture)")
  String gifSize;

  @Option(names = "--gif-once", description = "play the GIF once instead of looping forever")
  boolean gifOnce;

  @Override
  public Integer call() {
    Scenario scenario = scenario();
    checkOutputs();
    if (every < 1) {
      throw new Cli.UsageException("--every must be a positive number of steps (got " + every + ")");
    }
    int n = scenario.steps();
    if ((long) n / every + 2 > MAX_RECORDS) {
      throw new Cli.UsageException("that would write more than " + MAX_RECORDS
          + " records; use a larger --every");
    }
    LabDrawings.Kind kind = pictureKind();
    Theme theme = theme();
    if (!given("--frames")) {
      frames = Math.min(DEFAULT_FRAMES, n + 1);
    }
    if (gif != null && frames > n + 1) {
      throw new Cli.UsageException("--frames " + frames + " is more than the steps + 1 (" + (n + 1)
          + "): each frame shows a different step; use --frames " + (n + 1) + " or more --steps");
    }
    long[] frameSteps = gif == null ? new long[0] : frameSteps(frames, n);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    Run run = new Run(scenario);
    Divergence divergence = null;
    Record lastRecord;
    try (GifExporter.Recorder recorder = gif == null ? null
        : GifExporter.start(gif, gifOptions(kind, scenario.hidden().size() + 1, theme))) {
      TrainingSnapshot last = measure(run, kind, gif != null, n == 0);
      try (StatsStream statsOut = stats == null ? null
              : StatsStream.open(stats, scenario, Layer.of(last), every);
          FinishOnExit onExit = FinishOnExit.install(Collections.singletonList(statsOut),
              Collections.singletonList(recorder), err::println)) {
        lastRecord = record(statsOut, last);
        int nextFrame = 0;
        if (recorder != null) {
          recorder.add(picture(kind, last));
          nextFrame++;
        }
        for (int k = 1; k <= n; k++) {
          if (!run.step()) {
            divergence = run.divergence();
            break;
          }
          boolean recordNow = k % every == 0 || k == n;
          boolean frameNow = nextFrame < frameSteps.length && frameSteps[nextFrame] == k;
          if (recordNow || frameNow) {
            last = measure(run, kind, frameNow, k == n);
            if (last.diverged()) {
              divergence = last.divergence();
              break;
            }
            if (recordNow) {
              lastRecord = record(statsOut, last);
            }
            if (frameNow) {
              recorder.add(picture(kind, last));
              nextFrame++;
            }
          }
        }
        if (statsOut != null) {
          statsOut.finish(divergence == null ? -1 : divergence.step());
          out.println("wrote " + stats + " (" + statsOut.records() + " records)");
        }
      }
      if (divergence != null) {
        err.println("training diverged at step " + divergence.step() + " ("
            + Presets.text(divergence.reason().key(), Locale.ENGLISH) + "): "
            + (stats == null ? "" : "stats written up to step " + lastRecord.step() + ", ")
            + "no pictures; lower the learning rate or clip gradients (--set clip=1)");
        return DIVERGED; // the unfinished GIF is discarded when the recorder closes
      }
      if (recorder != null) {
        recorder.finish();
        out.println("wrote " + gif + " (" + recorder.frames() + " frames)");
      }
      if (heatmap != null) {
        PngExporter.write(picture(LabDrawings.Kind.HEATMAP, last), theme, HEATMAP_WIDTH,
            heatmapHeight(last.layers().size()), 1, Background.THEME, heatmap);
        out.println("wrote " + heatmap);
      }
      if (boundary != null) {
        PngExporter.write(picture(LabDrawings.Kind.BOUNDARY, last), theme, 800, 800, 1,
            Background.THEME, boundary);
        out.println("wrote " + boundary);
      }
    } catch (IOException e) {
      throw new Cli.UsageException("cannot write: " + e.getMessage());
    }
    out.println(String.format(Locale.ROOT, "trained %d steps: loss %s, test loss %s, accuracy %s",
        lastRecord.step(), num(lastRecord.loss()), num(lastRecord.testLoss()),
        num(lastRecord.accuracy())));
    return 0;
  }

  /** The snapshot's record, written to the statistics file at once when there is one. */
  private static Record record(StatsStream statsOut, TrainingSnapshot s) throws IOException {
    Record r = Record.of(s);
    if (statsOut != null) {
      statsOut.add(r);
    }
    return r;
  }

  /**
   * A snapshot of the run now; the decision boundary is computed again (finer than on screen,
   * for a picture file) when this snapshot is a boundary frame or the end of a run that writes
   * one, and the history is copied only for a frame that shows it.
   */
  private TrainingSnapshot measure(Run run, LabDrawings.Kind kind, boolean frame, boolean end) {
    if (run.hasGrid() && (frame && kind == LabDrawings.Kind.BOUNDARY || end && boundary != null)) {
      run.refreshGrid(run.scenario().datasetSpec().inputSize() == 2 ? BOUNDARY_GRID_2D
          : BOUNDARY_GRID_1D);
    }
    return run.snapshot(frame && (kind == LabDrawings.Kind.HISTORY
        || kind == LabDrawings.Kind.LOSS));
  }

  /** A picture of a snapshot, as the Lab draws it (history of mean |δ|, log loss axis). */
  private static Picture picture(LabDrawings.Kind kind, TrainingSnapshot s) {
    return kind.of(new LabDrawings(new LabDrawings.Fixed(s, HistoryMetric.MEAN_ABS_DELTA, true, 0)));
  }

  /** Height in user units of a heatmap with {@code layers} rows at {@link #HEATMAP_WIDTH}. */
  static int heatmapHeight(int layers) {
    return Math.min(2000, 80 + 46 * layers);
  }

  private LabDrawings.Kind pictureKind() {
    try {
      return LabDrawings.Kind.parse(picture);
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException("--picture: " + e.getMessage());
    }
  }

  /** The pictures' colours and language. */
  private Theme theme() {
    return PictureTheme.of(themeName, lang);
  }

  /** Steps of N frames spread evenly over 0..n, first 0 and last n; distinct as N ≤ n + 1. */
  static long[] frameSteps(int count, int n) {
    long[] s = new long[count];
    for (int i = 0; i < count; i++) {
      s[i] = Math.round((double) i * n / (count - 1));
    }
    return s;
  }

  /** Frame size: --gif-size or the picture's default; delay and looping from the options. */
  private GifExporter.Options gifOptions(LabDrawings.Kind kind, int layers, Theme theme) {
    int w;
    int h;
    if (gifSize != null) {
      String[] wh = gifSize.trim().toLowerCase(Locale.ROOT).split("x", -1);
      try {
        if (wh.length != 2) {
          throw new NumberFormatException();
        }
        w = Integer.parseInt(wh[0].trim());
        h = Integer.parseInt(wh[1].trim());
      } catch (NumberFormatException e) {
        throw new Cli.UsageException("--gif-size must be WIDTHxHEIGHT in pixels, e.g. 800x450 "
            + "(got '" + gifSize + "')");
      }
      if (w < 100 || h < 100 || w > MAX_GIF_SIDE || h > MAX_GIF_SIDE) {
        throw new Cli.UsageException("--gif-size sides must be in 100.." + MAX_GIF_SIDE
            + " pixels (got " + gifSize + ")");
      }
    } else {
      w = switch (kind) {
        case HEATMAP -> HEATMAP_WIDTH;
        case BOUNDARY -> 720;
        case HISTORY, NETWORK, LOSS, ACTIVATIONS -> 800;
      };
      h = switch (kind) {
        case HEATMAP -> heatmapHeight(layers);
        case BOUNDARY -> 720;
        case HISTORY, NETWORK, LOSS, ACTIVATIONS -> 480;
      };
    }
    return new GifExporter.Options(w, h, 1, theme, Background.THEME,
        GifExporter.Options.centiseconds(gifDelay), !gifOnce);
  }
  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
  }

  private Scenario scenario() {
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
    return ScenarioOptions.scenario(source, settings, extras, spec.commandLine().getErr());
  }

  /** Checks names and folders of all outputs and the GIF options before anything runs. */
  private void checkOutputs() {
    if (stats == null && heatmap == null && boundary == null && gif == null) {
      throw new Cli.UsageException("nothing to write: give --stats OUT.json|OUT.csv|OUT.jsonl, "
          + "--gif OUT.gif, --heatmap OUT.png or --boundary OUT.png");
    }
    if (stats != null) {
      String name = lower(stats);
      if (!name.endsWith(".csv") && !name.endsWith(".json") && !name.endsWith(".jsonl")) {
        throw new Cli.UsageException("--stats must end in .json, .csv or .jsonl (got " + stats
            + ")");
      }
      checkFolder(stats);
    }
    for (Path p : new Path[] {boundary, heatmap}) {
      if (p != null) {
        if (!lower(p).endsWith(".png")) {
          throw new Cli.UsageException("pictures are PNG files ending in .png (got " + p + ")");
        }
        checkFolder(p);
      }
    }
    if (gif != null) {
      if (!lower(gif).endsWith(".gif")) {
        throw new Cli.UsageException("--gif must end in .gif (got " + gif + ")");
      }
      checkFolder(gif);
    }
    if (gif == null) {
      for (String option : new String[] {"--frames", "--picture", "--gif-delay", "--gif-size",
          "--gif-once"}) {
        if (given(option)) {
          throw new Cli.UsageException(option + " is an option of the animation: add --gif "
              + "OUT.gif");
        }
      }
    }
    if (frames < 2 || frames > MAX_FRAMES) {
      throw new Cli.UsageException("--frames must be in 2.." + MAX_FRAMES + " (got " + frames
          + ")");
    }
    if (gifDelay < 10 || gifDelay > 600_000) {
      throw new Cli.UsageException("--gif-delay must be in 10..600000 ms (got " + gifDelay + ")");
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private static String lower(Path p) {
    return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  private static void checkFolder(Path p) {
    Path dir = p.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new Cli.UsageException("folder does not exist: " + dir);
    }
  }
}
