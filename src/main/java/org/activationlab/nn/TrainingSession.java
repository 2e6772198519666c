package org.activationlab.nn;

import java.util.Arrays;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Flatness;

/**
 * Everything one training run needs, driven one mini-batch at a time by {@link #step()}: the
 * network, its optimiser, the data, the shuffled sample order, the step and epoch counters and
 * the preallocated buffers. Not thread-safe: a single trainer thread owns a session; readouts copy
 * into caller-provided holders ({@link #copyStepStatistics}, {@link #probe}, {@link #evaluate},
 * {@link #outputGrid}) so a snapshot never shares live arrays.
 *
 * <p>Mini-batches: each epoch visits the training samples in a fresh random order (seeded);
 * batches are consecutive slices of that order, the last one of an epoch may be smaller. A step
 * allocates nothing.
 *
 * <p>Determinism: the network is initialised from {@code seed} and the order drawn from a stream
 * derived from it, so the same spec, data, seed and sequence of calls give bit-identical results.
 */
public final class TrainingSession {
  /** Samples per chunk of on-demand evaluations (probe, test loss, output grid). */
  private static final int EVAL_CHUNK = 256;

  private final Mlp net;
  private final DataSplit data;
  private final long seed;
  private Optimizer optimizer;
  private int batchSize;
  private Mlp.Workspace ws;
  private double[] targets;
  private Mlp.Workspace evalWs;
  private double[] evalTargets;
  private final int[] order;
  private Rng shuffleRng;
  private int cursor;
  private long steps;
  private long epoch;
  private double lastLoss = Double.NaN;
  private boolean statisticsEnabled = true;
  private final StepStatistics stats;
  /** The boundary grid's points through the input features (non-default features only). */
  private double[] gridFeatures;

  /**
   * A session training a network of {@code spec} (initialised from {@code seed}) on {@code data}.
   *
   * @throws IllegalArgumentException if the spec does not fit the data or the batch size is not
   *     in 1..training size
   */
  public TrainingSession(NetworkSpec spec, DataSplit data, OptimizerSpec optimizer, int batchSize,
      long seed) {
    DatasetSpec ds = data.spec();
    String kind = ds.kind().id();
    if (spec.inputSize() != data.networkInputSize()) {
      throw new IllegalArgumentException(kind + " has " + data.networkInputSize()
          + " input(s), the network " + spec.inputSize());
    }
    if (spec.task() != ds.task() || spec.outputSize() != ds.outputSize()) {
      throw new IllegalArgumentException(kind + " needs task " + ds.task().id() + " with "
          + ds.outputSize() + " output(s)");
    }
    if (data.train().size() < 1) {
      throw new IllegalArgumentException("no training samples");
    }
    this.net = Mlp.create(spec, seed);
    this.data = data;
    this.seed = seed;
    this.optimizer = new Optimizer(optimizer, net.parameterCount());
    this.order = new int[data.train().size()];
    this.stats = StepStatistics.of(net);
    setBatchSize(batchSize);
    restartOrder();
  }

  private void restartOrder() {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    shuffleRng = Rng.stream(seed, 2);
    shuffleRng.shuffle(order, order.length);
    cursor = 0;
  }

  /**
   * One mini-batch: forward, loss, backward, optimiser update. Fills the step statistics when
   * they are enabled.
   *
   * @return the batch's mean loss (before the update); NaN/∞ when training diverged
   */
  public double step() {
    Dataset train = data.train();
    int n = order.length;
    if (cursor >= n) {
      cursor = 0;
      epoch++;
      shuffleRng.shuffle(order, n);
    }
    int m = Math.min(batchSize, n - cursor);
    int in = net.inputSize();
    int tw = net.targetWidth();
    double[] input = ws.input;
    double[] x = train.rawNetworkInputs();
    double[] y = train.rawTargets();
    double[] t = targets;
    for (int b = 0; b < m; b++) {
      int i = order[cursor + b];
      for (int k = 0; k < in; k++) {
        input[k * m + b] = x[i * in + k];
      }
      for (int k = 0; k < tw; k++) {
        t[b * tw + k] = y[i * tw + k];
      }
    }
    cursor += m;
    StepStatistics s = statisticsEnabled ? stats : null;
    double loss = net.gradient(ws, targets, m, s);
    optimizer.step(net, ws.gradients, s);
    steps++;
    if (s != null) {
      s.step = steps;
      s.loss = loss;
      s.accuracy = net.task().isClassification()
          ? (double) net.correct(ws, targets, m) / m : Double.NaN;
    }
    lastLoss = loss;
    return loss;
  }

