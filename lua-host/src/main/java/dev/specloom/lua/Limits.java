package dev.specloom.lua;

import java.time.Duration;

/**
 * What one script may consume; running out of any of it ends the script with an error {@code pcall} cannot
 * catch, and the host goes on serving.
 *
 * <ul>
 *   <li>{@code instructions}: VM instructions.</li>
 *   <li>{@code wallClock}: checked by the VM hook and inside every long library function and conversion, so
 *       a runaway pattern match ends cooperatively on any Java version.</li>
 *   <li>{@code allocatedBytes}: counts allocation, not live memory: every byte the script's thread allocates
 *       (for the script, its library calls, and converting its arguments for a call), including what is
 *       already garbage. Library functions and the bridge reserve what they are about to allocate against what
 *       is left of it before allocating, so a script fails with "memory limit exceeded" instead of taking the
 *       heap. Decoding a provider's answer is counted after the fact.</li>
 *   <li>{@code maxStringBytes}, {@code maxTableEntries}: per string and per table passed to a call.</li>
 * </ul>
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
