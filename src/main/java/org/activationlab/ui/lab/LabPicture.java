package org.activationlab.ui.lab;

import java.util.function.Function;
import org.activationlab.render.Picture;
import org.activationlab.ui.I18n;

/** The Lab's six pictures, by name: for export, recording and the focus of Ctrl+E. */
enum LabPicture {
  NETWORK(LabPictures.Drawings::network),
  BOUNDARY(LabPictures.Drawings::boundary),
  HEATMAP(LabPictures.Drawings::heatmap),
  LOSS(LabPictures.Drawings::loss),
  HISTORY(LabPictures.Drawings::history),
  ACTIVATIONS(LabPictures.Drawings::activations);

  private final Function<LabPictures.Drawings, Picture> picture;

  LabPicture(Function<LabPictures.Drawings, Picture> picture) {
    this.picture = picture;
  }

  /** This picture among the given drawings. */
  Picture of(LabPictures.Drawings drawings) {
    return picture.apply(drawings);
  }

  /** The name users read (the panel's title). */
  String displayName() {
    return I18n.text("lab.picture." + name().toLowerCase(java.util.Locale.ROOT));
  }
}
