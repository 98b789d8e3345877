package dev.specloom.lua;

import java.util.Locale;

/** What an account lets scripts do with write functions. */
public enum WritePolicy {
  ALLOW, ASK, DENY;

  public static WritePolicy parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // The value may come from the environment: it is never quoted.
      throw new IllegalArgumentException("writes must be allow, ask or deny");
    }
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
