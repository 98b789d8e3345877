package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specloom.codegen.emit.site.SiteEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs site's files for the real specs: anchors, badges, search index, links, and nothing fetched from outside. */
class SiteEmitterTest {
  static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");
  static final Pattern LINK = Pattern.compile(" (?:href|src)=\"([^\"]*)\"");
  static List<Spec> specs;
  static Map<String, String> site;

  @BeforeAll
  static void generate() throws Exception {
    specs = SpecLoader.loadAll(List.of(Path.of("../specs/chargeover.yaml"), Path.of("../specs/chartmogul.yaml"),
        Path.of("../specs/stripe.yaml")));
    site = new SiteEmitter(specs).files();
  }

  @Test
  void anIndexOnePagePerProviderAndTheAssets() {
    assertEquals(List.of("index.html", "chargeover.html", "chartmogul.html", "stripe.html", "assets/search-index.js",
        "assets/site.css", "assets/site.js"), List.copyOf(site.keySet()));
    String index = site.get("index.html");
    for (Spec s : specs) {
      long writes = s.functions().stream().filter(Function::isWrite).count();
      assertTrue(index.contains("<h2><a href=\"" + s.provider() + ".html\">" + s.title() + "</a></h2>"), s.provider());
      assertTrue(index.contains("<p class=\"counts\">" + s.functions().size() + " functions · " + (s.functions().size() - writes)
          + " read · " + writes + " write</p>"), s.provider());
    }
    assertTrue(index.contains("<strong>Amounts are always in cents</strong>"), "summaries are rendered Markdown");
  }

  @Test
  void everyFunctionHasAnAnchoredHeadingWithItsBadgeAndAContentsEntry() {
    for (Spec s : specs) {
      String page = site.get(s.provider() + ".html");
      for (Function f : s.functions()) {
        String op = f.isWrite() ? "write" : "read";
        String heading = "<h3 id=\"" + f.name() + "\"><code>" + f.name() + "</code> <span class=\"badge " + op + "\">" + op + "</span>"
            + (f.destructive() ? " <span class=\"badge destructive\">destructive</span>" : "") + "</h3>";
        assertTrue(page.contains(heading), heading);
        assertTrue(page.contains("<li><a href=\"#" + f.name() + "\"><code>" + f.name() + "</code></a> <span class=\"badge " + op + "\">"),
            s.provider() + " contents " + f.name());
        assertTrue(page.contains("<h4 id=\"" + f.name() + "-parameters\">Parameters</h4>"), f.name());
      }
      long writes = s.functions().stream().filter(Function::isWrite).count();
      assertEquals(writes, count(page, "</code> <span class=\"badge write\">write</span>"), s.provider() + " heading badges");
      assertEquals(writes, count(page, "</code></a> <span class=\"badge write\">write</span>"), s.provider() + " contents badges");
      assertEquals(s.functions().size() - writes, count(page, "</code></a> <span class=\"badge read\">read</span>"), s.provider());
    }
    assertTrue(site.get("stripe.html").contains("<h3 id=\"delete_customer\"><code>delete_customer</code> <span class=\"badge write\">write</span>"
        + " <span class=\"badge destructive\">destructive</span></h3>"));
  }

  /** The functions' {@code reference} URLs: the one kind of link that leaves the site, followed only on a click. */
  static Set<String> providerReferences() {
    Set<String> out = new HashSet<>();
    for (Spec s : specs) for (Function f : s.functions()) f.reference().ifPresent(out::add);
    return out;
  }

  @Test
  void idsAreUniqueAndEveryInternalLinkHitsOne() {
    Set<String> pages = new HashSet<>();
    for (Spec s : specs) pages.add(s.provider() + ".html");
    for (var page : site.entrySet()) {
      if (!page.getKey().endsWith(".html")) continue;
      List<String> ids = all(ID, page.getValue());
      assertEquals(ids.size(), new HashSet<>(ids).size(), page.getKey() + " has duplicate ids");
      for (String link : all(LINK, page.getValue())) {
        if (providerReferences().contains(link)) continue;
        // The SDKs' Javadoc is copied in by the docs-site build; its tests follow these links.
        if (link.startsWith("javadoc/")) continue;
        if (link.startsWith("#")) {
          assertTrue(ids.contains(link.substring(1)), page.getKey() + " links to missing #" + link);
        } else {
          String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
          assertTrue(site.containsKey(file), page.getKey() + " links to missing " + link);
          if (link.contains("#")) assertTrue(all(ID, site.get(file)).contains(link.substring(link.indexOf('#') + 1)), link);
        }
      }
    }
    assertTrue(site.get("stripe.html").contains("<h2 id=\"pagination\">Pagination</h2>"));
    assertTrue(site.get("stripe.html").contains("<h2 id=\"multi-account-usage\">Multi-Account Usage</h2>"));
  }

