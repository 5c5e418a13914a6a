package org.gfn.model.config;

/** A configuration error, naming the key and what is allowed. Raised before any work starts. */
public final class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