  /** Runs {@code count} steps; stops early when the loss stops being finite. */
  public double steps(int count) {
    double loss = lastLoss;
    for (int i = 0; i < count; i++) {
      loss = step();
      if (!Double.isFinite(loss)) {
        break;
      }
    }
    return loss;
  }

  /**
   * Everything a step reads that a step changes, copied: parameters, optimiser state, the data
   * order and the shuffling generator, the position in the epoch and the counters. Settings
   * (learning rate, activation, batch size …) are not in it: whoever restores applies the same
   * settings first.
   */
  public record Checkpoint(long steps, long epoch, double[] parameters, Optimizer.State optimizer,
      int[] order, Rng.State shuffle, int cursor, double lastLoss) {

    /** Bytes the arrays take, roughly (for memory accounting). */
    public long bytes() {
      long b = 8L * parameters.length + 4L * order.length;
      b += optimizer.s1() == null ? 0 : 8L * optimizer.s1().length;
      b += optimizer.s2() == null ? 0 : 8L * optimizer.s2().length;
      return b + 64;
    }
  }

  /** A copy of the training state after {@link #stepCount()} steps. */
  public Checkpoint checkpoint() {
    return new Checkpoint(steps, epoch, net.parameters().clone(), optimizer.state(),
        order.clone(), shuffleRng.state(), cursor, lastLoss);
  }

  /**
   * Puts the training state of {@code c} back, so the following steps repeat bit for bit what
   * followed it (given the same settings).
   *
   * @throws IllegalArgumentException if it was taken from a session of another shape or
   *     optimiser kind
   */
  public void restore(Checkpoint c) {
    if (c.parameters().length != net.parameterCount() || c.order().length != order.length) {
      throw new IllegalArgumentException("checkpoint of another network or data set");
    }
    if (c.optimizer().kind() != optimizer.spec().kind()) {
      throw new IllegalArgumentException("checkpoint of a " + c.optimizer().kind().id()
          + " run; set that optimiser first");
    }
    net.setParameters(c.parameters());
    optimizer.restore(c.optimizer());
    System.arraycopy(c.order(), 0, order, 0, order.length);
    shuffleRng.restore(c.shuffle());
    cursor = c.cursor();
    steps = c.steps();
    epoch = c.epoch();
    lastLoss = c.lastLoss();
  }

  /** Re-initialises the network from {@code seed}, resets the optimiser, order and counters. */
  public void reset() {
    net.initialize(seed);
    optimizer.reset();
    restartOrder();
    steps = 0;
    epoch = 0;
    lastLoss = Double.NaN;
  }

  // ------------------------------------------------------------------------------ settings

  /** Changes the batch size (buffers grow if needed; not per step). */
  public void setBatchSize(int batchSize) {
    if (batchSize < 1 || batchSize > data.train().size()) {
      throw new IllegalArgumentException("batch size must be in 1.." + data.train().size()
          + " (got " + batchSize + ")");
    }
    this.batchSize = batchSize;
    if (ws == null || ws.capacity() < batchSize) {
      ws = net.newWorkspace(batchSize);
      targets = new double[batchSize * net.targetWidth()];
    }
  }

  public int batchSize() {
    return batchSize;
  }

  /** Changes optimiser hyperparameters; a different kind starts a fresh optimiser state. */
  public void setOptimizer(OptimizerSpec spec) {
    if (spec.kind() == optimizer.spec().kind()) {
      optimizer.update(spec);
    } else {
      optimizer = new Optimizer(spec, net.parameterCount());
    }
  }

  public OptimizerSpec optimizerSpec() {
    return optimizer.spec();
  }

  public void setLearningRate(double lr) {
    setOptimizer(optimizer.spec().withLearningRate(lr));
  }

  /** Changes hidden layer {@code layer}'s activation, keeping the weights. */
  public void setActivation(int layer, Activation f) {
    net.setActivation(layer, f);
  }

  /** Changes every hidden layer's activation, keeping the weights. */
  public void setActivation(Activation f) {
    net.setActivation(f);
  }

  /** Whether {@link #step()} gathers step statistics (on by default). */
  public void setStatisticsEnabled(boolean on) {
    statisticsEnabled = on;
  }

  // ------------------------------------------------------------------------------- readout

  public Mlp network() {
    return net;
  }

  public DataSplit data() {
    return data;
  }

  public long seed() {
    return seed;
  }

