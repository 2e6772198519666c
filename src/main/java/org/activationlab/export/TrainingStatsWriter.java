package org.activationlab.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activationlab.nn.Task;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;

/**
 * The {@code activation-lab/training-stats} format (version 2) of {@code train --stats}, as JSON,
 * CSV or JSON Lines, from a list of records made from snapshots: the same bytes whoever collected
 * the records (the command line streaming them through {@link StatsStream} as it goes, or the
 * GUI exporting its current run). The format is described in {@code docs/formats.md}; non-finite
 * numbers are written as JSON null or an empty CSV field.
 *
 * <p>Version 2 added {@code inactiveFraction} (the share of (unit, sample) pairs with f′(z) = 0)
 * and made {@code saturatedFraction} null for layers whose function does not saturate (ReLU-like
 * and unbounded functions, the output layer); in version 1 a ReLU unit off for most samples was
 * counted as saturated. docs/schema accepts both versions.
 */
public final class TrainingStatsWriter {

  public static final String FORMAT = "activation-lab/training-stats";
  public static final int VERSION = 2;

  private TrainingStatsWriter() {}

  /**
   * One layer of the network, input side first.
   *
   * @param index 1-based
   * @param kind {@code hidden} or {@code output}
   * @param width units
   * @param activation catalog spec of a hidden layer, the output transform ({@code sigmoid},
   *     {@code softmax}, {@code identity}) of the output layer
   */
  public record Layer(int index, String kind, int width, String activation) {

    /** The layers of the snapshot's network. */
    public static List<Layer> of(TrainingSnapshot s) {
      String output = outputActivation(s.data().spec().task());
      List<Layer> out = new ArrayList<>();
      for (LayerSnapshot l : s.layers()) {
        out.add(new Layer(l.index() + 1, l.output() ? "output" : "hidden", l.width(),
            l.output() ? output : l.activation()));
      }
      return List.copyOf(out);
    }
  }

  /** The output layer's transform of a task, as the stats name it. */
  static String outputActivation(Task task) {
    return task == Task.BINARY ? "sigmoid" : task == Task.MULTICLASS ? "softmax" : "identity";
  }

  /**
   * One record: scalars and per-layer values (input side first, read from the immutable
   * snapshot's layers).
   */
  public record Record(long step, double loss, double testLoss, double accuracy,
      List<LayerSnapshot> layers) {
    public Record {
      layers = List.copyOf(layers);
    }

    /**
     * What {@code train --stats} writes for a snapshot: gradients of its step's mini-batch (step
     * 0: the first mini-batch without an update), loss over the training set, test loss and
     * accuracy over the test set, dead, inactive and saturated fractions over the probe set.
     */
    public static Record of(TrainingSnapshot s) {
      return new Record(s.step(), s.scores().trainLoss(), s.scores().testLoss(),
          s.scores().accuracy(), s.layers());
    }
  }

  /**
   * A run to write.
   *
   * @param scenario the scenario as trained (written by {@link ScenarioJson#toJson})
   * @param layers the network's layers
   * @param records records in step order
   * @param divergedAtStep the step at which the run diverged, or −1 if it did not
   */
  public record Run(Scenario scenario, List<Layer> layers, List<Record> records,
      long divergedAtStep) {
    public Run {
      layers = List.copyOf(layers);
      records = List.copyOf(records);
    }

    public boolean diverged() {
      return divergedAtStep >= 0;
    }
  }

  /** Whether {@code out} names a CSV file ({@code .csv}); otherwise JSON. */
  public static boolean isCsv(Path out) {
    return out.getFileName() != null
        && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /**
   * Writes JSON, CSV or JSON Lines (by the file name's ending) atomically. A run being made is
   * written record by record with {@link StatsStream} instead.
   */
  public static void write(Path out, Run run) throws IOException {
    byte[] bytes = StatsStream.isJsonLines(out) ? jsonLines(run) : isCsv(out) ? csv(run)
        : json(run);
    AtomicFiles.write(out, os -> os.write(bytes));
  }

  /** The JSON document (pretty-printed, UTF-8). */
  public static byte[] json(Run run) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encode(run, new JsonStatsEncoder(out));
    return out.toByteArray();
  }

  /** The CSV table: a header, then one row per (record, layer), per-unit lists joined by ';'. */
  public static byte[] csv(Run run) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      encode(run, new CsvStatsEncoder(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by a stream in memory
    }
    return out.toByteArray();
  }

  /** The JSON Lines layout: header, one line per record, end line (UTF-8). */
  public static byte[] jsonLines(Run run) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encode(run, new JsonLinesStatsEncoder(out));
    return out.toByteArray();
  }

  private static void encode(Run run, StatsEncoder encoder) throws IOException {
    encoder.header(run.scenario(), run.layers(), 0);
    for (Record r : run.records()) {
      encoder.record(r);
    }
    encoder.end(run.divergedAtStep());
  }
}
