package dev.specloom.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One way to authenticate. Templates name credentials as {@code {name}}. */
public sealed interface AuthScheme {

  /** The scheme as a spec spells it: {@code basic}, {@code basic_pair} or {@code bearer}. */
  String spelling();

  /** The scheme's templates by their spec key ({@code username}, {@code password}, {@code token}), in order. */
  Map<String, String> templates();

  /** The credentials the templates name, in order of appearance. */
  default List<String> credentials() {
    List<String> out = new ArrayList<>();
    templates().values().forEach(t -> out.addAll(Placeholders.in(t)));
    return out;
  }

  /** HTTP Basic from a user name and a password template. */
  record Basic(String username, String password) implements AuthScheme {
    public String spelling() {
      return "basic";
    }

    public Map<String, String> templates() {
      Map<String, String> t = new LinkedHashMap<>();
      t.put("username", username);
      t.put("password", password);
      return t;
    }
  }

  /** HTTP Basic from one template that holds {@code user:password} already. */
  record BasicPair(String token) implements AuthScheme {
    public String spelling() {
      return "basic_pair";
    }

    public Map<String, String> templates() {
      return Map.of("token", token);
    }
  }

  /** {@code Authorization: Bearer} with a token template. */
  record Bearer(String token) implements AuthScheme {
    public String spelling() {
      return "bearer";
    }

    public Map<String, String> templates() {
      return Map.of("token", token);
    }
  }
}
