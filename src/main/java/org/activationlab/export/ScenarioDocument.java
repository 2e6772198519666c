package org.activationlab.export;

import org.activationlab.training.Scenario;

/**
 * Everything a scenario file holds: a lesson or a saved session. Immutable.
 *
 * @param explorer the Explorer's state
 * @param lab the training scenario of the Lab
 * @param view how the Lab's pictures are shown
 * @param notes text for the reader (what to try, what to look for), in English and Chinese or
 *     one text for both; inline maths between {@code $…$} (LaTeX); empty for none, each language
 *     at most {@value #MAX_NOTES} characters
 * @param title the lesson's name (the Lab's preset chooser shows it), in English and Chinese or
 *     one text for both; empty for none, each language at most {@value #MAX_TITLE} characters
 */
public record ScenarioDocument(ExplorerState explorer, Scenario lab, ViewState view,
    LocalizedText notes, LocalizedText title) {

  public static final int MAX_NOTES = 20_000;
  public static final int MAX_TITLE = 200;

  public ScenarioDocument {
    if (explorer == null || lab == null || view == null) {
      throw new IllegalArgumentException("explorer, lab and view are required");
    }
    notes = notes == null ? LocalizedText.EMPTY : notes;
    title = title == null ? LocalizedText.EMPTY : title;
    notes.checkLength("notes", MAX_NOTES);
    title.checkLength("title", MAX_TITLE);
  }

  /** A document whose notes are one text for every language, without a title. */
  public ScenarioDocument(ExplorerState explorer, Scenario lab, ViewState view, String notes) {
    this(explorer, lab, view, LocalizedText.of(notes == null ? "" : notes), LocalizedText.EMPTY);
  }

  /** The defaults of every part, no notes and no title. */
  public static ScenarioDocument defaults() {
    return new ScenarioDocument(ExplorerState.defaults(), Scenario.defaults(),
        ViewState.defaults(), LocalizedText.EMPTY, LocalizedText.EMPTY);
  }

  public ScenarioDocument withLab(Scenario s) {
    return new ScenarioDocument(explorer, s, view, notes, title);
  }
}
