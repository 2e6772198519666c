package org.activationlab.training;

import org.activationlab.nn.Dataset;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.StepStatistics;
import org.activationlab.nn.TrainingSession;

/** Readouts of a session that the session itself does not offer. */
public final class Measurements {

  private Measurements() {}

  /**
   * The gradient statistics of "step 0": forward and backward over the first mini-batch (the
   * first {@code min(batchSize, training size)} training samples in stored order) of the current
   * network, without any update. {@code updateRatio} is 0 (nothing was updated); {@code loss} and
   * {@code accuracy} are those of that batch. The session's weights and state are unchanged.
   */
  public static void initialGradients(TrainingSession session, StepStatistics out) {
    Mlp net = session.network();
    Dataset train = session.data().train();
    int m = Math.min(session.batchSize(), train.size());
    Mlp.Workspace ws = net.newWorkspace(m);
    double[] inputs = new double[m * net.inputSize()];
    train.copyInputs(0, m, inputs);
    double[] targets = new double[m * net.targetWidth()];
    train.copyTargets(0, m, targets);
    net.loadInputs(ws, inputs, 0, m);
    double loss = net.gradient(ws, targets, m, out);
    out.step = 0;
    out.loss = loss;
    out.accuracy = net.task().isClassification() ? (double) net.correct(ws, targets, m) / m
        : Double.NaN;
    java.util.Arrays.fill(out.updateRatio, 0.0);
    double sq = 0;
    for (double g : ws.gradients) {
      sq += g * g;
    }
    out.gradNorm = Math.sqrt(sq);
    out.clipped = false;
  }
}
