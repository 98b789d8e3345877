package dev.specloom.runtime;

import java.util.Collection;

/**
 * Messages that name something unknown the caller typed: "did you mean" by edit distance, and the name itself,
 * quoted and cut short, so a huge key costs neither time nor a huge message.
 */
public final class Suggest {
  /** No known name is longer; a longer word is compared and shown only up to here. */
  static final int MAX_SHOWN = 64;
  /** Longer words are not compared: no name is this long, and the comparison costs their length times each name's. */
  static final int MAX_COMPARED = 128;

  private Suggest() {}

  /** " (did you mean 'x'?)" for the closest candidate within a third of the word's length, else "". */
  public static String didYouMean(String word, Collection<String> candidates) {
    if (word.length() > MAX_COMPARED) return "";
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(2, word.length() / 3);
    for (String c : candidates) {
      // The distance is at least the difference in length: skip what cannot be close enough.
      if (Math.abs(c.length() - word.length()) > limit) continue;
      int d = distance(word.toLowerCase(), c.toLowerCase());
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= limit ? " (did you mean '" + best + "'?)" : "";
  }

  /** {@code 'word'}, or its first characters and its length when it is longer than any name could be. */
  public static String quoted(String word) {
    if (word.length() <= MAX_SHOWN) return "'" + word + "'";
    return "'" + word.substring(0, MAX_SHOWN) + "...' (" + word.length() + " characters)";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
