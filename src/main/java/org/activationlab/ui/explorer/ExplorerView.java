package org.activationlab.ui.explorer;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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
import javafx.scene.control.Tooltip;
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

  public ExplorerView(ExplorerModel model, ThemeManager themes) {
    this.themes = themes;
    setId("explorer");
    java.util.function.IntFunction<Color> slotColour = i -> FxColors.toFx(Palette.color(i));
    functionList = new FunctionListPane(model, slotColour);
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
    Tab depthTab = new Tab(I18n.text("depth.tab"), panelWithExport(depth, depth.canvas(), depth.picture()));
    depthTab.setId("tab-depth");
    Tab softmaxTab = new Tab(I18n.text("softmax.title"),
        panelWithExport(softmax, softmax.canvas(), softmax.picture()));
    softmaxTab.setId("tab-softmax");
    lowerTabs = new TabPane(depthTab, softmaxTab);
    lowerTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane centre = new SplitPane(plotArea, lowerTabs);
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
    }
    addContextMenu(plot, plot.exportPicture());
    addContextMenu(softmax.canvas(), softmax.picture());
    addContextMenu(depth.canvas(), depth.picture());
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

  private void addContextMenu(PictureCanvas canvas, Picture picture) {
    MenuItem item = new MenuItem(I18n.text("explorer.export"));
    item.setOnAction(e -> ExportDialog.show(getScene().getWindow(), picture,
        themes.renderTheme(), canvas.getWidth(), canvas.getHeight()));
    MenuItem copy = new MenuItem(I18n.text("export.copy"));
    copy.setOnAction(e -> ExportDialog.copy(picture, themes.renderTheme(), canvas.getWidth(),
        canvas.getHeight()));
    ContextMenu menu = new ContextMenu(item, copy);
    canvas.setOnContextMenuRequested(e -> menu.show(canvas, e.getScreenX(), e.getScreenY()));
  }
}