  /** Steps taken since creation or reset. */
  public long stepCount() {
    return steps;
  }

  /** Completed passes over the training set. */
  public long epoch() {
    return epoch;
  }

  /** Loss of the last step's batch (NaN before the first step). */
  public double lastLoss() {
    return lastLoss;
  }

  /** Whether the last loss and all parameters are finite. */
  public boolean isFinite() {
    return (steps == 0 || Double.isFinite(lastLoss)) && net.isFinite();
  }

  /**
   * Fills {@link StepStatistics#updateRatio} of {@link #stepStatistics()} with the last step's
   * update-to-weight ratios (one pass over the weights; call it when publishing, not per step).
   */
  public void measureUpdateRatios() {
    optimizer.updateRatios(net, ws.gradients, stats.updateRatio);
  }

  /** The live statistics of the last step (valid when statistics are enabled). Do not keep. */
  public StepStatistics stepStatistics() {
    return stats;
  }

  /** Copies the last step's statistics into {@code dst} (shaped by {@link StepStatistics#of}). */
  public void copyStepStatistics(StepStatistics dst) {
    dst.copyFrom(stats);
  }

  private Mlp.Workspace evalWorkspace() {
    if (evalWs == null) {
      evalWs = net.newWorkspace(EVAL_CHUNK);
      evalTargets = new double[EVAL_CHUNK * net.targetWidth()];
    }
    return evalWs;
  }

  /** Mean loss and accuracy over all of {@code set} into {@code out}. */
  public void evaluate(Dataset set, Evaluation out) {
    evaluate(net, evalWorkspace(), evalTargets, set, out);
  }

  /** Mean loss and accuracy over the test set (over the training set if there is none). */
  public void evaluateTest(Evaluation out) {
    evaluate(data.test().size() > 0 ? data.test() : data.train(), out);
  }

  /** Mean loss and accuracy of {@code net} over {@code set}, using workspace {@code ws}. */
  public static void evaluate(Mlp net, Mlp.Workspace ws, double[] targetBuffer, Dataset set,
      Evaluation out) {
    int n = set.size();
    out.samples = n;
    if (n == 0) {
      out.loss = Double.NaN;
      out.accuracy = Double.NaN;
      return;
    }
    double lossSum = 0;
    long correct = 0;
    Task task = net.task();
    for (int start = 0; start < n; start += ws.capacity()) {
      int m = Math.min(ws.capacity(), n - start);
      net.loadInputs(ws, set.rawNetworkInputs(), start, m);
      set.copyTargets(start, m, targetBuffer);
      net.forward(ws, m);
      lossSum += net.loss(ws, targetBuffer, m, false) * m;
      correct += net.correct(ws, targetBuffer, m);
    }
    out.loss = lossSum / n;
    out.accuracy = task.isClassification() ? (double) correct / n : Double.NaN;
  }

  /**
   * Dead, inactive and saturated units and histograms over the probe set (first ≤ 512 training
   * samples).
   */
  public void probe(ProbeStatistics out) {
    probe(net, evalWorkspace(), data.train(), out);
  }

