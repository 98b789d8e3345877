package dev.specloom.lua;

/** How a script ended: {@code error} is null on success, else one readable line (never a Java stack trace). */
public record ScriptResult(boolean ok, String error) {
  static ScriptResult success() {
    return new ScriptResult(true, null);
  }

  static ScriptResult failure(String error) {
    return new ScriptResult(false, error);
  }
}
