package org.activationlab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Our SplitMix64 against the JDK's: the same numbers, so seeds and golden files keep. */
class RngTest {

  @Property(tries = 200)
  void sameNumbersAsSplittableRandom(@ForAll long seed, @ForAll @IntRange(min = 1) int bound) {
    Rng ours = new Rng(seed);
    SplittableRandom jdk = new SplittableRandom(seed);
    for (int i = 0; i < 200; i++) {
      assertThat(ours.nextDouble()).isEqualTo(jdk.nextDouble());
      assertThat(ours.nextInt(bound)).isEqualTo(jdk.nextInt(bound));
      int small = 1 + (i % 1000);
      assertThat(ours.nextInt(small)).isEqualTo(jdk.nextInt(small));
    }
  }

  @Test
  void aRestoredStateContinuesTheSameSequence() {
    Rng a = Rng.stream(7, 2);
    a.nextGaussian(); // leaves a spare normal in the state
    Rng.State saved = a.state();
    double[] expected = new double[50];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = i % 2 == 0 ? a.nextGaussian() : a.nextInt(97);
    }
    Rng b = new Rng(0);
    b.restore(saved);
    for (int i = 0; i < expected.length; i++) {
      assertThat(i % 2 == 0 ? b.nextGaussian() : b.nextInt(97)).isEqualTo(expected[i]);
    }
  }
}
