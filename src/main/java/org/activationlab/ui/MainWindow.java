package org.activationlab.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.activationlab.export.ScenarioFileException;
import org.activationlab.export.ViewState;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.explorer.ExplorerView;
import org.activationlab.ui.lab.LabModel;
import org.activationlab.ui.lab.LabView;
import org.activationlab.ui.run.RunView;
import org.activationlab.ui.run.RunViewerModel;

/**
 * The window's content: menu bar and the views. Rebuilt as a whole when the language changes; the
 * models outlive it, so nothing the user did is lost.
 *
 * <p>Full screen (F11; Esc leaves) shows only the view in front, without menu, tabs or status
 * bar, in the presentation look; the look returns to what it was when full screen ends.
 */
final class MainWindow extends BorderPane {

  private final ExplorerView explorer;
  private final LabView lab;
  private final RunView runs;
  private final TabPane tabs;
  private final MenuBar menuBar;
  private final ThemeManager themes;
  private final CheckMenuItem fullScreenItem = new CheckMenuItem();
  /** The tab whose view is shown alone in full screen, or null. */
  private Tab alone;
  private boolean presentationBefore;
  private final ChangeListener<Boolean> onFullScreen = (o, was, now) -> showFullScreen(now);
  private final EventHandler<KeyEvent> escape = this::onEscape;
  private Stage stage;
  private final Consumer<Locale> onLanguage;
  /** The window's bounds before full screen, restored after it. */
  private Rectangle2D windowed;

  private final ScenarioSession session;
  private Alert lastAlert;
  private final UserPrefs prefs;

  MainWindow(ExplorerModel explorerModel, LabModel labModel, ThemeManager themes,
      ScenarioSession session, UserPrefs prefs, Consumer<Locale> onLanguage, Runnable onQuit) {
    this(explorerModel, labModel, new RunViewerModel(), themes, session, prefs, onLanguage,
        onQuit);
  }

  MainWindow(ExplorerModel explorerModel, LabModel labModel, RunViewerModel runModel,
      ThemeManager themes, ScenarioSession session, UserPrefs prefs, Consumer<Locale> onLanguage,
      Runnable onQuit) {
    this.session = session;
    this.prefs = prefs;
    themes.setLocale(I18n.locale()); // the pictures speak the window's language
    explorer = new ExplorerView(explorerModel, themes);
    lab = new LabView(labModel, themes);
    Tab explorerTab = new Tab(I18n.text("tab.explorer"), explorer);
    explorerTab.setClosable(false);
    explorerTab.setId("tab-explorer");
    Tab labTab = new Tab(I18n.text("tab.lab"), lab);
    labTab.setClosable(false);
    labTab.setId("tab-lab");
    runs = new RunView(runModel, themes);
    Tab runsTab = new Tab(I18n.text("tab.runs"), runs);
    runsTab.setClosable(false);
    runsTab.setId("tab-runs");
    tabs = new TabPane(explorerTab, labTab, runsTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    this.themes = themes;
    this.onLanguage = onLanguage;
    menuBar = menuBar(themes, onLanguage, onQuit);
    setTop(menuBar);
    setCenter(tabs);
    // follow the stage's full screen while this is its content (a language switch replaces it)
    sceneProperty().addListener((o, was, now) -> {
      if (was != null) {
        was.removeEventHandler(KeyEvent.KEY_PRESSED, escape);
      }
      if (now == null) {
        watch(null);
      } else {
        now.addEventHandler(KeyEvent.KEY_PRESSED, escape);
        now.windowProperty().addListener((w, before, after) -> watch(after));
        watch(now.getWindow());
      }
    });
  }

  private void watch(Window window) {
    if (stage != null) {
      stage.fullScreenProperty().removeListener(onFullScreen);
    }
    stage = window instanceof Stage s ? s : null;
    if (stage != null) {
      stage.fullScreenProperty().addListener(onFullScreen);
      if (stage.isFullScreen()) {
        showFullScreen(true);
      }
    }
  }

  /** F11: full screen on or off. */
  void toggleFullScreen() {
    if (stage != null) {
      stage.setFullScreenExitHint(I18n.text("fullScreen.hint"));
      // Esc is ours: it first leaves a focused picture (the Lab consumes it then), then this
      stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
      stage.setFullScreen(!stage.isFullScreen());
    }
  }

  /** Esc that nothing else took leaves full screen. */
  private void onEscape(KeyEvent e) {
    if (e.getCode() == KeyCode.ESCAPE && stage != null && stage.isFullScreen()) {
      stage.setFullScreen(false);
      e.consume();
    }
  }

  /** Full screen: the view in front alone, in the presentation look; back as it was after. */
  private void showFullScreen(boolean full) {
    fullScreenItem.setSelected(full);
    if (full == (alone != null)) {
      return;
    }
    coverScreen(full);
    menuBar.setVisible(!full); // hidden but kept in the scene: its accelerators still work
    menuBar.setManaged(!full);
    lab.setFullScreen(full);
    if (full) {
      presentationBefore = themes.presentationProperty().get();
      themes.presentationProperty().set(true);
      alone = tabs.getSelectionModel().getSelectedItem();
      Node view = alone.getContent();
      alone.setContent(null);
      setCenter(view);
    } else {
      Node view = getCenter();
      setCenter(tabs);
      alone.setContent(view);
      alone = null;
      themes.presentationProperty().set(presentationBefore);
    }
  }

  /**
   * The window's own bounds follow full screen too: without a window manager (a bare X server
   * in a classroom kiosk, Xvfb) the platform's full screen does not resize the window.
   */
  private void coverScreen(boolean full) {
    if (stage == null) {
      return;
    }
    if (full) {
      windowed = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
          stage.getHeight());
      Rectangle2D screen = Screen.getScreensForRectangle(windowed)
          .stream().findFirst().orElse(Screen.getPrimary()).getBounds();
      place(screen);
    } else if (windowed != null) {
      place(windowed);
      windowed = null;
    }
  }

