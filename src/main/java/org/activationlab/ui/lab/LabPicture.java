package org.activationlab.ui.lab;

import org.activationlab.render.LabDrawings;
import org.activationlab.render.Picture;
import org.activationlab.ui.I18n;

/** The Lab's six pictures, by name: for export, recording and the focus of Ctrl+E. */
enum LabPicture {
  NETWORK(LabDrawings.Kind.NETWORK),
  BOUNDARY(LabDrawings.Kind.BOUNDARY),
  HEATMAP(LabDrawings.Kind.HEATMAP),
  LOSS(LabDrawings.Kind.LOSS),
  HISTORY(LabDrawings.Kind.HISTORY),
  ACTIVATIONS(LabDrawings.Kind.ACTIVATIONS);

  private final LabDrawings.Kind kind;

  LabPicture(LabDrawings.Kind kind) {
    this.kind = kind;
  }

  /** This picture among the given drawings. */
  Picture of(LabDrawings drawings) {
    return kind.of(drawings);
  }

  /** The name users read (the panel's title). */
  String displayName() {
    return I18n.text("lab.picture." + name().toLowerCase(java.util.Locale.ROOT));
  }
}
