package org.activationlab.runs.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.activationlab.runs.tensorboard.GradientTags.Parameter;
import org.junit.jupiter.api.Test;

/** The tag patterns docs/formats.md lists, and what they are not. */
class GradientTagsTest {

  private static Optional<Parameter> weight(String module) {
    return Optional.of(new Parameter(module, false));
  }

  private static Optional<Parameter> bias(String module) {
    return Optional.of(new Parameter(module, true));
  }

  @Test
  void histogramTagsNameTheModuleAndWhetherItIsTheBias() {
    assertThat(GradientTags.histogram("grad/encoder.0.weight")).isEqualTo(weight("encoder.0"));
    assertThat(GradientTags.histogram("grad/encoder.0.bias")).isEqualTo(bias("encoder.0"));
    assertThat(GradientTags.histogram("gradients/dense/kernel")).isEqualTo(weight("dense"));
    assertThat(GradientTags.histogram("grads/dense/bias")).isEqualTo(bias("dense"));
    assertThat(GradientTags.histogram("net.2.weight/grad")).isEqualTo(weight("net.2"));
    assertThat(GradientTags.histogram("fc1.bias.grad")).isEqualTo(bias("fc1"));
    assertThat(GradientTags.histogram("grad/embedding")).isEqualTo(weight("embedding"));
  }

  @Test
  void otherHistogramsAreNotGradients() {
    assertThat(GradientTags.histogram("weights/net.0.weight")).isEmpty();
    assertThat(GradientTags.histogram("activations/layer1")).isEmpty();
    assertThat(GradientTags.histogram("grad/")).isEmpty();
    assertThat(GradientTags.histogram("grad/.weight")).isEmpty();
  }

  @Test
  void lightningNormTags() {
    assertThat(GradientTags.norm("grad_2.0_norm/net.0.weight")).isEqualTo(weight("net.0"));
    assertThat(GradientTags.norm("grad_2.0_norm/net.0.bias")).isEqualTo(bias("net.0"));
    assertThat(GradientTags.norm("grad_2.0_norm/net.0.weight_step")).isEqualTo(weight("net.0"));
    assertThat(GradientTags.norm("grad_2.0_norm/net.0.weight_epoch")).isEmpty();
    assertThat(GradientTags.norm("grad_2.0_norm_total")).isEmpty();
    assertThat(GradientTags.norm("grad_1.0_norm/net.0.weight")).isEmpty();
  }

  @Test
  void lossTagsInTheirOrderOfPreference() {
    assertThat(GradientTags.lossRank("loss")).isZero();
    assertThat(GradientTags.lossRank("train/loss")).isEqualTo(1);
    assertThat(GradientTags.lossRank("Loss/train")).isEqualTo(3);
    assertThat(GradientTags.lossRank("val_loss")).isEqualTo(-1);
    assertThat(GradientTags.lossRank("Loss")).isEqualTo(-1);
  }
}
