package dev.specloom.lua;

import java.time.Duration;

/**
 * What one script may consume. The instruction and allocation budgets are checked from a VM hook that
 * {@code pcall} cannot intercept; the wall-clock deadline also covers native string functions, which run
 * without hooks.
 */
public record Limits(long instructions, Duration wallClock, long allocatedBytes, int maxStringBytes, int maxTableEntries) {
  public static final Limits DEFAULT = new Limits(50_000_000L, Duration.ofSeconds(30), 512L << 20, 1 << 20, 10_000);

  public Limits withInstructions(long n) {
    return new Limits(n, wallClock, allocatedBytes, maxStringBytes, maxTableEntries);
  }

  public Limits withWallClock(Duration d) {
    return new Limits(instructions, d, allocatedBytes, maxStringBytes, maxTableEntries);
  }

  public Limits withAllocatedBytes(long n) {
    return new Limits(instructions, wallClock, n, maxStringBytes, maxTableEntries);
  }

  public Limits withMaxStringBytes(int n) {
    return new Limits(instructions, wallClock, allocatedBytes, n, maxTableEntries);
  }

  public Limits withMaxTableEntries(int n) {
    return new Limits(instructions, wallClock, allocatedBytes, maxStringBytes, n);
  }
}
