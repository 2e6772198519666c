package org.activationlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.activationlab.export.SampleTraceWriter;
import org.activationlab.export.SampleTraceWriter.Format;
import org.activationlab.nn.DatasetSpec;
import org.activationlab.training.Divergence;
import org.activationlab.training.Presets;
import org.activationlab.training.Run;
import org.activationlab.training.SampleTraces;
import org.activationlab.training.SampleTraces.Split;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code explain (--preset NAME | --config FILE) [--set key=value ...] [--step K] --sample I
 * [--split train|test] [--format md|csv|json] [--lang en|zh] [--out FILE]}: trains a {@link Run} K steps on the
 * calling thread (0: the initial weights), then traces one sample through the network of that
 * step ({@link SampleTraces}) and prints or writes every number of its forward and backward pass
 * ({@link SampleTraceWriter}), so that one backpropagation can be checked by hand.
 *
 * <p>Exit status: 0 done, 2 bad input (checked before training; nothing written), 3 the run
 * diverged before step K (nothing written).
 */
@Command(name = "explain", description = "One sample's forward and backward pass with its "
    + "numbers: per layer and unit z, a = f(z), f'(z), delta, the weights used, the gradients and "
    + "the SGD update of this sample; Markdown to read, CSV or JSON with every digit.")
final class ExplainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  ScenarioOptions.Source source;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a scenario field, "
      + "as for 'train'")
  List<String> settings = new ArrayList<>();

  @Option(names = "--step", paramLabel = "K", defaultValue = "0",
      description = "train K steps first, 0.." + Scenario.MAX_STEPS + " (default 0: the initial "
          + "weights)")
  long step;

  @Option(names = "--sample", paramLabel = "I", required = true,
      description = "the sample: its 0-based index in the split, in stored order")
  int sample;

  @Option(names = "--split", paramLabel = "train|test", defaultValue = "train",
      description = "take the sample from the training or the test set (default train)")
  String splitName;

  @Option(names = "--format", paramLabel = "md|csv|json",
      description = "md (readable Markdown), csv (one row per layer and unit) or json (default: "
          + "by the ending of --out, else md)")
  String formatName;

  @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
      description = "language of the Markdown's words (default en; csv and json have none)")
  String lang;

  @Option(names = "--out", paramLabel = "FILE",
      description = "write to FILE (whole or not at all) instead of standard output")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario scenario = ScenarioOptions.scenario(source, settings, err);
    if (step < 0 || step > Scenario.MAX_STEPS) {
      throw new Cli.UsageException("--step must be in 0.." + Scenario.MAX_STEPS + " (got " + step
          + ")");
    }
    Split split = SampleTraces.Split.parse(splitName);
    DatasetSpec data = scenario.datasetSpec();
    int size = split == Split.TRAIN ? data.trainSize() : data.testSize();
    if (size == 0) {
      throw new Cli.UsageException("the test set is empty (testFraction is 0): use --split train");
    }
    if (sample < 0 || sample >= size) {
      throw new Cli.UsageException("--sample " + sample + " is outside the "
          + (split == Split.TRAIN ? "training" : "test") + " set: valid 0.." + (size - 1));
    }
    Locale locale = switch (lang.trim().toLowerCase(Locale.ROOT)) {
      case "en" -> Locale.ENGLISH;
      case "zh" -> Locale.CHINESE;
      default -> throw new Cli.UsageException("--lang must be en or zh (got '" + lang + "')");
    };
    Format format = formatName != null ? Format.parse(formatName)
        : out != null ? Format.of(out) : Format.MD;
    if (out != null) {
      Path dir = out.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new Cli.UsageException("folder does not exist: " + dir);
      }
    }

    Run run = new Run(scenario);
    for (long k = 0; k < step; k++) {
      if (!run.step()) {
        return diverged(run.divergence(), err);
      }
    }
    TrainingSnapshot snapshot = run.snapshot(false);
    if (snapshot.diverged()) {
      return diverged(snapshot.divergence(), err);
    }
    SampleTraceWriter.Explained explained = new SampleTraceWriter.Explained(snapshot.scenario(),
        source.describe(),
        snapshot.step(), split, sample, size, SampleTraces.of(snapshot, split, sample));
    try {
      if (out != null) {
        SampleTraceWriter.write(out, explained, format, locale);
        stdout.println("wrote " + out);
      } else {
        stdout.print(new String(SampleTraceWriter.bytes(explained, format, locale),
            StandardCharsets.UTF_8));
        stdout.flush();
      }
    } catch (IOException e) {
      throw new Cli.UsageException("cannot write: " + e.getMessage());
    }
    return 0;
  }

  private int diverged(Divergence d, PrintWriter err) {
    err.println("training diverged at step " + d.step() + " ("
        + Presets.text(d.reason().key(), Locale.ENGLISH) + "), before step " + step
        + ": nothing written; explain an earlier step (--step " + Math.max(0, d.step() - 1)
        + " or less) or lower the learning rate");
    return TrainCommand.DIVERGED;
  }
}
