package org.activationlab.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.activationlab.nn.Task;
import org.activationlab.training.LayerSnapshot;
import org.activationlab.training.Scenario;
import org.activationlab.training.TrainingSnapshot;

/**
 * The {@code activation-lab/training-stats} format (version 2) of {@code train --stats}, as JSON
 * or CSV, from a list of records made from snapshots: the same bytes whoever collected the
 * records (the command line or the GUI exporting its current run). The format is described in
 * {@code docs/formats.md}; non-finite numbers are written as JSON null or an empty CSV field.
 *
 * <p>Version 2 added {@code inactiveFraction} (the share of (unit, sample) pairs with f′(z) = 0)
 * and made {@code saturatedFraction} null for layers whose function does not saturate (ReLU-like
 * and unbounded functions, the output layer); in version 1 a ReLU unit off for most samples was
 * counted as saturated. Nothing in Activation Lab reads these files; docs/schema accepts both
 * versions.
 */
public final class TrainingStatsWriter {

  public static final String FORMAT = "activation-lab/training-stats";
  public static final int VERSION = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** Writes JSON or CSV (by the file name's ending) atomically. */
  public static void write(Path out, Run run) throws IOException {
    byte[] bytes = isCsv(out) ? csv(run) : json(run);
    AtomicFiles.write(out, os -> os.write(bytes));
  }

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /** The JSON document (pretty-printed, UTF-8). */
  public static byte[] json(Run run) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.set("scenario", ScenarioJson.toJson(run.scenario()));
    ArrayNode layers = root.putArray("layers");
    for (Layer layer : run.layers()) {
      ObjectNode o = layers.addObject();
      o.put("index", layer.index());
      o.put("kind", layer.kind());
      o.put("width", layer.width());
      o.put("activation", layer.activation());
    }
    ArrayNode recs = root.putArray("records");
    for (Record r : run.records()) {
      ObjectNode o = recs.addObject();
      o.put("step", r.step());
      put(o, "loss", r.loss());
      put(o, "testLoss", r.testLoss());
      put(o, "accuracy", r.accuracy());
      ArrayNode ls = o.putArray("layers");
      for (LayerSnapshot lr : r.layers()) {
        ObjectNode x = ls.addObject();
        put(x, "gradMeanAbs", lr.gradMeanAbs());
        put(x, "gradWeightRms", lr.gradWeightRms());
        put(x, "deadFraction", lr.deadFraction());
        put(x, "inactiveFraction", lr.inactiveFraction());
        put(x, "saturatedFraction", lr.saturatedFraction());
        put(x, "activationMean", lr.activationMean());
        put(x, "activationStd", lr.activationStd());
        ArrayNode g = x.putArray("neuronGradMeanAbs");
        for (int j = 0; j < lr.width(); j++) {
          double v = lr.neuronGrad(j);
          if (Double.isFinite(v)) {
            g.add(v);
          } else {
            g.addNull();
          }
        }
        ArrayNode d = x.putArray("dead");
        for (int j = 0; j < lr.width(); j++) {
          d.add(lr.isDead(j));
        }
      }
    }
    root.put("diverged", run.diverged());
    if (run.diverged()) {
      root.put("divergedAtStep", run.divergedAtStep());
    } else {
      root.putNull("divergedAtStep");
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static String csvNum(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  /** The CSV table: a header, then one row per (record, layer), per-unit lists joined by ';'. */
  public static byte[] csv(Run run) {
    StringBuilder sb = new StringBuilder();
    sb.append("step,loss,testLoss,accuracy,layer,kind,width,activation,gradMeanAbs,gradWeightRms,"
        + "deadFraction,inactiveFraction,saturatedFraction,activationMean,activationStd,"
        + "neuronGradMeanAbs,dead\n");
    for (Record r : run.records()) {
      for (int l = 0; l < r.layers().size(); l++) {
        LayerSnapshot lr = r.layers().get(l);
        Layer layer = run.layers().get(l);
        sb.append(r.step()).append(',').append(csvNum(r.loss())).append(',')
            .append(csvNum(r.testLoss())).append(',').append(csvNum(r.accuracy())).append(',')
            .append(layer.index()).append(',').append(layer.kind())
            .append(',').append(layer.width()).append(',')
            .append(layer.activation().replace(',', ';')).append(',')
            .append(csvNum(lr.gradMeanAbs())).append(',').append(csvNum(lr.gradWeightRms()))
            .append(',').append(csvNum(lr.deadFraction())).append(',')
            .append(csvNum(lr.inactiveFraction())).append(',')
            .append(csvNum(lr.saturatedFraction())).append(',')
            .append(csvNum(lr.activationMean())).append(',').append(csvNum(lr.activationStd()))
            .append(',');
        for (int j = 0; j < lr.width(); j++) {
          sb.append(j == 0 ? "" : ";").append(csvNum(lr.neuronGrad(j)));
        }
        sb.append(',');
        for (int j = 0; j < lr.width(); j++) {
          sb.append(j == 0 ? "" : ";").append(lr.isDead(j) ? 1 : 0);
        }
        sb.append('\n');
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
