package dev.specloom.lua;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * One Lua 5.2 pattern matched against one subject string, as {@code string.find}, {@code match},
 * {@code gmatch} and {@code gsub} use it: character classes in the C locale ({@code %a %c %d %g %l %p %s %u
 * %w %x %z} and their upper-case complements), sets, the quantifiers {@code * + - ?}, anchors, captures,
 * position captures, back references, {@code %b} and {@code %f}.
 *
 * <p>Unlike LuaJ's matcher it has a step budget: every character test is a step, and every {@value #BATCH}
 * steps it checks the running script's deadline ({@link ScriptBudget#checkDeadline}), so a pattern that would
 * backtrack for hours ends cooperatively on the script's own thread. Recursion (one level per capture,
 * optional item or repetition) is capped, so a very long pattern is an error instead of a stack overflow.
 */
final class LuaPattern {
  static final int MAX_CAPTURES = 32;
  private static final int MAX_DEPTH = 200;
  private static final int UNFINISHED = -1;
  private static final int POSITION = -2;
  /** Steps between two deadline checks; reading the clock per character would dominate matching. */
  private static final int BATCH = 1024;

  private final byte[] s;
  private final int sOff;
  private final int sLen;
  private final byte[] p;
  private final int pOff;
  private final int pLen;
  private final ScriptBudget budget;
  private final int[] capStart = new int[MAX_CAPTURES];
  private final int[] capLen = new int[MAX_CAPTURES];
  private int level;
  private int depth;
  private int steps;

  LuaPattern(LuaString subject, LuaString pattern, ScriptBudget budget) {
    this.s = subject.m_bytes;
    this.sOff = subject.m_offset;
    this.sLen = subject.m_length;
    this.p = pattern.m_bytes;
    this.pOff = pattern.m_offset;
    this.pLen = pattern.m_length;
    this.budget = budget;
  }

  /** Characters that make a pattern more than plain text for {@code find}. */
  static boolean hasSpecials(LuaString pattern) {
    for (int i = 0; i < pattern.m_length; i++) {
      if ("^$*+?.([%-".indexOf(pattern.m_bytes[pattern.m_offset + i]) >= 0) return true;
    }
    return false;
  }

  /** Where {@code needle} first occurs in {@code hay} at or after {@code from} (0-based), or -1; checks the deadline. */
  static int plainFind(LuaString hay, LuaString needle, int from, ScriptBudget budget) {
    int n = needle.m_length;
    int work = 0;
    for (int i = from; i + n <= hay.m_length; i++) {
      int j = 0;
      while (j < n && hay.m_bytes[hay.m_offset + i + j] == needle.m_bytes[needle.m_offset + j]) j++;
      work += j + 1;
      if (work >= BATCH) {
        budget.checkDeadline();
        work = 0;
      }
      if (j == n) return i;
    }
    return -1;
  }

  /** Whether the pattern starts with {@code ^} (find, match and gsub anchor there; gmatch does not). */
  boolean anchored() {
    return pLen > 0 && p[pOff] == '^';
  }

  /**
   * Tries the pattern (from pattern index {@code from}, 1 past an anchor) at subject index {@code at}; the end of
   * the match, or -1. Captures of a successful match stay readable until the next call.
   */
  int matchAt(int at, int from) {
    level = 0;
    depth = 0;
    return match(at, from);
  }

  int captureCount() {
    return level;
  }

  /**
   * Capture {@code i} of the last match from {@code start} to {@code end}, or the whole match when there are
   * no captures and {@code i} is 0.
   */
  LuaValue capture(int i, int start, int end) {
    if (i >= level) {
      if (i == 0) return LuaString.valueUsing(s, sOff + start, end - start);
      throw new LuaError("invalid capture index");
    }
    int len = capLen[i];
    if (len == UNFINISHED) throw new LuaError("unfinished capture");
    if (len == POSITION) return LuaValue.valueOf(capStart[i] + 1);
    return LuaString.valueUsing(s, sOff + capStart[i], len);
  }

  private int match(int si, int pi) {
    if (++depth > MAX_DEPTH) throw new LuaError("pattern too complex");
    try {
      while (true) {
        if (pi == pLen) return si;
        switch (p[pOff + pi]) {
          case '(':
            if (pi + 1 < pLen && p[pOff + pi + 1] == ')') return startCapture(si, pi + 2, POSITION);
            return startCapture(si, pi + 1, UNFINISHED);
          case ')':
            return endCapture(si, pi + 1);
          case '$':
            if (pi + 1 == pLen) return si == sLen ? si : -1;
            break;
          case '%':
            if (pi + 1 < pLen) {
              byte next = p[pOff + pi + 1];
              if (next == 'b') {
                si = balance(si, pi + 2);
                if (si == -1) return -1;
                pi += 4;
                continue;
              }
              if (next == 'f') {
                pi += 2;
                if (pi >= pLen || p[pOff + pi] != '[') throw new LuaError("missing '[' after '%f' in pattern");
                int ep = classEnd(pi);
                int before = si == 0 ? 0 : s[sOff + si - 1] & 0xFF;
                int here = si < sLen ? s[sOff + si] & 0xFF : 0;
                if (inSet(before, pi, ep - 1) || !inSet(here, pi, ep - 1)) return -1;
                pi = ep;
                continue;
              }
              if (next >= '0' && next <= '9') {
                si = backReference(si, next);
                if (si == -1) return -1;
                pi += 2;
                continue;
              }
            }
            break;
          default:
            break;
        }
        int ep = classEnd(pi);
        boolean m = si < sLen && single(s[sOff + si] & 0xFF, pi, ep);
        if (ep < pLen) {
          switch (p[pOff + ep]) {
            case '?': {
              if (m) {
                int r = match(si + 1, ep + 1);
                if (r != -1) return r;
              }
              pi = ep + 1;
              continue;
            }
            case '+':
              return m ? maxExpand(si + 1, pi, ep) : -1;
            case '*':
              return maxExpand(si, pi, ep);
            case '-':
              return minExpand(si, pi, ep);
            default:
              break;
          }
        }
        if (!m) return -1;
        si++;
        pi = ep;
      }
    } finally {
      depth--;
    }
  }

