package org.activationlab.export;

/**
 * A scenario file that cannot be opened: its message says why in words a user can act on (which
 * file, which field, which limit or which versions are supported). Nothing of the file is used.
 */
public class ScenarioFileException extends Exception {

  private static final long serialVersionUID = 1L;

  public ScenarioFileException(String message) {
    super(message);
  }

  public ScenarioFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