  private void place(Rectangle2D r) {
    stage.setX(r.getMinX());
    stage.setY(r.getMinY());
    stage.setWidth(r.getWidth());
    stage.setHeight(r.getHeight());
  }

  /** Whether the window shows one view alone (full screen). */
  boolean fullScreenShown() {
    return alone != null;
  }

  ExplorerView explorer() {
    return explorer;
  }

  LabView lab() {
    return lab;
  }

  RunView runs() {
    return runs;
  }

  /**
   * Puts {@code next} in place of the scene's window (a language switch), showing the same view
   * in front; the models, and with them the run and the chosen layer, carry over.
   */
  static void replace(Scene scene, MainWindow next) {
    MainWindow old = scene.getRoot() instanceof MainWindow w ? w : null;
    int shown = old == null ? 0 : old.tabs.getSelectionModel().getSelectedIndex();
    scene.setRoot(next);
    next.selectTab(Math.max(0, shown));
    if (old != null && old.alone != null) { // in full screen: the look to return to carries over
      next.presentationBefore = old.presentationBefore;
    }
  }

  /** As the language menu does: the window in {@code locale}. */
  void switchLanguage(Locale locale) {
    onLanguage.accept(locale);
  }

  /** Whether the Lab is the view in front. */
  boolean labShown() {
    return tabs.getSelectionModel().getSelectedIndex() == 1;
  }

  /** Shows the Lab (true) or the Explorer. */
  void selectLab(boolean showLab) {
    selectTab(showLab ? 1 : 0);
  }

  /** Shows view {@code index}: 0 Explorer, 1 Lab, 2 Runs. */
  void selectTab(int index) {
    if (alone != null) { // full screen: show the other view alone
      Tab wanted = tabs.getTabs().get(index);
      if (wanted != alone) {
        Node view = getCenter();
        alone.setContent(view);
        alone = wanted;
        Node next = wanted.getContent();
        wanted.setContent(null);
        setCenter(next);
      }
    }
    tabs.getSelectionModel().select(index);
  }

  /** Opens a run file in the Runs view (read in the background; a bad file is explained). */
  void openRun(Path path) {
    selectTab(2);
    runs.open(path);
  }

  private void chooseAndOpenRun() {
    selectTab(2);
    runs.chooseAndOpen();
  }

  // ------------------------------------------------------------------------ scenario files

  private void chooseAndOpen() {
    FileChooser chooser = scenarioChooser();
    chooser.setTitle(I18n.text("scenario.open.title"));
    File chosen = chooser.showOpenDialog(window());
    if (chosen != null) {
      openFile(chosen.toPath());
    }
  }

  /**
   * Opens a scenario file; a refused file is explained and changes nothing; unknown fields are
   * listed; a lesson's notes are shown beside the Lab's pictures (the Lab shows them).
   *
   * @return whether the file was opened
   */
  boolean openFile(Path path) {
    List<String> warnings;
    try {
      warnings = session.open(path);
    } catch (ScenarioFileException e) {
      alert(Alert.AlertType.ERROR, I18n.text("scenario.open.failed.header"),
          I18n.text("scenario.open.failed", e.getMessage()));
      return false;
    }
    prefs.addRecent(path);
    selectLab(session.openedTab() == ViewState.Tab.LAB);
    if (!warnings.isEmpty()) {
      alert(Alert.AlertType.WARNING, I18n.text("scenario.open.warnings.header"),
          String.join("\n", warnings));
    }
    return true;
  }

