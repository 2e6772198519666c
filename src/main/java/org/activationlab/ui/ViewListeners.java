package org.activationlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;

/**
 * Listeners a view puts on models that outlive it (the window is rebuilt on a language switch,
 * the models are not). Each listener is registered weakly and kept alive by this object, which
 * the view holds: when the view is dropped, its listeners go with it instead of redrawing a
 * window nobody sees.
 */
public final class ViewListeners {

  private final List<Object> kept = new ArrayList<>();

  /** Calls {@code action} whenever {@code source} changes, for as long as the view lives. */
  public void on(Observable source, Runnable action) {
    InvalidationListener l = o -> action.run();
    kept.add(l);
    source.addListener(new WeakInvalidationListener(l));
  }

  /** Passes every change of {@code list} to {@code listener}, for as long as the view lives. */
  public <T> void onList(ObservableList<T> list, ListChangeListener<T> listener) {
    kept.add(listener);
    list.addListener(new WeakListChangeListener<>(listener));
  }
}
