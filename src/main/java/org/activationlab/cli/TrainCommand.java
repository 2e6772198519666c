package org.activationlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.activationlab.export.AtomicFiles;
import org.activationlab.export.Background;
import org.activationlab.export.PngExporter;
import org.activationlab.export.TrainingStatsWriter;
import org.activationlab.export.TrainingStatsWriter.LayerRecord;
import org.activationlab.export.TrainingStatsWriter.Record;
import org.activationlab.nn.Evaluation;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.OutputGrid;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.StepStatistics;
import org.activationlab.nn.TrainingSession;
import org.activationlab.render.DecisionBoundaryModel;
import org.activationlab.render.DecisionBoundaryRenderer;
import org.activationlab.render.GradientHeatmapModel;
import org.activationlab.render.GradientHeatmapRenderer;
import org.activationlab.render.Picture;
import org.activationlab.render.Theme;
import org.activationlab.training.GridSnapshot;
import org.activationlab.training.Measurements;
import org.activationlab.training.Presets;
import org.activationlab.training.Scenario;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train (--preset NAME | --config FILE.json) [--set key=value ...] [--steps N] [--seed S]
 * [--every K] --stats OUT.json|OUT.csv [--boundary OUT.png] [--heatmap OUT.png]}: trains on the
 * calling thread and writes per-layer gradient statistics every K steps.
 *
 * <p>Records: step 0 is the initial network; its gradient statistics come from a forward and
 * backward pass over the first mini-batch (the first batchSize training samples in stored order)
 * without an update. A record at step k > 0 holds the gradient statistics of step k's mini-batch
 * (before its update); {@code loss}, {@code testLoss} and {@code accuracy} are measured after the
 * update over the whole training set, the test set and the test set; dead and saturated
 * fractions over the probe set (the first ≤ 512 training samples) at that moment. Non-finite
 * numbers are written as null.
 *
 * <p>Exit status: 0 done, 2 bad input (nothing written), 3 diverged (stats up to the last record
 * before the divergence written, no pictures).
 */
@Command(name = "train", description = "Train a preset or scenario headless and write gradient "
    + "statistics (JSON or CSV), optionally the decision boundary and a gradient heatmap (PNG).")
final class TrainCommand implements Callable<Integer> {

  static final int DIVERGED = 3;
  static final int MAX_RECORDS = 100_000;

  @Spec
  CommandSpec spec;

  static final class Source {
    @Option(names = "--preset", required = true, description = "a preset; see 'presets'")
    String preset;

    @Option(names = "--config", required = true,
        description = "scenario JSON: an object of fields named like the --set keys")
    Path config;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

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

  @Option(names = "--stats", required = true, description = "OUT.json or OUT.csv")
  Path stats;

  @Option(names = "--boundary", description = "decision boundary (2-D) or fitted curve (1-D), PNG")
  Path boundary;

