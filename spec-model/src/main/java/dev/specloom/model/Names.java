package dev.specloom.model;

/** The one camel-case rule for names derived from spec names ({@code list_customers} → {@code ListCustomers}). */
public final class Names {
  private Names() {}

  /** snake_case or kebab-case → UpperCamel. Runs for every name the emitters print, so it scans characters. */
  public static String upperCamel(String snake) {
    StringBuilder b = new StringBuilder(snake.length());
    boolean wordStart = true;
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      if (c == '_' || c == '-') {
        wordStart = true;
      } else {
        b.append(wordStart ? Character.toUpperCase(c) : c);
        wordStart = false;
      }
    }
    return b.toString();
  }

  public static String lowerCamel(String snake) {
    String u = upperCamel(snake);
    return u.isEmpty() ? u : Character.toLowerCase(u.charAt(0)) + u.substring(1);
  }
}