  @Test
  void theSearchIndexIsAScriptListingEveryFunctionWithItsSummaryAndPlace() throws Exception {
    String js = site.get("assets/search-index.js");
    assertTrue(js.startsWith("window.SPECLOOM_SEARCH = [") && js.endsWith("];\n"), js.substring(0, 40));
    JsonNode entries = new ObjectMapper().readTree(js.substring("window.SPECLOOM_SEARCH = ".length(), js.length() - 2));
    List<String> expected = new ArrayList<>();
    for (Spec s : specs) for (Function f : s.functions()) expected.add(s.provider() + ".html#" + f.name());
    List<String> urls = new ArrayList<>();
    entries.forEach(e -> urls.add(e.get("url").asText()));
    assertEquals(expected, urls);
    JsonNode capture = entries.get(urls.indexOf("stripe.html#capture_payment_intent"));
    assertEquals("capture_payment_intent", capture.get("name").asText());
    assertEquals("stripe.stripe_capture_payment_intent", capture.get("fullName").asText());
    assertEquals("write", capture.get("operation").asText());
    assertEquals("Stripe", capture.get("provider").asText());
    assertEquals(specs.get(2).function("capture_payment_intent").orElseThrow().summary(), capture.get("summary").asText());
    assertEquals("read", entries.get(urls.indexOf("chartmogul.html#list_customers")).get("operation").asText());
  }

  @Test
  void pagesWorkOfflineAndOnPhones() {
    for (var file : site.entrySet()) {
      String text = file.getValue();
      if (file.getKey().endsWith(".html")) {
        assertTrue(text.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), file.getKey());
        assertTrue(text.contains("<script src=\"assets/search-index.js\"></script>\n<script src=\"assets/site.js\"></script>"), file.getKey());
        for (String link : all(LINK, text)) {
          if (providerReferences().contains(link)) continue; // a link out to the provider's own docs, loaded by nobody
          assertFalse(link.matches("(?i)^([a-z][a-z0-9+.-]*:|//).*"), file.getKey() + " refers outside the site: " + link);
        }
      }
      assertFalse(text.contains("@import") || text.contains("url("), file.getKey() + " loads a stylesheet resource");
      assertFalse(text.contains("fetch(") || text.contains("XMLHttpRequest") || text.contains("import("), file.getKey() + " fetches");
    }
    assertTrue(site.get("assets/site.css").contains("@media (max-width: 600px)"));
  }

  @Test
  void markdownIsEscapedNotPassedThrough(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("acme.yaml");
    Files.writeString(spec, Files.readString(Path.of("src/test/resources/fixtures/acme.yaml"))
        .replace("summary: A small fixture provider exercising each generator feature once.",
            "summary: \"Widgets <script>alert(1)</script> and [a link](javascript:alert(2)).\""));
    Map<String, String> files = new SiteEmitter(List.of(SpecLoader.load(spec))).files();
    for (String page : List.of("index.html", "acme.html")) {
      assertFalse(files.get(page).contains("<script>alert"), page);
      assertTrue(files.get(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page);
      assertFalse(files.get(page).contains("javascript:"), page);
    }
  }

  @Test
  void aProviderNamedIndexIsRefused(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("index.yaml");
    Files.writeString(spec, Files.readString(Path.of("src/test/resources/fixtures/acme.yaml")).replace("provider: acme", "provider: index").replace("integrations.acme.", "integrations.index."));
    var emitter = new SiteEmitter(List.of(SpecLoader.load(spec)));
    assertEquals("a provider cannot be named index", assertThrows(IllegalArgumentException.class, emitter::files).getMessage());
  }

  private static List<String> all(Pattern p, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) found.add(m.group(1));
    return found;
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }
}
