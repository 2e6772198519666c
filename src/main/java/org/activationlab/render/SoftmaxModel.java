package org.activationlab.render;

/**
 * What the softmax picture shows.
 *
 * @param logits z₁…z_k (3 ≤ k ≤ 6)
 * @param temperature T &gt; 0
 * @param probabilities softmax(z / T)
 * @param jacobian ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ) / T, k × k
 * @param theme colours and fonts
 */
public record SoftmaxModel(
    double[] logits, double temperature, double[] probabilities, double[][] jacobian, Theme theme) {

  public SoftmaxModel {
    logits = logits.clone();
    probabilities = probabilities.clone();
    double[][] copy = new double[jacobian.length][];
    for (int i = 0; i < jacobian.length; i++) {
      copy[i] = jacobian[i].clone();
    }
    jacobian = copy;
  }
}
