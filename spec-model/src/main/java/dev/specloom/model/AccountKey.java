package dev.specloom.model;

/**
 * The keys an accounts file accepts for every provider besides the provider's credentials and settings: the one
 * source of the accounts-file reader's key list and of the reference's configuration table.
 */
public enum AccountKey {
  WRITES("writes", "policy", "`allow`, `ask` (default) or `deny` for write functions."),
  BASE_URL("base_url", "setting", "Overrides the API root (https; plain http only on loopback)."),
  MAX_RETRIES("max_retries", "setting", "Retry limit per call, 0 to " + AccountKey.MAX_RETRIES_LIMIT + "."),
  TIMEOUT_SECONDS("timeout_seconds", "setting",
      "Whole-call timeout in seconds, 1 to " + AccountKey.TIMEOUT_LIMIT_SECONDS + "; a timed-out call raises `timeout`."),
  SANDBOX("sandbox", "setting", "`true` runs the account on the offline sandbox: no credentials, only `writes` besides.");

  /** The highest {@code max_retries}. */
  public static final int MAX_RETRIES_LIMIT = 10;
  /** The highest {@code timeout_seconds} (an hour). */
  public static final int TIMEOUT_LIMIT_SECONDS = 3600;

  private final String key;
  private final String kind;
  private final String description;

  AccountKey(String key, String kind, String description) {
    this.key = key;
    this.kind = kind;
    this.description = description;
  }

  /** The key as an accounts file spells it. */
  public String key() {
    return key;
  }

  /** What kind of key it is, as the reference's configuration table says: {@code policy} or {@code setting}. */
  public String kind() {
    return kind;
  }

  /** One sentence for the reference (Markdown). */
  public String description() {
    return description;
  }
}
