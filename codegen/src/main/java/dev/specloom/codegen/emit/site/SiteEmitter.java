package dev.specloom.codegen.emit.site;

import dev.specloom.codegen.emit.GeneratedFile;
import dev.specloom.model.Spec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static docs site: an index of providers and one page per provider, rendered from the Markdown reference
 * (the text {@code lua_read_doc} returns), with a search over function names and summaries. Pages sit in one
 * folder and link relatively, and the search index is a script rather than a JSON file to fetch, so the site
 * works from {@code file://} with no server and no network.
 */
public final class SiteEmitter {
  private final List<Spec> specs;

  public SiteEmitter(List<Spec> specs) {
    this.specs = List.copyOf(specs);
  }

  /** The page a provider's reference is on, relative to the site's root. */
  public static String page(String provider) {
    return provider + ".html";
  }

  /** Every file of {@link #files()}. */
  public List<GeneratedFile> generated() {
    return files().entrySet().stream().map(f -> GeneratedFile.site(f.getKey(), f.getValue())).toList();
  }

  /** The site, file by file: relative path to content. */
  public Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("index.html", Layout.index(specs));
    for (Spec spec : specs) {
      if (page(spec.provider()).equals("index.html")) throw new IllegalArgumentException("a provider cannot be named index");
      files.put(page(spec.provider()), Layout.provider(spec, ReferencePage.render(spec)));
    }
    files.put(Layout.SEARCH_INDEX, SearchIndex.script(specs));
    files.put(Layout.STYLE, asset("site.css"));
    files.put(Layout.SCRIPT, asset("site.js"));
    return files;
  }

  private static String asset(String name) {
    try (InputStream in = SiteEmitter.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing site asset " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
