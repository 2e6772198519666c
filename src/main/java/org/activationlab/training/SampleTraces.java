package org.activationlab.training;

import java.util.Locale;
import org.activationlab.nn.Dataset;
import org.activationlab.nn.Mlp;
import org.activationlab.nn.SampleTrace;

/**
 * One sample's forward and backward pass ({@link SampleTrace}) through the network of a {@link
 * TrainingSnapshot}: the weights of that step (the current one, or a past one from {@link
 * Run#at}), the activations and learning rate in force then, and a sample of the run's own data.
 * The step-through view and the {@code explain} command both start here.
 */
public final class SampleTraces {

  /** Which part of the data a sample is taken from. */
  public enum Split {
    TRAIN,
    TEST;

    /** Lower-case name: {@code train} or {@code test}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The split named {@code train} or {@code test} (any case).
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static Split parse(String name) {
      for (Split s : values()) {
        if (s.id().equalsIgnoreCase(name.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown split '" + name + "'; valid: train, test");
    }
  }

  private SampleTraces() {}

  /** The samples of {@code split} in the snapshot's data, in stored order. */
  public static Dataset samples(TrainingSnapshot s, Split split) {
    return split == Split.TRAIN ? s.data().train() : s.data().test();
  }

  /**
   * The network of the snapshot as a new {@link Mlp}: the architecture and activations of its
   * scenario (live changes included) with its weights. Nobody else holds it.
   */
  public static Mlp network(TrainingSnapshot s) {
    Mlp net = new Mlp(s.scenario().networkSpec());
    net.setParameters(s.weights().parameters());
    return net;
  }

  /**
   * The trace of sample {@code index} (0-based, in stored order) of {@code split}, with the
   * scenario's learning rate for the update Δ = −lr · ∂ℓ/∂w.
   *
   * @throws IllegalArgumentException for an index outside the split (naming its range) or an
   *     empty split
   */
  public static SampleTrace of(TrainingSnapshot s, Split split, int index) {
    Dataset data = samples(s, split);
    if (data.size() == 0) {
      throw new IllegalArgumentException("the " + split.id() + " set is empty");
    }
    if (index < 0 || index >= data.size()) {
      throw new IllegalArgumentException("sample " + index + " is outside the " + split.id()
          + " set: valid 0.." + (data.size() - 1));
    }
    Mlp net = network(s);
    double[] x = new double[data.networkInputSize()];
    double[] y = new double[data.targetWidth()];
    data.copySample(index, new double[data.inputSize()], 0, y, 0);
    data.copyNetworkInput(index, x, 0);
    return SampleTrace.of(net, x, y, s.scenario().learningRate());
  }
}
