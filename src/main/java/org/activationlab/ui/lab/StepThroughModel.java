package org.activationlab.ui.lab;

import java.util.ArrayList;
import java.util.List;
import org.activationlab.export.SampleTraceWriter;
import org.activationlab.nn.SampleTrace;
import org.activationlab.nn.Task;
import org.activationlab.training.SampleTraces;
import org.activationlab.training.TrainingSnapshot;

/**
 * The step-through view's content, plain Java (no JavaFX): one sample's {@link SampleTrace}
 * through the network of one step, cut into stages — the forward pass layer by layer, the loss,
 * the backward pass from the output layer down, then the update of each layer — and, for a
 * stage and a unit, the formulas with the trace's own numbers substituted (LaTeX for {@link
 * org.activationlab.render.FormulaPicture}). Every number shown is a number of the trace, rounded
 * for reading by {@link SampleTraceWriter#num} to {@link #DIGITS} significant digits, as {@code
 * explain}'s Markdown writes them.
 *
 * <p>Layers and units are numbered from 1 in the formulas (layer 1 is the first hidden layer, the
 * input x is a<sup>[0]</sup>), as in {@code explain}; the indices of this class's methods are
 * 0-based, as in {@link SampleTrace}.
 */
public final class StepThroughModel {

  /** Significant digits of the numbers in the formulas. */
  public static final int DIGITS = SampleTraceWriter.FORMULA_DIGITS;
  /** A sum of more products than this shows the first {@link #LEAD_TERMS}, "…" and the total. */
  public static final int MAX_TERMS = 6;
  /** Products written out at the start of a shortened sum. */
  public static final int LEAD_TERMS = 3;
  /** Layers of at most this many units show every unit at once; wider ones one chosen unit. */
  public static final int ALL_UNITS = 4;

  /** What a stage computes. */
  public enum Kind {
    /** z, a = f(z) and f′(z) of a layer (the output layer: z and ŷ). */
    FORWARD,
    /** The loss of the sample. */
    LOSS,
    /** δ of a layer. */
    BACKWARD,
    /** The gradient and the SGD update of a layer's weights. */
    UPDATE
  }

  /**
   * One stage: what it computes and for which layer (0-based; the loss: the output layer).
   */
  public record Stage(Kind kind, int layer) {}

  /**
   * A sum as the formula substitutes it: {@code constant + Σ_i factors[i] · values[i]}, added in
   * that order (the constant first, as {@link SampleTrace} does), and the trace's total.
   *
   * @param factors the weights
   * @param values what they multiply (inputs a_prev, or δ of the layer above)
   * @param constant the bias, or 0 for a sum without one
   * @param total the trace's value of the sum (z or the back-sum)
   */
  public record Sum(double[] factors, double[] values, double constant, double total) {
    public int terms() {
      return factors.length;
    }

    /** Whether the formula leaves terms out ("…"): more than {@link #MAX_TERMS} products. */
    public boolean shortened() {
      return terms() > MAX_TERMS;
    }

    /** The sum recomputed from the numbers shown, in the trace's order. */
    public double recomputed() {
      double s = constant;
      for (int i = 0; i < factors.length; i++) {
        s += factors[i] * values[i];
      }
      return s;
    }
  }

  private final SampleTrace trace;
  private final long step;
  private final SampleTraces.Split split;
  private final int sample;
  private final List<Stage> stages;
  private int index;

  /**
   * @param trace the sample's forward and backward pass
   * @param step the training step whose weights the trace read
   * @param split where the sample is from
   * @param sample its 0-based index there
   */
  public StepThroughModel(SampleTrace trace, long step, SampleTraces.Split split, int sample) {
    this.trace = trace;
    this.step = step;
    this.split = split;
    this.sample = sample;
    List<Stage> list = new ArrayList<>();
    int last = trace.outputLayer();
    for (int l = 0; l <= last; l++) {
      list.add(new Stage(Kind.FORWARD, l));
    }
    list.add(new Stage(Kind.LOSS, last));
    for (int l = last; l >= 0; l--) {
      list.add(new Stage(Kind.BACKWARD, l));
    }
    for (int l = 0; l <= last; l++) {
      list.add(new Stage(Kind.UPDATE, l));
    }
    stages = List.copyOf(list);
  }

