package dev.specloom.codegen.emit.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import java.util.List;

/**
 * The search index as a script that sets {@code window.SPECLOOM_SEARCH}: pages load it with a script tag,
 * which browsers allow from {@code file://} where fetching a JSON file is blocked.
 */
final class SearchIndex {
  static final String GLOBAL = "SPECLOOM_SEARCH";

  private SearchIndex() {}

  static ArrayNode entries(List<Spec> specs) {
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    for (Spec spec : specs) {
      for (Function f : spec.functions()) {
        entries.addObject()
            .put("name", f.name())
            .put("fullName", spec.provider() + "." + (f.aliases().isEmpty() ? f.name() : f.aliases().get(0)))
            .put("summary", f.summary())
            .put("operation", f.isWrite() ? "write" : "read")
            .put("provider", spec.title())
            .put("url", SiteEmitter.page(spec.provider()) + "#" + f.name());
      }
    }
    return entries;
  }

  static String script(List<Spec> specs) {
    try {
      return "window." + GLOBAL + " = " + new ObjectMapper().writeValueAsString(entries(specs)) + ";\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
