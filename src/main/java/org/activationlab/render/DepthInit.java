package org.activationlab.render;

/**
 * A weight initialisation as the depth chart models it: layers of equal width (fan-in = fan-out),
 * so each is one weight scale σ_w² = fan-in·Var(w). He: Var(w) = 2/fan-in, σ_w² = 2. Glorot:
 * Var(w) = 2/(fan-in + fan-out), σ_w² = 1 at equal fans. LeCun: Var(w) = 1/fan-in, σ_w² = 1 (the
 * same as Glorot here; they differ only when fan-in and fan-out do). Custom: any σ_w in (0, 10].
 *
 * @param kind which initialisation
 * @param sigmaW σ_w = √(fan-in·Var(w)): the standard deviation of a first layer's pre-activations
 *     for inputs of mean square 1
 */
public record DepthInit(Kind kind, double sigmaW) {

  /** The initialisations offered. */
  public enum Kind {
    HE,
    GLOROT,
    LECUN,
    CUSTOM
  }

  /** The largest custom σ_w. */
  public static final double MAX_SIGMA_W = 10;

  /**
   * The chart's default: Glorot, the Lab's default initialiser (glorot_uniform), so the dashed
   * lines describe a network as the Lab builds it unless told otherwise.
   */
  public static final DepthInit DEFAULT = of(Kind.GLOROT);

  public DepthInit {
    if (!(sigmaW > 0 && sigmaW <= MAX_SIGMA_W)) {
      throw new IllegalArgumentException("σ_w must be in (0, " + MAX_SIGMA_W + "]: " + sigmaW);
    }
  }

  /** A named initialisation (CUSTOM: σ_w = 1 until set). */
  public static DepthInit of(Kind kind) {
    return new DepthInit(kind, kind == Kind.HE ? Math.sqrt(2) : 1);
  }

  /** A custom σ_w. */
  public static DepthInit custom(double sigmaW) {
    return new DepthInit(Kind.CUSTOM, sigmaW);
  }

  /** σ_w² = fan-in·Var(w). */
  public double weightScale() {
    return sigmaW * sigmaW;
  }

  /** E.g. "He, σ_w² = 2" or "σ_w = 1.5", in the theme's language. */
  public String label(Theme theme) {
    return switch (kind) {
      case HE -> theme.text("depth.init.he");
      case GLOROT -> theme.text("depth.init.glorot");
      case LECUN -> theme.text("depth.init.lecun");
      case CUSTOM -> theme.text("depth.init.custom", NiceTicks.significant(sigmaW, 3));
    };
  }
}
