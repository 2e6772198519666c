package org.activationlab.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.activationlab.nn.OptimizerSpec;
import org.activationlab.nn.SampleTrace;
import org.activationlab.nn.Task;
import org.activationlab.training.SampleTraces;
import org.activationlab.training.Scenario;

/**
 * One sample's forward and backward pass ({@link SampleTrace}) as Markdown for reading, CSV (one
 * row per layer and unit) or JSON (the {@code activation-lab/sample-trace} format): what {@code
 * explain} prints. Layers, units and inputs are numbered from 1 (layer 1 is the first hidden
 * layer, the input x is layer 0), as in the training statistics; the sample index is 0-based, a
 * position in its data set.
 *
 * <p>CSV and JSON carry every digit ({@link Double#toString}, which reads back to the same
 * double); Markdown rounds for reading, to {@link #TABLE_DIGITS} significant digits in tables and
 * {@link #FORMULA_DIGITS} in the formulas with the numbers substituted, which are written out only
 * for layers small enough to read ({@link #FORMULA_UNITS}, {@link #FORMULA_TERMS}).
 */
public final class SampleTraceWriter {

  public static final String FORMAT = "activation-lab/sample-trace";
  public static final int VERSION = 1;
  /** Significant digits of the Markdown tables. */
  public static final int TABLE_DIGITS = 6;
  /** Significant digits of the numbers in the Markdown formulas. */
  public static final int FORMULA_DIGITS = 4;
  /** Formulas are written out for a layer of at most this many units … */
  public static final int FORMULA_UNITS = 8;
  /** … whose sums have at most this many products w·a or w·δ. */
  public static final int FORMULA_TERMS = 16;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char MINUS = '\u2212';

  private SampleTraceWriter() {}

  /** The output formats. */
  public enum Format {
    MD, CSV, JSON;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named {@code md}, {@code csv} or {@code json} (any case).
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static Format parse(String name) {
      for (Format f : values()) {
        if (f.id().equalsIgnoreCase(name.trim())) {
          return f;
        }
      }
      throw new IllegalArgumentException("unknown format '" + name + "'; valid: md, csv, json");
    }

    /** The format a file name's ending implies ({@code .csv}, {@code .json}), else Markdown. */
    public static Format of(Path file) {
      String name = file.getFileName() == null ? ""
          : file.getFileName().toString().toLowerCase(Locale.ROOT);
      return name.endsWith(".csv") ? CSV : name.endsWith(".json") ? JSON : MD;
    }
  }

  /**
   * What was traced and where it came from.
   *
   * @param scenario the settings in force at the step
   * @param source where the scenario came from, as the command line gave it, e.g. {@code
   *     --preset deep-sigmoid}
   * @param step training steps before the trace (0: the initial weights)
   * @param split the data set the sample is from
   * @param sample 0-based index of the sample in {@code split}
   * @param splitSize samples in {@code split}
   * @param trace the forward and backward pass
   */
  public record Explained(Scenario scenario, String source, long step, SampleTraces.Split split,
      int sample, int splitSize, SampleTrace trace) {}

  /**
   * The document in the given format, UTF-8; the Markdown's words in {@code locale} (English or
   * Chinese; CSV and JSON have none).
   */
  public static byte[] bytes(Explained e, Format format, Locale locale) throws IOException {
    return switch (format) {
      case MD -> markdown(e, locale).getBytes(StandardCharsets.UTF_8);
      case CSV -> csv(e).getBytes(StandardCharsets.UTF_8);
      case JSON -> json(e);
    };
  }

  /** Writes {@link #bytes} atomically: the whole file or nothing. */
  public static void write(Path out, Explained e, Format format, Locale locale)
      throws IOException {
    byte[] b = bytes(e, format, locale);
    AtomicFiles.write(out, os -> os.write(b));
  }

  /** A layer's kind: {@code hidden} or {@code output}. */
  private static String kind(SampleTrace t, int l) {
    return l == t.outputLayer() ? "output" : "hidden";
  }

  /** A hidden layer's function spec, or the output layer's transform. */
  private static String activation(SampleTrace t, int l) {
    return l == t.outputLayer() ? TrainingStatsWriter.outputActivation(t.task())
        : t.activation(l).spec();
  }

  // ----------------------------------------------------------------------------------- JSON