  @Option(names = "--heatmap", description = "per-layer gradient heatmap at the end, PNG")
  Path heatmap;

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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    TrainingSession session = scenario.session();
    Mlp net = session.network();
    StepStatistics step0 = StepStatistics.of(net);
    ProbeStatistics probe = ProbeStatistics.of(net);
    Evaluation trainEval = new Evaluation();
    Evaluation testEval = new Evaluation();
    List<Record> records = new ArrayList<>();
    Measurements.initialGradients(session, step0);
    records.add(TrainingStatsWriter.measure(session, step0, probe, trainEval, testEval));
    long divergedAt = -1;
    for (int k = 1; k <= n; k++) {
      double loss = session.step();
      boolean recordNow = k % every == 0 || k == n;
      if (!Double.isFinite(loss) || (recordNow || (k & 63) == 0) && !session.isFinite()) {
        divergedAt = k;
        break;
      }
      if (recordNow) {
        Record r = TrainingStatsWriter.measure(session, session.stepStatistics(), probe,
            trainEval, testEval);
        if (!Double.isFinite(r.loss())) {
          divergedAt = k;
          break;
        }
        records.add(r);
      }
    }
    boolean diverged = divergedAt >= 0;
    try {
      TrainingStatsWriter.write(stats, new TrainingStatsWriter.Run(scenario,
          TrainingStatsWriter.Layer.of(net), records, divergedAt));
      out.println("wrote " + stats + " (" + records.size() + " records)");
      if (diverged) {
        err.println("training diverged at step " + divergedAt + " (the loss or a weight became "
            + "NaN or infinite): stats written up to step " + records.get(records.size() - 1)
            .step() + ", no pictures; lower the learning rate or clip gradients (--set clip=1)");
        return DIVERGED;
      }
      Theme theme = Theme.light();
      if (heatmap != null) {
        GradientHeatmapModel m = heatmapModel(records.get(records.size() - 1), scenario, net);
        int h = Math.min(2000, 80 + 46 * net.layerCount());
        PngExporter.write(Picture.of("gradient-heatmap", (g, w, hh, t) ->
            new GradientHeatmapRenderer().draw(g, w, hh, m, t)), theme, 1000, h, 1,
            Background.THEME, heatmap);
        out.println("wrote " + heatmap);
      }
      if (boundary != null) {
        OutputGrid grid = OutputGrid.of(net, net.inputSize() == 2 ? 160 : 400);
        session.outputGrid(grid);
        GridSnapshot gs = new GridSnapshot(grid.resolution, grid.dimensions, grid.channels,
            grid.xMin, grid.xMax, grid.yMin, grid.yMax, grid.values);
        DecisionBoundaryModel m = DecisionBoundaryModel.of(scenario.describe() + ", step "
            + session.stepCount(), gs, session.data());
        PngExporter.write(Picture.of("decision-boundary", (g, w, hh, t) ->
            new DecisionBoundaryRenderer().draw(g, w, hh, m, t)), theme, 800, 800, 1,
            Background.THEME, boundary);
        out.println("wrote " + boundary);
      }
    } catch (IOException e) {
      throw new Cli.UsageException("cannot write: " + e.getMessage());
    }
    Record last = records.get(records.size() - 1);
    out.println(String.format(Locale.ROOT, "trained %d steps: loss %s, test loss %s, accuracy %s",
        last.step(), num(last.loss()), num(last.testLoss()), num(last.accuracy())));
    return 0;
  }

  private static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
  }

  private Scenario scenario() {
    Scenario s;
    if (source.preset != null) {
      s = Presets.get(source.preset).scenario();
    } else {
      try {
        s = Scenario.read(source.config);
      } catch (NoSuchFileException e) {
        throw new Cli.UsageException("config file not found: " + source.config);
      } catch (IOException e) {
        throw new Cli.UsageException("cannot read config " + source.config + ": "
            + e.getMessage());
      }
    }
    Map<String, String> set = new LinkedHashMap<>();
    for (String kv : settings) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new Cli.UsageException("--set needs key=value (got '" + kv + "'); keys: "
            + String.join(", ", Scenario.KEYS));
      }
      set.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
    }
    if (steps != null) {
      if (steps < 1) {
        throw new Cli.UsageException("--steps must be a positive number (got " + steps + ")");
      }
      set.put("steps", Integer.toString(steps));
    }
    if (seed != null) {
      set.put("seed", Long.toString(seed));
    }
    return s.withSettings(set);
  }

  /** Checks names and folders of all outputs before anything runs; returns whether CSV. */
  private boolean checkOutputs() {
    String name = lower(stats);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".json")) {
      throw new Cli.UsageException("--stats must end in .json or .csv (got " + stats + ")");
    }
    checkFolder(stats);
    for (Path p : new Path[] {boundary, heatmap}) {
      if (p != null) {
        if (!lower(p).endsWith(".png")) {
          throw new Cli.UsageException("pictures are PNG files ending in .png (got " + p + ")");
        }
        checkFolder(p);
      }
    }
    return csv;
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

  private static GradientHeatmapModel heatmapModel(Record r, Scenario s, Mlp net) {
    List<GradientHeatmapModel.Row> rows = new ArrayList<>();
    for (int l = 0; l < r.layers().size(); l++) {
      LayerRecord lr = r.layers().get(l);
      boolean output = l == r.layers().size() - 1;
      rows.add(new GradientHeatmapModel.Row((l + 1) + (output ? " output" : " " + TrainingStatsWriter.activation(net, l)),
          lr.neuronGradMeanAbs(), lr.dead(), lr.deadFraction(), lr.saturatedFraction()));
    }
    return new GradientHeatmapModel("mean |δ| per neuron, step " + r.step() + " — "
        + s.describe(), rows, GradientHeatmapModel.DEFAULT_DECADE_MIN,
        GradientHeatmapModel.DEFAULT_DECADE_MAX);
  }
}
