package org.activationlab.export;

import org.activationlab.training.Scenario;

/**
 * Everything a scenario file holds: a lesson or a saved session. Immutable.
 *
 * @param explorer the Explorer's state
 * @param lab the training scenario of the Lab
 * @param view how the Lab's pictures are shown
 * @param notes free text for the reader (what to try, what to look for); "" for none, at most
 *     {@value #MAX_NOTES} characters
 */
public record ScenarioDocument(ExplorerState explorer, Scenario lab, ViewState view,
    String notes) {

  public static final int MAX_NOTES = 20_000;

  public ScenarioDocument {
    if (explorer == null || lab == null || view == null) {
      throw new IllegalArgumentException("explorer, lab and view are required");
    }
    notes = notes == null ? "" : notes;
    if (notes.length() > MAX_NOTES) {
      throw new IllegalArgumentException("notes: at most " + MAX_NOTES + " characters (got "
          + notes.length() + ")");
    }
  }

  /** The defaults of every part and no notes. */
  public static ScenarioDocument defaults() {
    return new ScenarioDocument(ExplorerState.defaults(), Scenario.defaults(),
        ViewState.defaults(), "");
  }

  public ScenarioDocument withLab(Scenario s) {
    return new ScenarioDocument(explorer, s, view, notes);
  }
}