  private static void put(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private static void add(ArrayNode a, double v) {
    if (Double.isFinite(v)) {
      a.add(v);
    } else {
      a.addNull();
    }
  }

  /** The {@code activation-lab/sample-trace} JSON document (pretty-printed, UTF-8). */
  public static byte[] json(Explained e) throws IOException {
    SampleTrace t = e.trace();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.set("scenario", ScenarioJson.toJson(e.scenario()));
    root.put("step", e.step());
    root.put("split", e.split().id());
    root.put("sample", e.sample());
    root.put("splitSize", e.splitSize());
    root.put("task", t.task().id());
    ArrayNode x = root.putArray("input");
    for (double v : t.input()) {
      add(x, v);
    }
    ArrayNode y = root.putArray("target");
    for (double v : t.target()) {
      add(y, v);
    }
    ArrayNode out = root.putArray("output");
    for (double v : t.output()) {
      add(out, v);
    }
    put(root, "loss", t.loss());
    put(root, "learningRate", t.learningRate());
    ArrayNode layers = root.putArray("layers");
    for (int l = 0; l < t.layerCount(); l++) {
      ObjectNode lo = layers.addObject();
      lo.put("index", l + 1);
      lo.put("kind", kind(t, l));
      lo.put("activation", activation(t, l));
      lo.put("width", t.width(l));
      lo.put("fanIn", t.fanIn(l));
      ArrayNode in = lo.putArray("inputs");
      for (int i = 0; i < t.fanIn(l); i++) {
        add(in, t.input(l, i));
      }
      ArrayNode units = lo.putArray("units");
      for (int j = 0; j < t.width(l); j++) {
        ObjectNode u = units.addObject();
        u.put("unit", j + 1);
        put(u, "bias", t.bias(l, j));
        ArrayNode w = u.putArray("weights");
        for (int i = 0; i < t.fanIn(l); i++) {
          add(w, t.weight(l, j, i));
        }
        put(u, "z", t.z(l, j));
        put(u, "a", t.a(l, j));
        put(u, "fprime", t.derivative(l, j));
        put(u, "target", t.outputTarget(l, j));
        put(u, "backSum", t.backSum(l, j));
        put(u, "delta", t.delta(l, j));
        put(u, "gradBias", t.biasGradient(l, j));
        ArrayNode gw = u.putArray("gradWeights");
        for (int i = 0; i < t.fanIn(l); i++) {
          add(gw, t.weightGradient(l, j, i));
        }
        put(u, "updateBias", t.biasUpdate(l, j));
        ArrayNode uw = u.putArray("updateWeights");
        for (int i = 0; i < t.fanIn(l); i++) {
          add(uw, t.weightUpdate(l, j, i));
        }
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  // ------------------------------------------------------------------------------------ CSV

  /** The columns of {@link #csv}. */
  public static final String CSV_HEADER = "step,split,sample,loss,layer,kind,activation,unit,"
      + "bias,weights,inputs,z,a,fprime,target,backSum,delta,gradBias,gradWeights,updateBias,"
      + "updateWeights";

  private static String csvNum(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }

  /** A header, then one row per (layer, unit), input side first; lists joined by ';'. */
  public static String csv(Explained e) {
    SampleTrace t = e.trace();
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (int l = 0; l < t.layerCount(); l++) {
      StringBuilder inputs = new StringBuilder();
      for (int i = 0; i < t.fanIn(l); i++) {
        inputs.append(i == 0 ? "" : ";").append(csvNum(t.input(l, i)));
      }
      for (int j = 0; j < t.width(l); j++) {
        sb.append(e.step()).append(',').append(e.split().id()).append(',').append(e.sample())
            .append(',').append(csvNum(t.loss())).append(',').append(l + 1).append(',')
            .append(kind(t, l)).append(',').append(activation(t, l).replace(',', ';'))
            .append(',').append(j + 1).append(',').append(csvNum(t.bias(l, j))).append(',');
        for (int i = 0; i < t.fanIn(l); i++) {
          sb.append(i == 0 ? "" : ";").append(csvNum(t.weight(l, j, i)));
        }
        sb.append(',').append(inputs).append(',').append(csvNum(t.z(l, j))).append(',')
            .append(csvNum(t.a(l, j))).append(',').append(csvNum(t.derivative(l, j)))
            .append(',').append(csvNum(t.outputTarget(l, j))).append(',')
            .append(csvNum(t.backSum(l, j))).append(',').append(csvNum(t.delta(l, j)))
            .append(',').append(csvNum(t.biasGradient(l, j))).append(',');
        for (int i = 0; i < t.fanIn(l); i++) {
          sb.append(i == 0 ? "" : ";").append(csvNum(t.weightGradient(l, j, i)));
        }
        sb.append(',').append(csvNum(t.biasUpdate(l, j))).append(',');
        for (int i = 0; i < t.fanIn(l); i++) {
          sb.append(i == 0 ? "" : ";").append(csvNum(t.weightUpdate(l, j, i)));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------- Markdown

  /**
   * {@code v} rounded to {@code digits} significant digits for reading: plain decimals from 1e-4
   * to 1e6, otherwise {@code 1.234e−5}; trailing zeros dropped; the sign a real minus (−). The
   * step-through view writes its numbers with this too, so it and {@code explain} agree.
   */
  public static String num(double v, int digits) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : MINUS + "∞";
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits));
    double abs = Math.abs(rounded.doubleValue());
    String s;
    if (abs >= 1e-4 && abs < 1e6) {
      s = rounded.stripTrailingZeros().toPlainString();
    } else {
      String e = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v); // -1.2340e-05
      int at = e.indexOf('e');
      String mantissa = e.substring(0, at);
      if (mantissa.contains(".")) {
        mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      s = mantissa + "e" + Integer.parseInt(e.substring(at + 1));
    }
    return s.replace('-', MINUS);
  }

  private static String t(double v) {
    return num(v, TABLE_DIGITS);
  }

  private static String f(double v) {
    return num(v, FORMULA_DIGITS);
  }

  /** A factor or a later term of a formula: negative numbers in parentheses. */
  private static String p(double v) {
    String s = f(v);
    return v < 0 ? "(" + s + ")" : s;
  }

  /** (v1, v2, …) to formula digits. */
  private static String vector(double[] v) {
    if (v.length == 1) {
      return p(v[0]);
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(f(v[i]));
    }
    return sb.append(')').toString();
  }

  /** Whether layer l's forward formulas are written out. */
  private static boolean forwardFormulas(SampleTrace t, int l) {
    return t.width(l) <= FORMULA_UNITS && t.fanIn(l) <= FORMULA_TERMS;
  }

  /** Whether layer l's backward formulas are written out. */
  private static boolean backwardFormulas(SampleTrace t, int l) {
    return t.width(l) <= FORMULA_UNITS
        && (l == t.outputLayer() || t.width(l + 1) <= FORMULA_TERMS);
  }

  /** The languages of the Markdown's words. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** The Markdown's words in {@code locale} (English unless it is Chinese). */
  static ResourceBundle words(Locale locale) {
    return ResourceBundle.getBundle("org.activationlab.export.sample-trace",
        Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? Locale.CHINESE : Locale.ROOT,
        NO_FALLBACK);
  }

  /** The readable document in English: a header, the forward and backward pass, the gradients. */
  public static String markdown(Explained e) {
    return markdown(e, Locale.ENGLISH);
  }

  /**
   * The readable document: a header, the forward pass, the backward pass, the gradients; its
   * words in {@code locale} (English or Chinese), the formulas and numbers alike in both.
   */
  public static String markdown(Explained e, Locale locale) {
    return new Markdown(e, words(locale)).document();
  }

  /** One Markdown document being written. */
  private static final class Markdown {
    private final Explained e;
    private final SampleTrace t;
    private final ResourceBundle words;
    private final StringBuilder md = new StringBuilder();

    Markdown(Explained e, ResourceBundle words) {
      this.e = e;
      this.t = e.trace();
      this.words = words;
    }

    /** The text of {@code key} with {0}, {1}, … replaced by {@code args}. */
    private String w(String key, Object... args) {
      String s = words.getString(key);
      for (int i = 0; i < args.length; i++) {
        s = s.replace("{" + i + "}", String.valueOf(args[i]));
      }
      return s;
    }

    private String layerTitle(int l) {
      return l == t.outputLayer() ? w("layer.output", l + 1) : w("layer", l + 1);
    }

    private String count(String key, int n) {
      return n == 1 ? w(key + "1") : w(key, n);
    }

    private void item(String text) {
      md.append("- ").append(text).append('\n');
    }

    String document() {
      int last = t.outputLayer();
      md.append("# ").append(w("title")).append("\n\n");
      item(w("header.scenario", e.source(), settings(e.scenario())));
      item(e.step() == 0 ? w("header.step0") : e.step() == 1 ? w("header.step1")
          : w("header.step", e.step()));
      item(w(e.split() == SampleTraces.Split.TRAIN ? "header.sample.train"
          : "header.sample.test", e.sample(), e.splitSize()));
      item(w("header.input", tableVector(t.input())));
      item(t.task() == Task.REGRESSION ? w("header.target.value", tableVector(t.target()))
          : w("header.target.class", (int) t.target()[0]));
      item(w("header.output." + t.task().id(), tableVector(t.output()),
          t.width(last) - 1));
      item(w("header.loss", t(t.loss()), w("loss." + t.task().id())));
      Scenario s = e.scenario();
      String update = w("header.update", t(t.learningRate()));
      if (s.optimizer() != OptimizerSpec.Kind.SGD || s.batchSize() != 1 || s.l2() != 0
          || s.clip() != 0) {
        update += w("header.update.differs", s.optimizer().id(), s.batchSize(),
            (s.l2() != 0 ? w("header.update.l2", t(s.l2())) : "")
                + (s.clip() != 0 ? w("header.update.clip", t(s.clip())) : ""));
      }
      item(update);
      md.append('\n');
      md.append(w("legend", last == 1 ? w("legend.hidden1") : w("legend.hidden", last),
          last + 1, TABLE_DIGITS, FORMULA_DIGITS)).append("\n\n");

      md.append("## ").append(w("forward")).append("\n\n");
      for (int l = 0; l <= last; l++) {
        forward(l);
      }
      md.append("## ").append(w("backward")).append("\n\n");
      md.append(w("backward.intro")).append("\n\n");
      for (int l = last; l >= 0; l--) {
        backward(l);
      }
      md.append("## ").append(w("gradients")).append("\n\n");
      md.append(w("gradients.intro", f(t.learningRate()))).append("\n\n");
      for (int l = 0; l <= last; l++) {
        gradients(l);
      }
      return md.toString();
    }

    private void smallOnly() {
      md.append(w("formulas.small", FORMULA_UNITS, FORMULA_TERMS)).append("\n\n");
    }

    private void unitLine(int j) {
      String s = w("unit.line", j + 1);
      // no space after a full-width colon
      md.append("- ").append(s).append(s.endsWith("：") ? "" : " ");
    }

    private void forward(int l) {
      int last = t.outputLayer();
      String function = l < last ? "f = " + t.activation(l).spec() : switch (t.task()) {
        case BINARY -> "ŷ = σ(z)";
        case MULTICLASS -> "ŷ = softmax(z)";
        case REGRESSION -> "ŷ = z";
      };
      md.append("### ").append(w("forward.heading", layerTitle(l), count("units", t.width(l)),
          function, l == 0 ? w("input.ref") : w("layer.ref", l), count("values", t.fanIn(l))))
          .append("\n\n");
      md.append("| ").append(w("unit")).append(" | z = b + Σ w·a | ")
          .append(l < last ? "a = f(z) | f′(z) |" : "ŷ |").append('\n');
      md.append("|---:|---:|---:|").append(l < last ? "---:|" : "").append('\n');
      for (int j = 0; j < t.width(l); j++) {
        md.append("| ").append(j + 1).append(" | ").append(t(t.z(l, j))).append(" | ")
            .append(t(t.a(l, j))).append(" |");
        if (l < last) {
          md.append(' ').append(t(t.derivative(l, j))).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
      if (!forwardFormulas(t, l)) {
        smallOnly();
        return;
      }
      for (int j = 0; j < t.width(l); j++) {
        unitLine(j);
        md.append("z = ");
        for (int i = 0; i < t.fanIn(l); i++) {
          md.append(i == 0 ? f(t.weight(l, j, i)) : p(t.weight(l, j, i))).append('·')
              .append(p(t.input(l, i))).append(" + ");
        }
        md.append(p(t.bias(l, j))).append(" = ").append(f(t.z(l, j)));
        if (l < last) {
          md.append("; a = f(").append(f(t.z(l, j))).append(") = ").append(f(t.a(l, j)))
              .append("; f′(").append(f(t.z(l, j))).append(") = ")
              .append(f(t.derivative(l, j)));
        }
        md.append('\n');
      }
      if (l == last) {
        item(switch (t.task()) {
          case BINARY -> "ŷ = σ(z) = 1 / (1 + e^(−z)) = σ(" + f(t.z(l, 0)) + ") = "
              + f(t.a(l, 0));
          case MULTICLASS -> "ŷ_c = e^(z_c) / Σ_k e^(z_k): ŷ = softmax" + vector(zs(l)) + " = "
              + vector(t.output());
          case REGRESSION -> "ŷ = z = " + vector(t.output());
        });
        item(lossFormula());
      }
      md.append('\n');
    }

    private double[] zs(int l) {
      double[] z = new double[t.width(l)];
      for (int j = 0; j < z.length; j++) {
        z[j] = t.z(l, j);
      }
      return z;
    }

    private void backward(int l) {
      int last = t.outputLayer();
      md.append("### ").append(layerTitle(l)).append("\n\n");
      if (l == last) {
        outputErrors(l);
        return;
      }
      md.append("| ").append(w("unit")).append(" | Σ_k w_kj δ_k | f′(z) | δ = f′(z) · Σ |\n");
      md.append("|---:|---:|---:|---:|\n");
      for (int j = 0; j < t.width(l); j++) {
        md.append("| ").append(j + 1).append(" | ").append(t(t.backSum(l, j))).append(" | ")
            .append(t(t.derivative(l, j))).append(" | ").append(t(t.delta(l, j)))
            .append(" |\n");
      }
      md.append('\n');
      if (!backwardFormulas(t, l)) {
        smallOnly();
        return;
      }
      for (int j = 0; j < t.width(l); j++) {
        unitLine(j);
        md.append("δ = ").append(f(t.derivative(l, j))).append(" · (");
        for (int k = 0; k < t.width(l + 1); k++) {
          md.append(k == 0 ? f(t.weight(l + 1, k, j)) : p(t.weight(l + 1, k, j))).append('·')
              .append(p(t.delta(l + 1, k))).append(k + 1 < t.width(l + 1) ? " + " : "");
        }
        md.append(") = ").append(f(t.derivative(l, j))).append(" · ")
            .append(p(t.backSum(l, j))).append(" = ").append(f(t.delta(l, j))).append('\n');
      }
      md.append('\n');
    }

    /** The output layer's δ from the loss: ŷ − t, or 2(ŷ − y)/K for squared error. */
    private void outputErrors(int l) {
      boolean mse = t.task() == Task.REGRESSION;
      int k = t.width(l);
      md.append("| ").append(w("unit")).append(mse ? " | ŷ = z | " + w("target.y")
          + " | δ = 2(ŷ − y)/K |\n" : " | ŷ | " + w("target.t") + " | δ = ŷ − t |\n");
      md.append("|---:|---:|---:|---:|\n");
      for (int j = 0; j < k; j++) {
        md.append("| ").append(j + 1).append(" | ").append(t(t.a(l, j))).append(" | ")
            .append(t(t.outputTarget(l, j))).append(" | ").append(t(t.delta(l, j)))
            .append(" |\n");
      }
      md.append('\n');
      if (t.task() == Task.MULTICLASS) {
        md.append(w("target.onehot")).append("\n\n");
      }
      if (!backwardFormulas(t, l)) {
        smallOnly();
        return;
      }
      for (int j = 0; j < k; j++) {
        unitLine(j);
        md.append("δ = ");
        if (mse) {
          md.append("2·(").append(f(t.a(l, j))).append(" − ").append(p(t.outputTarget(l, j)))
              .append(k == 1 ? ")" : ")/" + k);
        } else {
          md.append(f(t.a(l, j))).append(" − ").append(p(t.outputTarget(l, j)));
        }
        md.append(" = ").append(f(t.delta(l, j))).append('\n');
      }
      md.append('\n');
    }

    private void gradients(int l) {
      int n = t.fanIn(l);
      md.append("### ").append(w("gradients.heading", layerTitle(l))).append("\n\n");
      md.append("| ").append(w("unit")).append(" | b_j |");
      for (int i = 0; i < n; i++) {
        md.append(" w_j").append(i + 1).append(" |");
      }
      md.append("\n|---:|---:|").append("---:|".repeat(n)).append('\n');
      for (int j = 0; j < t.width(l); j++) {
        md.append("| ").append(j + 1).append(" | ").append(t(t.bias(l, j))).append(" |");
        for (int i = 0; i < n; i++) {
          md.append(' ').append(t(t.weight(l, j, i))).append(" |");
        }
        md.append('\n');
      }
      md.append('\n').append(w("gradients.table", f(t.learningRate()))).append("\n\n");
      md.append("| ").append(w("unit")).append(" | ∂ℓ/∂b_j = δ_j |");
      for (int i = 0; i < n; i++) {
        md.append(" ∂ℓ/∂w_j").append(i + 1).append(" |");
      }
      md.append("\n|---:|---:|").append("---:|".repeat(n)).append('\n');
      for (int j = 0; j < t.width(l); j++) {
        md.append("| ").append(j + 1).append(" | ").append(t(t.biasGradient(l, j)))
            .append(" |");
        for (int i = 0; i < n; i++) {
          md.append(' ').append(t(t.weightGradient(l, j, i))).append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
      if (!forwardFormulas(t, l)) {
        smallOnly();
        return;
      }
      double[] in = new double[n];
      for (int i = 0; i < n; i++) {
        in[i] = t.input(l, i);
      }
      String lr = f(t.learningRate());
      for (int j = 0; j < t.width(l); j++) {
        double[] g = new double[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          g[i] = t.weightGradient(l, j, i);
          d[i] = t.weightUpdate(l, j, i);
        }
        unitLine(j);
        md.append("∂ℓ/∂w = δ · a = ").append(p(t.delta(l, j))).append(" · ").append(vector(in))
            .append(" = ").append(vector(g)).append("; Δw = −").append(lr)
            .append(" · ∂ℓ/∂w = ").append(vector(d)).append("; Δb = −").append(lr)
            .append(" · ").append(p(t.delta(l, j))).append(" = ").append(f(t.biasUpdate(l, j)))
            .append('\n');
      }
      md.append('\n');
    }

    /** The loss with this sample's numbers, in its textbook form. */
    private String lossFormula() {
      double[] y = t.target();
      double[] out = t.output();
      return switch (t.task()) {
        case BINARY -> y[0] == 1
            ? "ℓ = −ln ŷ = −ln " + f(out[0]) + " = " + f(t.loss())
            : "ℓ = −ln(1 − ŷ) = −ln(1 − " + f(out[0]) + ") = " + f(t.loss());
        case MULTICLASS -> {
          String which = w("loss.class", (int) y[0], (int) y[0] + 1);
          yield "ℓ = −ln ŷ_y = −ln " + f(out[(int) y[0]]) + " = " + f(t.loss())
              + (which.startsWith("（") ? "" : " ") + which;
        }
        case REGRESSION -> {
          StringBuilder sb = new StringBuilder("ℓ = ");
          int k = out.length;
          sb.append(k == 1 ? "(ŷ − y)² = " : "(1/" + k + ") Σ (ŷ_c − y_c)² = (1/" + k + ")·(");
          for (int c = 0; c < k; c++) {
            sb.append(c == 0 ? "" : " + ").append('(').append(f(out[c])).append(" − ")
                .append(p(y[c])).append(")²");
          }
          sb.append(k == 1 ? "" : ")").append(" = ").append(f(t.loss()));
          yield sb.toString();
        }
      };
    }
  }

  private static String tableVector(double[] v) {
    if (v.length == 1) {
      return t(v[0]);
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(t(v[i]));
    }
    return sb.append(')').toString();
  }

  /** The scenario's fields as {@code --set} would give them (all but the step count). */
  private static String settings(Scenario s) {
    List<String> parts = new ArrayList<>();
    parts.add("dataset=" + s.dataset().id()
        + (s.points() != null ? " (" + s.points() + ")" : ""));
    parts.add("samples=" + s.samples());
    parts.add("noise=" + s.noise());
    parts.add("testFraction=" + s.testFraction());
    if (!s.features().isDefault()) {
      parts.add("features=" + s.features().spec());
    }
    parts.add("hidden=" + String.join(",", s.hidden().stream().map(String::valueOf).toList()));
    if (s.activations().isEmpty()) {
      parts.add("activation=" + s.activation());
    } else {
      parts.add("activations=" + String.join(";", s.activations()));
    }
    parts.add("init=" + s.init().spec());
    parts.add("biasInit=" + s.biasInit().spec());
    parts.add("optimizer=" + s.optimizer().id());
    parts.add("learningRate=" + s.learningRate());
    if (s.optimizer() != OptimizerSpec.Kind.SGD) {
      parts.add("momentum=" + s.momentum());
    }
    parts.add("batchSize=" + s.batchSize());
    parts.add("l2=" + s.l2());
    parts.add("clip=" + s.clip());
    parts.add("seed=" + s.seed());
    return String.join(" ", parts);
  }
}
