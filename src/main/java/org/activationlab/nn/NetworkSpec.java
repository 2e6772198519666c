package org.activationlab.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.activationlab.activation.Activation;
import org.activationlab.activation.Catalog;

/**
 * The architecture of an MLP: input size, hidden layer widths and activations, task and output
 * size, and how weights and biases start. Immutable.
 *
 * <p>Layers are indexed input side first: hidden layers 0..hidden−1, then the output layer. The
 * output layer has no activation of its own; its transform belongs to the {@link Task}.
 *
 * @param inputSize features per sample (≥ 1)
 * @param hidden widths of the hidden layers, 1–16 layers of 1–64 units
 * @param activations one activation per hidden layer
 * @param task output transform and loss
 * @param outputSize output units: 1 for {@link Task#BINARY}, the class count (≥ 2) for {@link
 *     Task#MULTICLASS}, ≥ 1 for {@link Task#REGRESSION}
 * @param weightInit initialiser of the weights
 * @param biasInit initialiser of the biases
 */
public record NetworkSpec(
    int inputSize,
    List<Integer> hidden,
    List<Activation> activations,
    Task task,
    int outputSize,
    Initializer weightInit,
    Initializer biasInit) {

  public static final int MAX_HIDDEN_LAYERS = 16;
  public static final int MAX_WIDTH = 64;

  public NetworkSpec {
    if (inputSize < 1) {
      throw new IllegalArgumentException("input size must be at least 1 (got " + inputSize + ")");
    }
    hidden = List.copyOf(hidden);
    activations = List.copyOf(activations);
    if (hidden.isEmpty() || hidden.size() > MAX_HIDDEN_LAYERS) {
      throw new IllegalArgumentException(
          "1 to " + MAX_HIDDEN_LAYERS + " hidden layers are allowed (got " + hidden.size() + ")");
    }
    for (int w : hidden) {
      if (w < 1 || w > MAX_WIDTH) {
        throw new IllegalArgumentException(
            "a hidden layer has 1 to " + MAX_WIDTH + " units (got " + w + ")");
      }
    }
    if (activations.size() == 1 && hidden.size() > 1) {
      activations = Collections.nCopies(hidden.size(), activations.get(0));
    }
    if (activations.size() != hidden.size()) {
      throw new IllegalArgumentException("give one activation for all hidden layers or one per "
          + "layer (" + hidden.size() + "), got " + activations.size());
    }
    if (task == null) {
      throw new IllegalArgumentException("task is required");
    }
    switch (task) {
      case BINARY -> {
        if (outputSize != 1) {
          throw new IllegalArgumentException("binary classification has 1 output (got "
              + outputSize + ")");
        }
      }
      case MULTICLASS -> {
        if (outputSize < 2) {
          throw new IllegalArgumentException("multi-class needs at least 2 outputs (got "
              + outputSize + ")");
        }
      }
      case REGRESSION -> {
        if (outputSize < 1) {
          throw new IllegalArgumentException("regression needs at least 1 output");
        }
      }
      default -> throw new AssertionError(task);
    }
    if (weightInit == null || biasInit == null) {
      throw new IllegalArgumentException("weight and bias initialisers are required");
    }
  }

  /**
   * {@code depth} hidden layers of {@code width} units with one activation, Glorot-uniform weights
   * and zero biases.
   */
  public static NetworkSpec uniform(
      int inputSize, int depth, int width, Activation activation, Task task, int outputSize) {
    return new NetworkSpec(inputSize, Collections.nCopies(depth, width), List.of(activation), task,
        outputSize, Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.zeros());
  }

  /** Per-layer widths with one activation, Glorot-uniform weights and zero biases. */
  public static NetworkSpec of(
      int inputSize, List<Integer> hidden, Activation activation, Task task, int outputSize) {
    return new NetworkSpec(inputSize, hidden, List.of(activation), task, outputSize,
        Initializer.of(Initializer.Kind.GLOROT_UNIFORM), Initializer.zeros());
  }

  /** Parses hidden widths such as {@code 16,16,16} or {@code 8x4} (four layers of 8). */
  public static List<Integer> parseHidden(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace('×', 'x');
    try {
      int x = t.indexOf('x');
      if (x > 0) {
        return Collections.nCopies(Integer.parseInt(t.substring(x + 1).trim()),
            Integer.parseInt(t.substring(0, x).trim()));
      }
      List<Integer> out = new ArrayList<>();
      for (String part : t.split(",")) {
        out.add(Integer.parseInt(part.trim()));
      }
      return out;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "hidden layers are widths like 16,16,16 or 8x4 (got '" + text + "')");
    }
  }

  public NetworkSpec withActivation(Activation activation) {
    return new NetworkSpec(inputSize, hidden, List.of(activation), task, outputSize, weightInit,
        biasInit);
  }

  public NetworkSpec withActivation(String activationSpec) {
    return withActivation(Catalog.parse(activationSpec));
  }

  public NetworkSpec withInit(Initializer weights, Initializer biases) {
    return new NetworkSpec(inputSize, hidden, activations, task, outputSize, weights, biases);
  }

  /** Number of layers with weights: hidden layers plus the output layer. */
  public int layerCount() {
    return hidden.size() + 1;
  }

  /** Units of layer {@code l} (the output layer is {@code layerCount() − 1}). */
  public int width(int l) {
    return l < hidden.size() ? hidden.get(l) : outputSize;
  }

  /** Inputs of each unit of layer {@code l}. */
  public int fanIn(int l) {
    return l == 0 ? inputSize : hidden.get(l - 1);
  }

  /** Total number of weights and biases. */
  public int parameterCount() {
    int n = 0;
    for (int l = 0; l < layerCount(); l++) {
      n += width(l) * (fanIn(l) + 1);
    }
    return n;
  }
}
