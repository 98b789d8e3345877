package dev.specloom.lua;

/** The host's answer to an {@link WritePolicy#ASK} write: true lets it through. */
@FunctionalInterface
public interface WriteApprover {
  boolean approve(String provider, String account, String function);
}