  private void fillRecent(Menu recent) {
    recent.getItems().clear();
    List<Path> files = prefs.recentFiles();
    if (files.isEmpty()) {
      MenuItem none = new MenuItem(I18n.text("menu.file.recent.none"));
      none.setDisable(true);
      recent.getItems().add(none);
    }
    for (Path p : files) {
      MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> openFile(p));
      recent.getItems().add(item);
    }
  }

  private void save(boolean askForName) {
    Path target = askForName ? null : session.file().orElse(null);
    if (target == null) {
      FileChooser chooser = scenarioChooser();
      chooser.setTitle(I18n.text("scenario.save.title"));
      chooser.setInitialFileName(session.file().map(p -> p.getFileName().toString())
          .orElse("lesson.json"));
      File chosen = chooser.showSaveDialog(window());
      if (chosen == null) {
        return;
      }
      target = chosen.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? chosen.toPath()
          : chosen.toPath().resolveSibling(chosen.getName() + ".json");
    }
    saveTo(target);
  }

  /** Saves the whole state to {@code target}; a failure is explained, no partial file is left. */
  boolean saveTo(Path target) {
    try {
      session.save(target, tabs.getSelectionModel().getSelectedIndex() == 1
          ? ViewState.Tab.LAB : ViewState.Tab.EXPLORER);
      prefs.addRecent(target);
      return true;
    } catch (IOException | RuntimeException e) {
      alert(Alert.AlertType.ERROR, I18n.text("scenario.save.failed.header"),
          I18n.text("scenario.save.failed", target, e.getMessage()));
      return false;
    }
  }

  private FileChooser scenarioChooser() {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(
        new FileChooser.ExtensionFilter(I18n.text("scenario.filter"), "*.json"));
    prefs.lastFolder().ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
    return chooser;
  }

  private void alert(Alert.AlertType type, String header, String text) {
    Alert alert = new Alert(type);
    alert.setTitle("Activation Lab");
    alert.setHeaderText(header);
    Label body = new Label(text);
    body.setWrapText(true);
    // a long note wraps at a readable width instead of widening the dialog to one line
    body.setPrefWidth(620);
    body.setMaxWidth(620);
    body.setMinHeight(Label.USE_PREF_SIZE);
    alert.getDialogPane().setContent(body);
    alert.getDialogPane().setPrefWidth(680);
    alert.setResizable(true);
    alert.getDialogPane().setId("scenario-alert");
    if (window() != null) {
      alert.initOwner(window());
    }
    lastAlert = alert;
    alert.show();
  }

  /** The dialog shown last (for tests). */
  Alert lastAlert() {
    return lastAlert;
  }

  private Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  private void saveScreenshot(double scale) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(I18n.text("menu.file.screenshot"));
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
    chooser.setInitialFileName("activation-lab.png");
    prefs.lastFolder().ifPresent(f -> chooser.setInitialDirectory(f.toFile()));
    File chosen = chooser.showSaveDialog(window());
    if (chosen != null) {
      Path out = chosen.getName().toLowerCase(Locale.ROOT).endsWith(".png") ? chosen.toPath()
          : chosen.toPath().resolveSibling(chosen.getName() + ".png");
      saveScreenshot(out, scale);
    }
  }

  /**
   * Saves the whole window as a PNG at {@code scale}× (2 for crisp slides); a failure is
   * explained and leaves no file.
   */
  boolean saveScreenshot(Path out, double scale) {
    javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
    params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
    java.awt.image.BufferedImage image =
        javafx.embed.swing.SwingFXUtils.fromFXImage(snapshot(params, null), null);
    try {
      org.activationlab.export.AtomicFiles.write(out, os -> {
        if (!javax.imageio.ImageIO.write(image, "png", os)) {
          throw new IOException("no PNG writer available");
        }
      });
      prefs.setLastFolder(out.toAbsolutePath().getParent());
      return true;
    } catch (IOException | RuntimeException e) {
      alert(Alert.AlertType.ERROR, I18n.text("export.failed", out.getFileName(), e.getMessage()),
          "");
      return false;
    }
  }

  private void exportFocusedPicture() {
    if (tabs.getSelectionModel().getSelectedIndex() == 2) {
      runs.exportFocusedPicture();
    } else if (tabs.getSelectionModel().getSelectedIndex() == 1) {
      lab.exportFocusedPicture();
    } else {
      explorer.exportFocusedPicture();
    }
  }

  private MenuBar menuBar(ThemeManager themes, Consumer<Locale> onLanguage, Runnable onQuit) {
    MenuItem export = new MenuItem(I18n.text("menu.file.exportPlot"));
    export.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
    export.setOnAction(e -> exportFocusedPicture());
    MenuItem quit = new MenuItem(I18n.text("menu.file.quit"));
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(e -> onQuit.run());
    MenuItem open = new MenuItem(I18n.text("menu.file.open"));
    open.setId("menu-open");
    open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
    open.setOnAction(e -> chooseAndOpen());
    MenuItem openRun = new MenuItem(I18n.text("menu.file.openRun"));
    openRun.setId("menu-open-run");
    openRun.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
        KeyCombination.SHIFT_DOWN));
    openRun.setOnAction(e -> chooseAndOpenRun());
    Menu recent = new Menu(I18n.text("menu.file.recent"));
    recent.setId("menu-recent");
    recent.getItems().add(new MenuItem()); // a menu needs an item to open; filled on showing
    recent.setOnShowing(e -> fillRecent(recent));
    MenuItem save = new MenuItem(I18n.text("menu.file.save"));
    save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
    save.setOnAction(e -> save(false));
    MenuItem saveAs = new MenuItem(I18n.text("menu.file.saveAs"));
    saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
        KeyCombination.SHIFT_DOWN));
    saveAs.setOnAction(e -> save(true));
    MenuItem shot1 = new MenuItem(I18n.text("menu.file.screenshot.1x"));
    shot1.setOnAction(e -> saveScreenshot(1));
    MenuItem shot2 = new MenuItem(I18n.text("menu.file.screenshot.2x"));
    shot2.setOnAction(e -> saveScreenshot(2));
    Menu screenshot = new Menu(I18n.text("menu.file.screenshot"), null, shot1, shot2);
    Menu file = new Menu(I18n.text("menu.file"), null, open, recent, save, saveAs, openRun,
        new SeparatorMenuItem(), export, screenshot, new SeparatorMenuItem(), quit);

    ToggleGroup themeGroup = new ToggleGroup();
    RadioMenuItem light = new RadioMenuItem(I18n.text("menu.view.light"));
    RadioMenuItem dark = new RadioMenuItem(I18n.text("menu.view.dark"));
    light.setToggleGroup(themeGroup);
    dark.setToggleGroup(themeGroup);
    (themes.isDark() ? dark : light).setSelected(true);
    light.setOnAction(e -> themes.setDark(false));
    dark.setOnAction(e -> themes.setDark(true));

    ToggleGroup languageGroup = new ToggleGroup();
    RadioMenuItem english = new RadioMenuItem("English");
    RadioMenuItem chinese = new RadioMenuItem("中文");
    english.setToggleGroup(languageGroup);
    chinese.setToggleGroup(languageGroup);
    ("zh".equals(I18n.locale().getLanguage()) ? chinese : english).setSelected(true);
    english.setOnAction(e -> onLanguage.accept(Locale.ENGLISH));
    chinese.setOnAction(e -> onLanguage.accept(Locale.SIMPLIFIED_CHINESE));
    Menu language = new Menu(I18n.text("menu.view.language"), null, english, chinese);
    CheckMenuItem presentation = new CheckMenuItem(I18n.text("menu.view.presentation"));
    presentation.setId("menu-presentation");
    presentation.setAccelerator(new KeyCodeCombination(KeyCode.F5));
    presentation.selectedProperty().bindBidirectional(themes.presentationProperty());
    fullScreenItem.setText(I18n.text("menu.view.fullScreen"));
    fullScreenItem.setId("menu-full-screen");
    fullScreenItem.setAccelerator(new KeyCodeCombination(KeyCode.F11));
    fullScreenItem.setOnAction(e -> toggleFullScreen());
    CheckMenuItem controls = new CheckMenuItem(I18n.text("menu.view.controls"));
    controls.setId("menu-controls");
    controls.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
    controls.selectedProperty().bindBidirectional(themes.controlsShownProperty());
    CheckMenuItem notes = new CheckMenuItem(I18n.text("menu.view.notes"));
    notes.setId("menu-notes");
    notes.setOnAction(e -> {
      selectLab(true);
      if (lab.notesShown() != notes.isSelected()) {
        lab.toggleNotes();
      }
    });
    Menu view = new Menu(I18n.text("menu.view"), null, light, dark, new SeparatorMenuItem(),
        fullScreenItem, presentation, controls, notes, new SeparatorMenuItem(), language);
    view.setOnShowing(e -> {
      notes.setSelected(lab.notesShown() && labShown());
      notes.setDisable(!lab.hasNotes());
    });

    MenuItem shortcuts = new MenuItem(I18n.text("menu.help.shortcuts"));
    shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
    shortcuts.setOnAction(e -> showHelp());
    Menu help = new Menu(I18n.text("menu.help"), null, shortcuts);
    MenuBar bar = new MenuBar(file, view, help);
    bar.setId("menu-bar");
    return bar;
  }

  private void showHelp() {
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.setTitle(I18n.text("help.title"));
    alert.setHeaderText(I18n.text("help.header"));
    alert.setContentText(I18n.text("help.body"));
    alert.getDialogPane().setMinWidth(560);
    if (getScene() != null) {
      alert.initOwner(getScene().getWindow());
    }
    alert.show();
  }
}