  /**
   * Fills {@code out} for {@code net} over the first ≤ {@value ProbeStatistics#MAX_PROBE_SAMPLES}
   * samples of {@code set}; see {@link ProbeStatistics} for the definitions.
   */
  public static void probe(Mlp net, Mlp.Workspace ws, Dataset set, ProbeStatistics out) {
    int n = Math.min(set.size(), ProbeStatistics.MAX_PROBE_SAMPLES);
    int layers = net.layerCount();
    out.samples = n;
    int[][] zeroCount = out.zeroCount(net);
    int[][] satCount = out.satCount;
    double[] zSum = out.zSum;
    double[] zSq = out.zSq;
    Arrays.fill(zSum, 0);
    Arrays.fill(zSq, 0);
    double[] threshold = out.threshold;
    for (int l = 0; l < layers; l++) {
      Arrays.fill(out.histogram[l], 0);
      out.below[l] = 0;
      out.above[l] = 0;
      out.flatness[l] = l < layers - 1 ? Flatness.of(net.activation(l)) : Flatness.NEITHER;
      threshold[l] = out.flatness[l].reportsSaturated()
          ? ProbeStatistics.SATURATION_LEVEL * MaxDerivative.of(net.activation(l)) : 0;
    }
    double binScale = ProbeStatistics.BINS
        / (ProbeStatistics.HISTOGRAM_MAX - ProbeStatistics.HISTOGRAM_MIN);
    for (int start = 0; start < n; start += ws.capacity()) {
      int m = Math.min(ws.capacity(), n - start);
      net.loadInputs(ws, set.rawNetworkInputs(), start, m);
      net.forward(ws, m);
      for (int l = 0; l < layers; l++) {
        int w = net.width(l);
        double[] z = ws.z[l];
        int[] hist = out.histogram[l];
        for (int t = 0, e = m * w; t < e; t++) {
          double v = z[t];
          zSum[l] += v;
          zSq[l] += v * v;
          if (v < ProbeStatistics.HISTOGRAM_MIN) {
            out.below[l]++;
          } else if (v > ProbeStatistics.HISTOGRAM_MAX) {
            out.above[l]++;
          } else {
            int bin = (int) ((v - ProbeStatistics.HISTOGRAM_MIN) * binScale);
            hist[Math.min(bin, ProbeStatistics.BINS - 1)]++;
          }
        }
        if (l < layers - 1) {
          double[] fp = ws.fprime[l];
          net.kernel(l).derivatives(z, ws.a[l], fp, m * w);
          int[] zc = zeroCount[l];
          int[] sc = satCount[l];
          double thr = threshold[l];
          for (int j = 0; j < w; j++) {
            for (int b = 0; b < m; b++) {
              double d = fp[j * m + b];
              zc[j] += d == 0.0 ? 1 : 0;
              sc[j] += Math.abs(d) <= thr ? 1 : 0;
            }
          }
        }
      }
    }
    for (int l = 0; l < layers; l++) {
      int w = net.width(l);
      boolean hidden = l < layers - 1;
      boolean saturates = out.flatness[l].reportsSaturated();
      int dead = 0;
      int sat = 0;
      long inactivePairs = 0;
      long saturatedPairs = 0;
      for (int j = 0; j < w; j++) {
        boolean d = hidden && n > 0 && zeroCount[l][j] == n;
        boolean s = saturates && n > 0 && 2 * satCount[l][j] > n;
        out.dead[l][j] = d;
        out.saturated[l][j] = s;
        dead += d ? 1 : 0;
        sat += s ? 1 : 0;
        int off = hidden ? zeroCount[l][j] : 0;
        out.unitInactiveFraction[l][j] = n == 0 ? Double.NaN : (double) off / n;
        inactivePairs += off;
        saturatedPairs += satCount[l][j];
      }
      long count = (long) n * w;
      out.deadFraction[l] = (double) dead / w;
      out.inactiveFraction[l] = count == 0 ? Double.NaN : (double) inactivePairs / count;
      out.saturatedFraction[l] = saturates ? (double) sat / w : Double.NaN;
      out.saturatedPairFraction[l] = saturates && count > 0
          ? (double) saturatedPairs / count : Double.NaN;
      double mean = count == 0 ? Double.NaN : zSum[l] / count;
      out.preActivationMean[l] = mean;
      out.preActivationStd[l] = count == 0 ? Double.NaN
          : Math.sqrt(Math.max(0, zSq[l] / count - mean * mean));
    }
  }

  /**
   * The network's output over the data's bounding box (2-D inputs) or x range (1-D inputs) into
   * {@code grid} (shaped by {@link OutputGrid#of(DataSplit, Mlp, int)}); each grid point goes
   * through the data's input features as the samples do.
   */
  public void outputGrid(OutputGrid grid) {
    if (grid.dimensions != data.spec().inputSize() || grid.channels != net.outputSize()) {
      throw new IllegalArgumentException("grid shaped for another network");
    }
    double x0 = data.min(0);
    double x1 = data.max(0);
    double px = 0.05 * Math.max(x1 - x0, 1e-9);
    if (grid.dimensions == 2) {
      double y0 = data.min(1);
      double y1 = data.max(1);
      double py = 0.05 * Math.max(y1 - y0, 1e-9);
      grid.setBounds(x0 - px, x1 + px, y0 - py, y1 + py);
    } else {
      grid.setBounds(x0 - px, x1 + px, 0, 0);
    }
    InputFeatures f = data.features();
    if (f.isDefault()) {
      net.predict(grid.inputs, grid.points(), grid.values, evalWorkspace());
    } else {
      if (gridFeatures == null || gridFeatures.length != grid.points() * f.size()) {
        gridFeatures = new double[grid.points() * f.size()];
      }
      f.apply(grid.inputs, grid.points(), gridFeatures);
      net.predict(gridFeatures, grid.points(), grid.values, evalWorkspace());
    }
  }
}
