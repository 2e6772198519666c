package org.activationlab.ui.explorer;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.activationlab.render.Palette;
import org.activationlab.render.Picture;
import org.activationlab.ui.ExportDialog;
import org.activationlab.ui.FxColors;
import org.activationlab.ui.I18n;
import org.activationlab.ui.PictureCanvas;
import org.activationlab.ui.ThemeManager;

/**
 * The Explorer: function list and parameters on the left, the plot in the middle with the softmax
 * and depth panels below it, the info card on the right.
 */
public final class ExplorerView extends BorderPane {

  private final PlotView plot;
  private final SoftmaxPane softmax;
  private final DepthPane depth;
  private final FunctionListPane functionList;
  private final ParameterPane parameters;
  private final InfoCard infoCard;
  private final ThemeManager themes;
  private final TabPane lowerTabs;
  private PictureCanvas focused;
  /** Focus mode: the panel filling the Explorer (plot, depth or softmax), or null. */
  private Region focusedPanel;
  private final List<Region> focusables = new ArrayList<>();
  private final List<Runnable> putBack = new ArrayList<>();
  private final EventHandler<KeyEvent> keys = this::onKey;
  private SplitPane centre;
  private Region sidebar;
  private Region infoScroll;

  public ExplorerView(ExplorerModel model, ThemeManager themes) {
    this.themes = themes;
    setId("explorer");
    java.util.function.IntFunction<Color> slotColour = i -> FxColors.toFx(Palette.color(i));
    functionList = new FunctionListPane(model, slotColour, themes::renderTheme);
    parameters = new ParameterPane(model, slotColour);
    plot = new PlotView(model, themes);
    softmax = new SoftmaxPane(model, themes);
    depth = new DepthPane(model, themes);
    infoCard = new InfoCard(model, themes);
    focused = plot;

    CheckBox showValue = new CheckBox(I18n.text("explorer.showValue"));
    showValue.setId("toggle-value");
    showValue.selectedProperty().bindBidirectional(model.showValueProperty());
    showValue.setTooltip(new Tooltip(I18n.text("explorer.showValue.tooltip")));
    CheckBox showDerivative = new CheckBox(I18n.text("explorer.showDerivative"));
    showDerivative.setId("toggle-derivative");
    showDerivative.selectedProperty().bindBidirectional(model.showDerivativeProperty());
    showDerivative.setTooltip(new Tooltip(I18n.text("explorer.showDerivative.tooltip")));
    HBox toggles = new HBox(12, showValue, showDerivative);

    ScrollPane parameterScroll = new ScrollPane(parameters);
    parameterScroll.setFitToWidth(true);
    parameterScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    parameterScroll.setPrefViewportHeight(260);
    VBox sidebar = new VBox(8, functionList, toggles, parameterScroll);
    this.sidebar = sidebar;
    VBox.setVgrow(functionList, Priority.ALWAYS);
    sidebar.getStyleClass().add("sidebar");
    sidebar.getStyleClass().add("explorer-sidebar"); // widths in em: they grow in presentation mode

    Button resetView = new Button(I18n.text("explorer.resetView"));
    resetView.setId("reset-view");
    resetView.setTooltip(new Tooltip(I18n.text("explorer.resetView.tooltip")));
    resetView.setOnAction(e -> plot.resetView());
    Button export = exportButton(plot, plot.exportPicture());
    resetView.setMinWidth(Button.USE_PREF_SIZE);
    export.setMinWidth(Button.USE_PREF_SIZE);
    AxisRangeBar axes = new AxisRangeBar(plot.viewportProperty());
    HBox buttons = new HBox(8, resetView, export);
    buttons.setMinWidth(HBox.USE_PREF_SIZE);
    // the ranges wrap (x, then y) and the buttons go below them when the bar is narrow
    BorderPane plotBar = new BorderPane();
    plotBar.setCenter(axes);
    plotBar.setRight(buttons);
    BorderPane.setAlignment(buttons, Pos.TOP_RIGHT);
    BorderPane.setAlignment(axes, Pos.CENTER_LEFT);
    plotBar.setPadding(new Insets(6, 8, 6, 8));

    BorderPane plotArea = new BorderPane(plot);
    plotArea.setTop(plotBar);

    // each lower panel needs the full width to be readable, so they share it as tabs
    Region depthPanel = panelWithExport(depth, depth.canvas(), depth.picture());
    Tab depthTab = new Tab(I18n.text("depth.tab"), depthPanel);
    depthTab.setId("tab-depth");
    Region softmaxPanel = panelWithExport(softmax, softmax.canvas(), softmax.picture());
    Tab softmaxTab = new Tab(I18n.text("softmax.title"), softmaxPanel);
    softmaxTab.setId("tab-softmax");
    lowerTabs = new TabPane(depthTab, softmaxTab);
    lowerTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane centre = new SplitPane(plotArea, lowerTabs);
    this.centre = centre;
    // focus mode (keys 1–3, double-click on depth or softmax): the panel fills the Explorer
    focusables.addAll(List.of(plotArea, depthPanel, softmaxPanel));
    putBack.add(() -> centre.getItems().set(0, plotArea));
    putBack.add(() -> depthTab.setContent(depthPanel));
    putBack.add(() -> softmaxTab.setContent(softmaxPanel));
    centre.setOrientation(Orientation.VERTICAL);
    centre.setDividerPositions(0.6);
    // explicit minimum heights: the lower panels' content would otherwise claim its full
    // preferred height and squash the plot to a strip on a 720p screen
    plotArea.setMinHeight(200);
    lowerTabs.setMinHeight(150);
    // the first layout sizes the panes by their content: give the plot its share once there
    // is a height to share
    centre.heightProperty().addListener(new ChangeListener<>() {
      @Override
      public void changed(ObservableValue<? extends Number> o, Number was,
          Number now) {
        if (now.doubleValue() > 0) {
          centre.heightProperty().removeListener(this);
          Platform.runLater(() -> centre.setDividerPositions(0.6));
        }
      }
    });

    ScrollPane infoScroll = new ScrollPane(infoCard);
    this.infoScroll = infoScroll;
    infoScroll.setFitToWidth(true);
    infoScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    infoScroll.getStyleClass().add("info-scroll");

    setLeft(sidebar);
    setCenter(centre);
    setRight(infoScroll);
    for (Region side : new Region[] {sidebar, infoScroll}) {
      side.visibleProperty().bind(themes.controlsShownProperty());
      side.managedProperty().bind(themes.controlsShownProperty());
    }

    for (PictureCanvas c : new PictureCanvas[] {plot, softmax.canvas(), depth.canvas()}) {
      c.setOnMouseEntered(e -> focused = c);
      // a click on a picture takes the keyboard from the search field, so 1–3 and ←/→ work
      c.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> c.requestFocus());
    }
    // double-click on the plot resets its view, so the plot is focused by key 1 or its menu
    for (int i = 1; i < 3; i++) {
      int index = i;
      PictureCanvas c = i == 1 ? depth.canvas() : softmax.canvas();
      c.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
        if (e.getClickCount() == 2) {
          focusPanel(focusedPanel == focusables.get(index) ? -1 : index);
        }
      });
    }
    sceneProperty().addListener((o, was, now) -> {
      if (was != null) {
        was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
      }
      if (now != null) {
        now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
      }
    });
    addContextMenu(plot, plot.exportPicture(), 0);
    addContextMenu(softmax.canvas(), softmax.picture(), 2);
    addContextMenu(depth.canvas(), depth.picture(), 1);
  }

  private void onKey(KeyEvent e) {
    if (!isShowing() || e.isShortcutDown() || e.isAltDown()
        || getScene().getFocusOwner() instanceof TextInputControl) {
      return;
    }
    KeyCode code = e.getCode();
    int digit = code.isDigitKey() ? code.getChar().charAt(0) - '1' : -1;
    int n = focusables.size();
    if (digit >= 0 && digit < n) {
      focusPanel(digit);
    } else if (focusedPanel != null && (code == KeyCode.RIGHT || code == KeyCode.LEFT)) {
      focusPanel((focusables.indexOf(focusedPanel) + (code == KeyCode.RIGHT ? 1 : n - 1)) % n);
    } else if (focusedPanel != null && code == KeyCode.ESCAPE) {
      focusPanel(-1);
    } else {
      return;
    }
    e.consume();
  }

  /**
   * Focus mode: panel {@code index} (0 the plot, 1 depth, 2 softmax, with their controls) fills
   * the Explorer without the side panels; −1 shows everything again.
   */
  void focusPanel(int index) {
    if (focusedPanel != null) {
      int was = focusables.indexOf(focusedPanel);
      focusedPanel = null;
      setCenter(null);
      putBack.get(was).run();
      setLeft(sidebar);
      setRight(infoScroll);
      setCenter(centre);
      centre.setDividerPositions(0.6);
    }
    if (index >= 0) {
      Region panel = focusables.get(index);
      if (index == 0) {
        centre.getItems().set(0, new Region()); // keeps the split's shape for the way back
      } else {
        ((Tab) lowerTabs.getTabs().get(index - 1)).setContent(null);
      }
      setLeft(null);
      setRight(null);
      setCenter(panel);
      focusedPanel = panel;
    }
    // the keyboard to the picture in front, not to a field that moved with its panel
    (index == 1 ? depth.canvas() : index == 2 ? softmax.canvas() : plot).requestFocus();
  }

  /** The focused panel's index (0 plot, 1 depth, 2 softmax), −1 when none: for tests. */
  int focusedPanelIndex() {
    return focusedPanel == null ? -1 : focusables.indexOf(focusedPanel);
  }

  /** Whether the Explorer is on screen (its tab selected): it and every parent visible. */
  boolean isShowing() {
    return org.activationlab.ui.FxNodes.isShowing(this);
  }

  /** Opens the export dialog for the picture under the pointer last (the plot by default). */
  public void exportFocusedPicture() {
    Picture p = focused == plot ? plot.exportPicture() : focused.picture();
    ExportDialog.show(getScene().getWindow(), p, themes.renderTheme(), focused.getWidth(),
        focused.getHeight());
  }

  PlotView plot() {
    return plot;
  }

  SoftmaxPane softmax() {
    return softmax;
  }

  DepthPane depth() {
    return depth;
  }

  private Region panelWithExport(BorderPane panel, PictureCanvas canvas, Picture picture) {
    Button export = exportButton(canvas, picture);
    HBox bar = new HBox(export);
    bar.setAlignment(Pos.CENTER_RIGHT);
    bar.setPadding(new Insets(2, 8, 2, 8));
    panel.setBottom(bar);
    panel.setMinHeight(180);
    return panel;
  }

  private Button exportButton(PictureCanvas canvas, Picture picture) {
    Button export = new Button(I18n.text("explorer.export"));
    export.getStyleClass().add("small-button");
    export.setTooltip(new Tooltip(I18n.text("explorer.export.tooltip")));
    export.setOnAction(e -> ExportDialog.show(getScene().getWindow(), picture,
        themes.renderTheme(), canvas.getWidth(), canvas.getHeight()));
    return export;
  }

  private void addContextMenu(PictureCanvas canvas, Picture picture, int panel) {
    MenuItem item = new MenuItem(I18n.text("explorer.export"));
    item.setOnAction(e -> ExportDialog.show(getScene().getWindow(), picture,
        themes.renderTheme(), canvas.getWidth(), canvas.getHeight()));
    MenuItem copy = new MenuItem(I18n.text("export.copy"));
    copy.setOnAction(e -> ExportDialog.copy(picture, themes.renderTheme(), canvas.getWidth(),
        canvas.getHeight()));
    MenuItem alone = new MenuItem(I18n.text("explorer.focus", panel + 1));
    alone.setOnAction(e -> focusPanel(focusedPanel == focusables.get(panel) ? -1 : panel));
    ContextMenu menu = new ContextMenu(item, copy, alone);
    canvas.setOnContextMenuRequested(e -> menu.show(canvas, e.getScreenX(), e.getScreenY()));
  }
}