  /** Sample {@code index} of {@code split} through the network of snapshot {@code s}. */
  public static StepThroughModel of(TrainingSnapshot s, SampleTraces.Split split, int index) {
    return new StepThroughModel(SampleTraces.of(s, split, index), s.step(), split, index);
  }

  public SampleTrace trace() {
    return trace;
  }

  /** The step whose weights are used. */
  public long step() {
    return step;
  }

  public SampleTraces.Split split() {
    return split;
  }

  public int sample() {
    return sample;
  }

  // ------------------------------------------------------------------------------- stages

  /** All stages in order: forward, loss, backward, update. */
  public List<Stage> stages() {
    return stages;
  }

  /** The position of the current stage, 0-based. */
  public int index() {
    return index;
  }

  public Stage stage() {
    return stages.get(index);
  }

  /** Goes to the next stage; at the last one stays. @return whether it moved */
  public boolean next() {
    return go(index + 1);
  }

  /** Goes to the previous stage; at the first one stays. @return whether it moved */
  public boolean previous() {
    return go(index - 1);
  }

  /** Goes to stage {@code i}, clamped to the stages. @return whether it moved */
  public boolean go(int i) {
    int to = Math.max(0, Math.min(stages.size() - 1, i));
    boolean moved = to != index;
    index = to;
    return moved;
  }

  /** Whether a stage shows every unit of its layer at once (else one chosen unit). */
  public boolean showsAllUnits(Stage s) {
    return s.kind() != Kind.UPDATE && s.kind() != Kind.LOSS
        && trace.width(s.layer()) <= ALL_UNITS;
  }

  // ------------------------------------------------------------------------------ numbers

