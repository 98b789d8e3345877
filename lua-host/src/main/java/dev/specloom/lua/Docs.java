package dev.specloom.lua;

import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code lua_read_doc(page)}: the Markdown reference each SDK jar carries, emitted from the same spec.
 * Pages are {@code integrations} (the providers), {@code integrations.<provider>} and
 * {@code integrations.<provider>.<function>} (or an alias).
 */
final class Docs {
  private static final String INDEX = "integrations";
  private static final String OVERVIEW = "\n## Overview\n\n";
  private final Map<String, ProviderBinding> bindings;

  Docs(Map<String, ProviderBinding> bindings) {
    this.bindings = bindings;
  }

  String read(String page) {
    if (page.equals(INDEX)) return index();
    String[] parts = page.split("\\.");
    if (parts.length >= 2 && parts[0].equals("integrations") && bindings.containsKey(parts[1])) {
      ProviderBinding b = bindings.get(parts[1]);
      if (parts.length == 2) return resource(b, b.provider());
      if (parts.length == 3) {
        for (FunctionSpec f : b.functions()) {
          if (f.name().equals(parts[2]) || f.aliases().contains(parts[2])) return resource(b, f.name());
        }
      }
    }
    return "No documentation page " + dev.specloom.runtime.Suggest.quoted(page) + dev.specloom.runtime.Suggest.didYouMean(page, pages())
        + ". Pages: " + String.join(", ", pages().stream().filter(p -> p.chars().filter(c -> c == '.').count() <= 1).toList())
        + ", and integrations.<provider>.<function> for one function.";
  }

  /**
   * {@code lua_read_doc("integrations")}: one line per provider, its title and overview taken from its reference
   * (the emitter writes {@code # <title> — Lua API Reference} and the summary as the first paragraph of Overview).
   */
  private String index() {
    StringBuilder md = new StringBuilder("# Integrations\n\n")
        .append("Read a provider's reference with `lua_read_doc(\"integrations.<provider>\")` and one function's with ")
        .append("`lua_read_doc(\"integrations.<provider>.<function>\")`.\n\n");
    for (ProviderBinding b : bindings.values()) {
      String reference = resource(b, b.provider());
      String title = reference.substring(2, reference.indexOf(" — "));
      int overview = reference.indexOf(OVERVIEW);
      String summary = overview < 0 ? "" : reference.substring(overview + OVERVIEW.length(),
          reference.indexOf("\n\n", overview + OVERVIEW.length())).replace('\n', ' ');
      long writes = b.functions().stream().filter(FunctionSpec::write).count();
      md.append("- `integrations.").append(b.provider()).append("` — ").append(title).append(": ")
          .append(b.functions().size()).append(" functions (").append(b.functions().size() - writes).append(" read, ")
          .append(writes).append(" write). ").append(summary).append('\n');
    }
    return md.toString();
  }

  List<String> pages() {
    List<String> out = new ArrayList<>(List.of(INDEX));
    for (ProviderBinding b : bindings.values()) {
      out.add("integrations." + b.provider());
      for (FunctionSpec f : b.functions()) out.add("integrations." + b.provider() + "." + f.name());
    }
    return out;
  }

  /** From the glue's own class loader, which sees its SDK's jar even where the host's loader does not. */
  private static String resource(ProviderBinding b, String page) {
    String path = "dev/specloom/" + b.provider() + "/docs/" + page + ".md";
    try (InputStream in = b.getClass().getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing generated doc " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
