package org.activationlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.activationlab.export.LocalizedText;
import org.activationlab.export.ScenarioDocument;
import org.activationlab.export.ScenarioFile;
import org.activationlab.export.ScenarioFileException;
import org.activationlab.export.ViewState;
import org.activationlab.render.LabModels;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.lab.LabModel;

/**
 * The whole state of a window as a scenario document: the Explorer's functions and view, the
 * Lab's scenario (the network restarts at step 0 from its seed) and the view options. Opening
 * reads and validates the whole file first and changes nothing when it is refused; saving is
 * atomic. The title and notes of an opened lesson, in both languages, are kept when it is saved
 * again; the Lab shows them (its preset chooser names the lesson: its title, or else the file's
 * name).
 */
public final class ScenarioSession {

  private final ExplorerModel explorer;
  private final LabModel lab;
  private final ThemeManager themes;
  private Path file;
  private LocalizedText notes = LocalizedText.EMPTY;
  private LocalizedText title = LocalizedText.EMPTY;
  private ViewState.Tab openedTab = ViewState.Tab.EXPLORER;

  public ScenarioSession(ExplorerModel explorer, LabModel lab, ThemeManager themes) {
    this.explorer = explorer;
    this.lab = lab;
    this.themes = themes;
  }

  /** The file last opened or saved. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The current state as a document, with the Explorer in front. */
  public ScenarioDocument capture() {
    return capture(ViewState.Tab.EXPLORER);
  }

  /** The current state as a document; {@code tab} is the view in front. */
  public ScenarioDocument capture(ViewState.Tab tab) {
    ViewState view = new ViewState(
        lab.historyMetricProperty().get(),
        lab.logLossProperty().get(),
        themes.isDark() ? ViewState.ThemeName.DARK : ViewState.ThemeName.LIGHT,
        themes.presentationProperty().get(), tab);
    ScenarioDocument doc = new ScenarioDocument(explorer.toState(), lab.scenarioA(), view, notes,
        title);
    return lab.comparison().map(doc::withComparison).orElse(doc);
  }

  /**
   * Opens a scenario file and shows it.
   *
   * @return warnings about the file (unknown fields), empty when none
   * @throws ScenarioFileException naming what is wrong; the current state is then unchanged
   */
  public List<String> open(Path path) throws ScenarioFileException {
    ScenarioFile.Loaded loaded = ScenarioFile.read(path);
    String name = path.getFileName() == null ? "" : path.getFileName().toString()
        .replaceFirst("(?i)\\.json$", "");
    apply(loaded.document(), LocalizedText.of(name));
    file = path;
    return loaded.warnings();
  }

  /** Shows a document (already validated). */
  public void apply(ScenarioDocument doc) {
    apply(doc, LocalizedText.EMPTY);
  }

  /** Shows a document; the Lab names it by its title, or by {@code name} when it has none. */
  private void apply(ScenarioDocument doc, LocalizedText name) {
    explorer.apply(doc.explorer());
    lab.loadLesson(doc.lab(), doc.title().isBlank() ? name : doc.title(), doc.notes(),
        doc.comparison());
    ViewState v = doc.view();
    lab.historyMetricProperty().set(v.historyMetric());
    lab.logLossProperty().set(v.logLossAxis());
    themes.setDark(v.theme() == ViewState.ThemeName.DARK);
    themes.presentationProperty().set(v.presentation());
    notes = doc.notes();
    title = doc.title();
    openedTab = v.tab();
  }

  /** The notes of the lesson opened last (empty when none). */
  public LocalizedText notes() {
    return notes;
  }

  /** Saves the current state to {@code path} (complete or not at all). */
  public void save(Path path, ViewState.Tab tab) throws IOException {
    ScenarioFile.write(path, capture(tab));
    file = path;
  }

  /** The view in front in the document opened last. */
  public ViewState.Tab openedTab() {
    return openedTab;
  }
}