  /** z_j of layer l as summed: the bias, then w_ji · a_prev,i for i = 0, 1, …. */
  public Sum zSum(int l, int j) {
    int n = trace.fanIn(l);
    double[] w = new double[n];
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = trace.weight(l, j, i);
      a[i] = trace.input(l, i);
    }
    return new Sum(w, a, trace.bias(l, j), trace.z(l, j));
  }

  /**
   * The error reaching unit j of hidden layer l: Σ_k w_kj δ_k over the units k of layer l + 1.
   *
   * @throws IllegalArgumentException for the output layer, which has none
   */
  public Sum backSum(int l, int j) {
    if (l >= trace.outputLayer()) {
      throw new IllegalArgumentException("the output layer's δ comes from the loss");
    }
    int above = l + 1;
    int n = trace.width(above);
    double[] w = new double[n];
    double[] d = new double[n];
    for (int k = 0; k < n; k++) {
      w[k] = trace.weight(above, k, j);
      d[k] = trace.delta(above, k);
    }
    return new Sum(w, d, 0, trace.backSum(l, j));
  }

  // ----------------------------------------------------------------------------- formulas

  /** A number of a formula, in LaTeX: 4 significant digits, {@code 1.2\times10^{-5}} when tiny. */
  public static String num(double v) {
    String s = SampleTraceWriter.num(v, DIGITS).replace('\u2212', '-');
    int e = s.indexOf('e');
    if (e >= 0) {
      s = s.substring(0, e) + "\\times 10^{" + s.substring(e + 1) + "}";
    }
    return s.replace("∞", "\\infty");
  }

  /** A factor or later term: negative numbers in parentheses. */
  static String factor(double v) {
    String s = num(v);
    return v < 0 || s.contains("\\times") ? "(" + s + ")" : s;
  }

  private static String layerSup(int l) {
    return "^{[" + (l + 1) + "]}";
  }

  /** The symbol of input i of layer l: x_i for the first layer, else a^{[l]}_i. */
  private String inputSymbol(int l, int i) {
    return (l == 0 ? "x" : "a" + layerSup(l - 1)) + "_{" + (i + 1) + "}";
  }

  private String inputSymbol(int l) {
    return l == 0 ? "x_i" : "a" + layerSup(l - 1) + "_i";
  }

  /** The function's name in a formula, e.g. {@code \mathrm{leaky\_relu}}. */
  public String functionName(int l) {
    return "\\mathrm{" + trace.activation(l).function().id().replace("_", "\\_") + "}";
  }

  /** The sum's products written out, with "…" in the middle when there are too many. */
  private static String products(Sum s) {
    StringBuilder sb = new StringBuilder();
    int n = s.terms();
    int shown = s.shortened() ? LEAD_TERMS : n;
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? num(s.factors()[i]) : " + " + factor(s.factors()[i])).append("\\cdot ")
          .append(factor(s.values()[i]));
    }
    if (s.shortened()) {
      sb.append(" + \\cdots");
    }
    return sb.toString();
  }

  /**
   * The formulas of a stage in symbols (no numbers): what every unit of it computes. The loss
   * and the update name their quantities; the output layer's transform depends on the task.
   */
  public List<String> general(Stage s) {
    int l = s.layer();
    String L = layerSup(l);
    boolean output = l == trace.outputLayer();
    List<String> lines = new ArrayList<>();
    switch (s.kind()) {
      case FORWARD -> {
        lines.add("z" + L + "_j = \\sum_i w" + L + "_{ji}\\, " + inputSymbol(l) + " + b" + L
            + "_j");
        if (!output) {
          lines.add("a" + L + "_j = f(z" + L + "_j),\\quad f = " + functionName(l));
        } else {
          lines.add(switch (trace.task()) {
            case BINARY -> "\\hat y = \\sigma(z) = \\frac{1}{1 + e^{-z}}";
            case MULTICLASS -> "\\hat y_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}";
            case REGRESSION -> "\\hat y_j = z_j";
          });
        }
      }
      case LOSS -> lines.add(switch (trace.task()) {
        case BINARY -> "\\ell = -\\left[\\, y \\ln \\hat y + (1 - y) \\ln (1 - \\hat y)\\,\\right]";
        case MULTICLASS -> "\\ell = -\\ln \\hat y_{c}";
        case REGRESSION -> "\\ell = \\frac{1}{K} \\sum_{j=1}^{K} (\\hat y_j - y_j)^2";
      });
      case BACKWARD -> {
        if (output) {
          lines.add(trace.task() == Task.REGRESSION
              ? "\\delta" + L + "_j = \\frac{\\partial \\ell}{\\partial z_j} = \\frac{2}{K}(\\hat y_j - y_j)"
              : "\\delta" + L + "_j = \\frac{\\partial \\ell}{\\partial z_j} = \\hat y_j - t_j");
        } else {
          String A = layerSup(l + 1);
          lines.add("\\delta" + L + "_j = f'(z" + L + "_j) \\cdot \\sum_k w" + A + "_{kj}\\, \\delta"
              + A + "_k");
        }
      }
      case UPDATE -> {
        lines.add("\\Delta w" + L + "_{ji} = -\\eta\\, \\frac{\\partial \\ell}{\\partial w" + L
            + "_{ji}} = -\\eta\\, \\delta" + L + "_j\\, " + inputSymbol(l));
        lines.add("\\Delta b" + L + "_j = -\\eta\\, \\delta" + L + "_j,\\quad \\eta = "
            + num(trace.learningRate()));
      }
      default -> throw new AssertionError();
    }
    return lines;
  }

  /**
   * The formulas of a stage for unit {@code j} with the numbers substituted.
   *
   * @param j the unit (0-based); ignored by the loss stage, which is one for the sample
   * @param input for an update stage, the weight's input i (0-based), or −1 for the bias;
   *     ignored by the other stages
   */
  public List<String> unitFormulas(Stage s, int j, int input) {
    int l = s.layer();
    String L = layerSup(l);
    String J = "_{" + (j + 1) + "}";
    boolean output = l == trace.outputLayer();
    List<String> lines = new ArrayList<>();
    switch (s.kind()) {
      case FORWARD -> {
        Sum z = zSum(l, j);
        lines.add("z" + L + J + " = " + products(z) + " + " + factor(z.constant()) + " = "
            + num(z.total()));
        if (!output) {
          String zj = num(trace.z(l, j));
          lines.add("a" + L + J + " = " + functionName(l) + "(" + zj + ") = "
              + num(trace.a(l, j)) + ",\\quad f'(" + zj + ") = "
              + num(trace.derivative(l, j)));
        } else {
          lines.add(switch (trace.task()) {
            case BINARY -> "\\hat y = \\sigma(" + num(trace.z(l, 0)) + ") = "
                + num(trace.a(l, 0));
            case MULTICLASS -> "\\hat y" + J + " = \\frac{e^{" + num(trace.z(l, j))
                + "}}{\\sum_k e^{z_k}} = " + num(trace.a(l, j));
            case REGRESSION -> "\\hat y" + J + " = z" + J + " = " + num(trace.a(l, j));
          });
        }
      }
      case LOSS -> lines.addAll(lossFormulas());
      case BACKWARD -> {
        if (output) {
          double yhat = trace.a(l, j);
          double t = trace.outputTarget(l, j);
          if (trace.task() == Task.REGRESSION) {
            lines.add("\\delta" + L + J + " = \\frac{2}{" + trace.width(l) + "}\\cdot("
                + num(yhat) + " - " + factor(t) + ") = " + num(trace.delta(l, j)));
          } else {
            lines.add("\\delta" + L + J + " = \\hat y" + J + " - t" + J + " = " + num(yhat)
                + " - " + factor(t) + " = " + num(trace.delta(l, j)));
          }
        } else {
          Sum b = backSum(l, j);
          String fp = factor(trace.derivative(l, j));
          lines.add("\\delta" + L + J + " = " + fp + "\\cdot\\left(" + products(b) + "\\right)");
          lines.add("\\phantom{\\delta" + L + J + "} = " + fp + "\\cdot " + factor(b.total())
              + " = " + num(trace.delta(l, j)));
        }
      }
      case UPDATE -> {
        String eta = num(trace.learningRate());
        String d = factor(trace.delta(l, j));
        if (input < 0) {
          lines.add("\\frac{\\partial \\ell}{\\partial b" + L + J + "} = \\delta" + L + J
              + " = " + num(trace.biasGradient(l, j)));
          lines.add("\\Delta b" + L + J + " = -" + eta + "\\cdot " + d + " = "
              + num(trace.biasUpdate(l, j)));
          lines.add("b" + L + J + " \\leftarrow " + num(trace.bias(l, j)) + " + "
              + factor(trace.biasUpdate(l, j)) + " = "
              + num(trace.bias(l, j) + trace.biasUpdate(l, j)));
        } else {
          String JI = "_{" + (j + 1) + (input + 1) + "}";
          if (trace.fanIn(l) > 9 || trace.width(l) > 9) {
            JI = "_{" + (j + 1) + "," + (input + 1) + "}";
          }
          String a = factor(trace.input(l, input));
          lines.add("\\frac{\\partial \\ell}{\\partial w" + L + JI + "} = \\delta" + L + J
              + "\\, " + inputSymbol(l, input) + " = " + d + "\\cdot " + a + " = "
              + num(trace.weightGradient(l, j, input)));
          lines.add("\\Delta w" + L + JI + " = -" + eta + "\\cdot " + d + "\\cdot " + a + " = "
              + num(trace.weightUpdate(l, j, input)));
          lines.add("w" + L + JI + " \\leftarrow " + num(trace.weight(l, j, input)) + " + "
              + factor(trace.weightUpdate(l, j, input)) + " = "
              + num(trace.weight(l, j, input) + trace.weightUpdate(l, j, input)));
        }
      }
      default -> throw new AssertionError();
    }
    return lines;
  }

  private List<String> lossFormulas() {
    int last = trace.outputLayer();
    List<String> lines = new ArrayList<>();
    String loss = num(trace.loss());
    switch (trace.task()) {
      case BINARY -> {
        double yhat = trace.a(last, 0);
        lines.add(trace.target()[0] == 1
            ? "y = 1:\\quad \\ell = -\\ln \\hat y = -\\ln " + factor(yhat) + " = " + loss
            : "y = 0:\\quad \\ell = -\\ln (1 - \\hat y) = -\\ln (1 - " + num(yhat) + ") = "
                + loss);
      }
      case MULTICLASS -> {
        int c = (int) trace.target()[0];
        lines.add("c = " + (c + 1) + ":\\quad \\ell = -\\ln \\hat y_{" + (c + 1) + "} = -\\ln "
            + factor(trace.a(last, c)) + " = " + loss);
      }
      case REGRESSION -> {
        int k = trace.width(last);
        StringBuilder sb = new StringBuilder("\\ell = ");
        if (k > 1) {
          sb.append("\\frac{1}{").append(k).append("}\\left(");
        }
        int shown = Math.min(k, MAX_TERMS);
        for (int c = 0; c < shown; c++) {
          sb.append(c == 0 ? "" : " + ").append("(").append(num(trace.a(last, c))).append(" - ")
              .append(factor(trace.target()[c])).append(")^2");
        }
        if (k > shown) {
          sb.append(" + \\cdots");
        }
        if (k > 1) {
          sb.append("\\right)");
        }
        lines.add(sb.append(" = ").append(loss).toString());
      }
      default -> throw new AssertionError();
    }
    return lines;
  }

  /**
   * How many products a stage's sum for unit j has (fan-in forward, width of the layer above
   * backward), or 0 when it has no sum: a shortened formula says how many it left out.
   */
  public int terms(Stage s) {
    return switch (s.kind()) {
      case FORWARD -> trace.fanIn(s.layer());
      case BACKWARD -> s.layer() == trace.outputLayer() ? 0 : trace.width(s.layer() + 1);
      default -> 0;
    };
  }

  // ----------------------------------------------------------------------- reads, writes

  /**
   * What a stage reads and writes on the network diagram, for unit j (−1: every unit of the
   * layer) and, in an update, input i (−1: the bias). Columns: 0 the input x, l + 1 layer l,
   * {@code layerCount() + 1} the loss.
   *
   * @param reads the units read, as {column, unit}
   * @param writes the units written, as {column, unit}
   * @param weight the weight written by an update, as {column of its input, input, unit}, or
   *     null
   */
  public record Highlight(List<int[]> reads, List<int[]> writes, int[] weight) {}

  public Highlight highlight(Stage s, int j, int input) {
    int l = s.layer();
    int col = l + 1;
    List<int[]> reads = new ArrayList<>();
    List<int[]> writes = new ArrayList<>();
    int[] weight = null;
    List<Integer> units = new ArrayList<>();
    if (j < 0) {
      for (int k = 0; k < trace.width(l); k++) {
        units.add(k);
      }
    } else {
      units.add(j);
    }
    switch (s.kind()) {
      case FORWARD -> {
        for (int i = 0; i < trace.fanIn(l); i++) {
          reads.add(new int[] {col - 1, i});
        }
        units.forEach(u -> writes.add(new int[] {col, u}));
      }
      case LOSS -> {
        for (int k = 0; k < trace.width(l); k++) {
          reads.add(new int[] {col, k});
        }
        writes.add(new int[] {col + 1, 0});
      }
      case BACKWARD -> {
        if (l == trace.outputLayer()) {
          reads.add(new int[] {col + 1, 0});
        } else {
          for (int k = 0; k < trace.width(l + 1); k++) {
            reads.add(new int[] {col + 1, k});
          }
        }
        units.forEach(u -> writes.add(new int[] {col, u}));
      }
      case UPDATE -> {
        int u = units.get(0);
        reads.add(new int[] {col, u}); // its δ
        if (input >= 0) {
          reads.add(new int[] {col - 1, input});
          weight = new int[] {col - 1, input, u}; // writes the weight
        } else {
          writes.add(new int[] {col, u}); // writes its bias
        }
      }
      default -> throw new AssertionError();
    }
    return new Highlight(reads, writes, weight);
  }
}
