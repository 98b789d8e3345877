package dev.specloom.lua.bridge;

/**
 * Asked by the bridge before it allocates on a script's behalf (Java strings and collections for a call's
 * arguments, the request built from them). An implementation ends the script, with an error {@code pcall}
 * cannot catch, when {@code bytes} more would take the script past its allocation budget.
 */
@FunctionalInterface
public interface Allocations {
  /** For callers outside a budgeted script. */
  Allocations UNLIMITED = (bytes, what) -> { };

  void reserve(long bytes, String what);
}
