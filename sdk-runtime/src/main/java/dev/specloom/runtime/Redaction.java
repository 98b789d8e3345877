package dev.specloom.runtime;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps secrets out of text: shows which credentials are set without showing them, and masks credential values
 * in what a provider sends back (an error body may echo the key).
 */
final class Redaction {
  static final String MASK = "***";

  /**
   * Shorter values are never masked: no real credential is this short, and masking a short word (the offline
   * simulator's placeholder is {@code sandbox}) would rewrite ordinary text.
   */
  static final int MIN_SECRET_LENGTH = 8;

  /** Longest first, so a secret that contains another is masked whole. */
  private final List<String> secrets;

  Redaction(Collection<String> values) {
    this.secrets = values.stream().filter(v -> v != null && v.length() >= MIN_SECRET_LENGTH).distinct()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  static String names(Map<String, String> secrets) {
    return secrets.keySet().stream().map(k -> k + "=" + MASK).collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * The masking for an answer to a request whose caller-built part (URL and body, before credentials are added)
   * is {@code sent}. A secret the caller typed into the request itself is left alone: the caller knows it, and
   * masking its echo would confirm that a guessed value is the secret.
   */
  Redaction except(String sent) {
    return new Redaction(secrets.stream().filter(s -> !sent.contains(s)).toList());
  }

  String mask(String text) {
    if (text == null) return null;
    for (String s : secrets) text = text.replace(s, MASK);
    return text;
  }
}
