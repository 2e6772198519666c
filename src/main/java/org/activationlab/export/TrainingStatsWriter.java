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
import org.activationlab.nn.Evaluation;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.ProbeStatistics;
import org.activationlab.nn.StepStatistics;
import org.activationlab.nn.Task;
import org.activationlab.nn.TrainingSession;
import org.activationlab.training.Scenario;

/**
 * The {@code activation-lab/training-stats} format (version 1) of {@code train --stats}, as JSON
 * or CSV, from a list of records: the same bytes whoever collected the records (the command line
 * or the GUI exporting its current run). The format is described in the README ("Headless
 * commands"); non-finite numbers are written as JSON null or an empty CSV field.
 */
public final class TrainingStatsWriter {

  public static final String FORMAT = "activation-lab/training-stats";
  public static final int VERSION = 1;

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

    /** The layers of {@code net}. */
    public static List<Layer> of(Mlp net) {
      List<Layer> out = new ArrayList<>();
      for (int l = 0; l < net.layerCount(); l++) {
        boolean hidden = l < net.layerCount() - 1;
        out.add(new Layer(l + 1, hidden ? "hidden" : "output", net.width(l),
            TrainingStatsWriter.activation(net, l)));
      }
      return List.copyOf(out);
    }
  }

  /** Activation name of layer l: the hidden activation's spec or the task's output transform. */
  public static String activation(Mlp net, int l) {
    if (l < net.layerCount() - 1) {
      return net.activation(l).spec();
    }
    return outputActivation(net.task());
  }

  /** The output layer's transform of a task, as the stats name it. */
  public static String outputActivation(Task task) {
    return task == Task.BINARY ? "sigmoid" : task == Task.MULTICLASS ? "softmax" : "identity";
  }

  /** One record: scalars and per-layer values (input side first). */
  public record Record(long step, double loss, double testLoss, double accuracy,
      List<LayerRecord> layers) {
    public Record {
      layers = List.copyOf(layers);
    }
  }

  /** One layer's values within a record; the arrays have one entry per unit. */
  public record LayerRecord(double gradMeanAbs, double gradWeightRms, double deadFraction,
      double saturatedFraction, double activationMean, double activationStd,
      double[] neuronGradMeanAbs, boolean[] dead) {
    public LayerRecord {
      neuronGradMeanAbs = neuronGradMeanAbs.clone();
      dead = dead.clone();
    }

    @Override
    public double[] neuronGradMeanAbs() {
      return neuronGradMeanAbs.clone();
    }

    @Override
    public boolean[] dead() {
      return dead.clone();
    }
  }

  /**
   * A run to write.
   *
   * @param scenario the scenario as trained (its {@code toJson()} goes into the JSON)
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

  /**
   * Measures a record of the session now: {@code stats} are the gradient statistics of the step
   * (or of step 0), loss over the training set, test loss and accuracy over the test set, dead
   * and saturated fractions over the probe set. {@code probe}, {@code trainEval} and {@code
   * testEval} are reusable buffers.
   */
  public static Record measure(TrainingSession s, StepStatistics stats, ProbeStatistics probe,
      Evaluation trainEval, Evaluation testEval) {
    s.probe(probe);
    s.evaluate(s.data().train(), trainEval);
    s.evaluateTest(testEval);
    List<LayerRecord> layers = new ArrayList<>();
    for (int l = 0; l < stats.layerCount(); l++) {
      layers.add(new LayerRecord(stats.gradMeanAbs[l], stats.gradWeightRms[l],
          probe.deadFraction[l], probe.saturatedFraction[l], stats.activationMean[l],
          stats.activationStd[l], stats.neuronGradMeanAbs[l], probe.dead[l]));
    }
    return new Record(s.stepCount(), trainEval.loss, testEval.loss, testEval.accuracy, layers);
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
    root.set("scenario", run.scenario().toJson());
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
      for (LayerRecord lr : r.layers()) {
        ObjectNode x = ls.addObject();
        put(x, "gradMeanAbs", lr.gradMeanAbs());
        put(x, "gradWeightRms", lr.gradWeightRms());
        put(x, "deadFraction", lr.deadFraction());
        put(x, "saturatedFraction", lr.saturatedFraction());
        put(x, "activationMean", lr.activationMean());
        put(x, "activationStd", lr.activationStd());
        ArrayNode g = x.putArray("neuronGradMeanAbs");
        for (double v : lr.neuronGradMeanAbs) {
          if (Double.isFinite(v)) {
            g.add(v);
          } else {
            g.addNull();
          }
        }
        ArrayNode d = x.putArray("dead");
        for (boolean b : lr.dead) {
          d.add(b);
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
        + "deadFraction,saturatedFraction,activationMean,activationStd,neuronGradMeanAbs,dead\n");
    for (Record r : run.records()) {
      for (int l = 0; l < r.layers().size(); l++) {
        LayerRecord lr = r.layers().get(l);
        Layer layer = run.layers().get(l);
        sb.append(r.step()).append(',').append(csvNum(r.loss())).append(',')
            .append(csvNum(r.testLoss())).append(',').append(csvNum(r.accuracy())).append(',')
            .append(layer.index()).append(',').append(layer.kind())
            .append(',').append(layer.width()).append(',')
            .append(layer.activation().replace(',', ';')).append(',')
            .append(csvNum(lr.gradMeanAbs())).append(',').append(csvNum(lr.gradWeightRms()))
            .append(',').append(csvNum(lr.deadFraction())).append(',')
            .append(csvNum(lr.saturatedFraction())).append(',')
            .append(csvNum(lr.activationMean())).append(',').append(csvNum(lr.activationStd()))
            .append(',');
        double[] g = lr.neuronGradMeanAbs;
        for (int j = 0; j < g.length; j++) {
          sb.append(j == 0 ? "" : ";").append(csvNum(g[j]));
        }
        sb.append(',');
        boolean[] d = lr.dead;
        for (int j = 0; j < d.length; j++) {
          sb.append(j == 0 ? "" : ";").append(d[j] ? 1 : 0);
        }
        sb.append('\n');
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
