package org.activationlab.ui;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** Small helpers shared by the views. */
public final class FxNodes {

  private FxNodes() {}

  /** Whether {@code node} is on screen: in a scene, it and every parent visible (a tab in front). */
  public static boolean isShowing(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }

  /** A tooltip for a "?" button: the explanation, wrapped, shown soon. */
  public static Tooltip explanation(String text) {
    Tooltip tip = new Tooltip(text);
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    tip.setShowDelay(Duration.millis(300));
    return tip;
  }
}
