package org.activationlab.export;

import java.util.Arrays;
import java.util.Locale;
import org.activationlab.render.HistoryMetric;

/**
 * How the Lab's pictures are shown, as saved in a scenario file.
 *
 * @param historyMetric what the gradient history plots
 * @param logLossAxis whether the loss chart's y axis is logarithmic
 * @param theme light or dark
 * @param presentation presentation mode (larger fonts and lines, high contrast)
 * @param tab the view in front when the file is opened (a Lab lesson opens on the Lab)
 */
public record ViewState(HistoryMetric historyMetric, boolean logLossAxis, ThemeName theme,
    boolean presentation, Tab tab) {

  public ViewState {
    if (historyMetric == null) {
      throw new IllegalArgumentException("view.historyMetric is required");
    }
    if (theme == null) {
      throw new IllegalArgumentException("view.theme is required");
    }
    if (tab == null) {
      throw new IllegalArgumentException("view.tab is required");
    }
  }

  /** The two views of the window. */
  public enum Tab {
    EXPLORER("explorer"), LAB("lab");

    private final String id;

    Tab(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Tab parse(String id) {
      return Arrays.stream(values()).filter(t -> t.id.equals(id.trim().toLowerCase(Locale.ROOT)))
          .findFirst().orElseThrow(() ->
              new IllegalArgumentException("view.tab must be explorer or lab (got '" + id + "')"));
    }
  }

  /** Mean |δ| history, linear loss axis, light theme, no presentation mode, the Explorer. */
  public static ViewState defaults() {
    return new ViewState(HistoryMetric.MEAN_ABS_DELTA, false, ThemeName.LIGHT, false,
        Tab.EXPLORER);
  }

  /** The colour theme. */
  public enum ThemeName {
    LIGHT, DARK;

    /** The name in the file: {@code light} or {@code dark}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static ThemeName parse(String id) {
      return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("view.theme must be light or dark (got '" + id + "')"));
    }
  }
}
