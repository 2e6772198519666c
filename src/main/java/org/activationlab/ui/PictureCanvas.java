package org.activationlab.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import org.activationlab.render.Picture;
import org.jfree.fx.FXGraphics2D;

/**
 * Shows a {@link Picture} on a JavaFX canvas through FXGraphics2D, so the screen draws exactly
 * what the PNG/SVG exports draw. Fills its parent; redraws at most once per pulse and only after
 * {@link #invalidate()} or a resize.
 */
public class PictureCanvas extends Pane {

  private final Canvas canvas = new Canvas();
  private final FXGraphics2D graphics = new FXGraphics2D(canvas.getGraphicsContext2D());
  private final ThemeManager themes;
  private final ViewListeners listeners = new ViewListeners();
  private Picture picture;
  private boolean dirty = true;
  private final AnimationTimer timer = new AnimationTimer() {
    @Override
    public void handle(long now) {
      if (dirty) {
        dirty = false;
        redraw();
      }
    }
  };

  /**
   * @param picture what to draw (may be set later)
   * @param themes the theme to draw in; a theme change redraws
   */
  public PictureCanvas(Picture picture, ThemeManager themes) {
    this.picture = picture;
    this.themes = themes;
    listeners.on(themes.changes(), this::invalidate);
    getChildren().add(canvas);
    getStyleClass().add("picture-canvas");
    setMinSize(120, 80);
    setPrefSize(600, 400);
    canvas.widthProperty().addListener(o -> invalidate());
    canvas.heightProperty().addListener(o -> invalidate());
    sceneProperty().addListener((o, was, now) -> {
      if (now != null) {
        timer.start();
      } else {
        timer.stop();
      }
    });
  }

  public Picture picture() {
    return picture;
  }

  public void setPicture(Picture picture) {
    this.picture = picture;
    invalidate();
  }

  /** Marks the picture as changed; it is redrawn on the next pulse. */
  public void invalidate() {
    dirty = true;
  }

  /** Draws now (used by the animation timer and by tests that need the pixels at once). */
  public void redraw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    if (w < 1 || h < 1 || picture == null) {
      return;
    }
    canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
    picture.draw(graphics, w, h, themes.renderTheme());
  }

  @Override
  protected void layoutChildren() {
    double w = Math.floor(getWidth() - snappedLeftInset() - snappedRightInset());
    double h = Math.floor(getHeight() - snappedTopInset() - snappedBottomInset());
    canvas.relocate(snappedLeftInset(), snappedTopInset());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(Math.max(0, w));
      canvas.setHeight(Math.max(0, h));
    }
  }

  /** The canvas, for mouse handlers and snapshots. */
  public Canvas canvas() {
    return canvas;
  }
}
