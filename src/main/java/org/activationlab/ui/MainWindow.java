package org.activationlab.ui;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
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
import javafx.scene.layout.BorderPane;
import org.activationlab.ui.explorer.ExplorerModel;
import org.activationlab.ui.explorer.ExplorerView;
import org.activationlab.ui.lab.LabModel;
import org.activationlab.ui.lab.LabView;

/**
 * The window's content: menu bar and the views. Rebuilt as a whole when the language changes; the
 * models outlive it, so nothing the user did is lost.
 */
final class MainWindow extends BorderPane {

  private final ExplorerView explorer;
  private final LabView lab;
  private final TabPane tabs;

  MainWindow(ExplorerModel explorerModel, LabModel labModel, ThemeManager themes,
      Consumer<Locale> onLanguage, Runnable onQuit) {
    explorer = new ExplorerView(explorerModel, themes);
    lab = new LabView(labModel, themes);
    Tab explorerTab = new Tab(I18n.text("tab.explorer"), explorer);
    explorerTab.setClosable(false);
    explorerTab.setId("tab-explorer");
    Tab labTab = new Tab(I18n.text("tab.lab"), lab);
    labTab.setClosable(false);
    labTab.setId("tab-lab");
    tabs = new TabPane(explorerTab, labTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    setTop(menuBar(themes, onLanguage, onQuit));
    setCenter(tabs);
  }

  ExplorerView explorer() {
    return explorer;
  }

  LabView lab() {
    return lab;
  }

  /** Shows the Lab (true) or the Explorer. */
  void selectLab(boolean showLab) {
    tabs.getSelectionModel().select(showLab ? 1 : 0);
  }

  private void exportFocusedPicture() {
    if (tabs.getSelectionModel().getSelectedIndex() == 1) {
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
    Menu file = new Menu(I18n.text("menu.file"), null, export, new SeparatorMenuItem(), quit);

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
    Menu view = new Menu(I18n.text("menu.view"), null, light, dark, new SeparatorMenuItem(), language);

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
