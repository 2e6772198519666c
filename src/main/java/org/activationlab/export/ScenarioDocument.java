package org.activationlab.export;

import java.util.Optional;
import org.activationlab.training.Comparison;
import org.activationlab.training.Scenario;

/**
 * Everything a scenario file holds: a lesson or a saved session. Immutable.
 *
 * @param explorer the Explorer's state
 * @param lab the training scenario of the Lab (run A of a comparison)
 * @param view how the Lab's pictures are shown
 * @param notes text for the reader (what to try, what to look for), in English and Chinese or
 *     one text for both; inline maths between {@code $…$} (LaTeX); empty for none, each language
 *     at most {@value #MAX_NOTES} characters
 * @param title the lesson's name (the Lab's preset chooser shows it), in English and Chinese or
 *     one text for both; empty for none, each language at most {@value #MAX_TITLE} characters
 * @param compareB run B of a comparison with {@code lab} ({@link Comparison}: the same data, its
 *     {@code steps} are {@code lab}'s), or null for none
 * @throws IllegalArgumentException when {@code compareB} would train on other data than {@code
 *     lab} (the reason names the settings)
 */
public record ScenarioDocument(ExplorerState explorer, Scenario lab, ViewState view,
    LocalizedText notes, LocalizedText title, Scenario compareB) {

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
    if (compareB != null) {
      compareB = new Comparison(lab, compareB).b(); // refuses other data; aligns the steps
    }
  }

  /** A document without a comparison. */
  public ScenarioDocument(ExplorerState explorer, Scenario lab, ViewState view,
      LocalizedText notes, LocalizedText title) {
    this(explorer, lab, view, notes, title, null);
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

  /**
   * The same document with the Lab's scenario replaced; a comparison's B follows the new
   * scenario's data and step count ({@link Comparison#withA}).
   */
  public ScenarioDocument withLab(Scenario s) {
    Scenario b = compareB == null ? null : new Comparison(lab, compareB).withA(s).b();
    return new ScenarioDocument(explorer, s, view, notes, title, b);
  }

  /** The comparison this document holds: its {@code lab} as A and {@link #compareB} as B. */
  public Optional<Comparison> comparison() {
    return compareB == null ? Optional.empty() : Optional.of(new Comparison(lab, compareB));
  }

  /**
   * The same document holding {@code c} ({@code lab} becomes {@code c.a()}); null for none (the
   * Lab's scenario is kept).
   */
  public ScenarioDocument withComparison(Comparison c) {
    return c == null ? new ScenarioDocument(explorer, lab, view, notes, title, null)
        : new ScenarioDocument(explorer, c.a(), view, notes, title, c.b());
  }
}
