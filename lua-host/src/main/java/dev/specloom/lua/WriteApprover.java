package dev.specloom.lua;

/** The host's answer to an {@link WritePolicy#ASK} write: true lets it through. */
@FunctionalInterface
public interface WriteApprover {
  /** Decides one write; {@code write} says what it would send, so a host can tell a GET from a DELETE. */
  boolean approve(PendingWrite write);
}