  private int maxExpand(int si, int pi, int ep) {
    int i = 0;
    while (si + i < sLen && single(s[sOff + si + i] & 0xFF, pi, ep)) i++;
    for (; i >= 0; i--) {
      int r = match(si + i, ep + 1);
      if (r != -1) return r;
    }
    return -1;
  }

  private int minExpand(int si, int pi, int ep) {
    while (true) {
      int r = match(si, ep + 1);
      if (r != -1) return r;
      if (si < sLen && single(s[sOff + si] & 0xFF, pi, ep)) si++;
      else return -1;
    }
  }

  private int startCapture(int si, int pi, int what) {
    if (level >= MAX_CAPTURES) throw new LuaError("too many captures");
    capStart[level] = si;
    capLen[level] = what;
    level++;
    int r = match(si, pi);
    if (r == -1) level--;
    return r;
  }

  private int endCapture(int si, int pi) {
    int open = -1;
    for (int i = level - 1; i >= 0; i--) {
      if (capLen[i] == UNFINISHED) {
        open = i;
        break;
      }
    }
    if (open < 0) throw new LuaError("invalid pattern capture");
    capLen[open] = si - capStart[open];
    int r = match(si, pi);
    if (r == -1) capLen[open] = UNFINISHED;
    return r;
  }

  private int balance(int si, int pi) {
    if (pi + 1 >= pLen) throw new LuaError("malformed pattern (missing arguments to '%b')");
    if (si >= sLen || s[sOff + si] != p[pOff + pi]) return -1;
    byte open = p[pOff + pi];
    byte close = p[pOff + pi + 1];
    int nesting = 1;
    while (++si < sLen) {
      tick();
      byte c = s[sOff + si];
      if (c == close) {
        if (--nesting == 0) return si + 1;
      } else if (c == open) {
        nesting++;
      }
    }
    return -1;
  }

  private int backReference(int si, byte digit) {
    int i = digit - '1';
    if (i < 0 || i >= level || capLen[i] == UNFINISHED) throw new LuaError("invalid capture index");
    int len = capLen[i];
    if (len < 0 || sLen - si < len) return -1;
    for (int k = 0; k < len; k++) {
      tick();
      if (s[sOff + capStart[i] + k] != s[sOff + si + k]) return -1;
    }
    return si + len;
  }

  /** Index just past the single-character class that starts at {@code pi}. */
  private int classEnd(int pi) {
    byte c = p[pOff + pi++];
    if (c == '%') {
      if (pi >= pLen) throw new LuaError("malformed pattern (ends with '%')");
      return pi + 1;
    }
    if (c == '[') {
      if (pi < pLen && p[pOff + pi] == '^') pi++;
      // The first character of a set is always a member, so "[]]" is the set of ']'.
      do {
        if (pi >= pLen) throw new LuaError("malformed pattern (missing ']')");
        byte member = p[pOff + pi++];
        if (member == '%' && pi < pLen) pi++;
      } while (pi >= pLen || p[pOff + pi] != ']');
      return pi + 1;
    }
    return pi;
  }

  /** Whether character {@code c} matches the class from {@code pi} to {@code ep} (exclusive). */
  private boolean single(int c, int pi, int ep) {
    tick();
    byte kind = p[pOff + pi];
    return switch (kind) {
      case '.' -> true;
      case '%' -> classMatches(c, p[pOff + pi + 1] & 0xFF);
      case '[' -> inSet(c, pi, ep - 1);
      default -> (kind & 0xFF) == c;
    };
  }

  /** A set from the '[' at {@code pi} to the ']' at {@code close}. */
  private boolean inSet(int c, int pi, int close) {
    boolean member = true;
    if (p[pOff + pi + 1] == '^') {
      member = false;
      pi++;
    }
    while (++pi < close) {
      int here = p[pOff + pi] & 0xFF;
      if (here == '%') {
        pi++;
        if (classMatches(c, p[pOff + pi] & 0xFF)) return member;
      } else if (pi + 2 < close && p[pOff + pi + 1] == '-') {
        if (here <= c && c <= (p[pOff + pi + 2] & 0xFF)) return member;
        pi += 2;
      } else if (here == c) {
        return member;
      }
    }
    return !member;
  }

  /** {@code %x}-style classes in the C locale: only ASCII characters belong to a named class. */
  private static boolean classMatches(int c, int cls) {
    boolean r;
    switch (Character.toLowerCase((char) cls)) {
      case 'a' -> r = isAlpha(c);
      case 'c' -> r = c < 32 || c == 127;
      case 'd' -> r = c >= '0' && c <= '9';
      case 'g' -> r = c > 32 && c < 127;
      case 'l' -> r = c >= 'a' && c <= 'z';
      case 'p' -> r = c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
      case 's' -> r = c == ' ' || (c >= 9 && c <= 13);
      case 'u' -> r = c >= 'A' && c <= 'Z';
      case 'w' -> r = isAlpha(c) || (c >= '0' && c <= '9');
      case 'x' -> r = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      case 'z' -> r = c == 0;
      default -> {
        return cls == c;
      }
    }
    return cls >= 'A' && cls <= 'Z' ? !r : r;
  }

  private static boolean isAlpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private void tick() {
    if (++steps >= BATCH) {
      budget.checkDeadline();
      steps = 0;
    }
  }
}
