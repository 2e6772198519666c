package org.activationlab.render;

import org.activationlab.training.RecordedRun;
import org.activationlab.training.RunAlerts;

/** An alert of a recorded run in words, in the theme's language. */
public final class AlertTexts {

  private AlertTexts() {}

  /** E.g. "layer net.4: update ratio up to 0.031 (above 1e-2: too fast), steps 120–400". */
  public static String describe(RunAlerts.Span s, RecordedRun run, Theme theme) {
    String layer = RunModels.displayName(run.layers().get(s.layer()));
    String worst = s.kind() == RunAlerts.Kind.DEAD ? LabModels.percent(s.worst())
        : NiceTicks.significant(s.worst(), 2);
    return theme.text("alert." + s.kind().name(), layer, worst, Long.toString(s.fromStep()),
        Long.toString(s.toStep()));
  }
}
