package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code lua_read_doc("integrations")} lists the providers, and each provider's reference stays small: what an
 * agent reads is measured here (bytes of UTF-8) against a budget, with every result table once and no
 * per-row "May be nil.".
 */
class DocsIndexTest {
  /** Bytes per provider page; the issue-15 rewrite brought them to about these sizes (from 76, 59 and 19 KB). */
  static final Map<String, Integer> BUDGET = Map.of("stripe", 52_000, "chartmogul", 52_000, "chargeover", 18_000);

  final List<String> printed = new ArrayList<>();
  final IntegrationHost host = IntegrationHost.builder().bindings(Bindings.all()).build();

  @Test
  void theIntegrationsPageListsEveryProviderWithItsCountsAndOverview() {
    ScriptResult r = host.run("print(lua_read_doc(\"integrations\"))", "index.lua", printed::add);
    assertTrue(r.ok(), r.error());
    String index = String.join("\n", printed);
    assertTrue(index.startsWith("# Integrations\n\nRead a provider's reference with `lua_read_doc(\"integrations.<provider>\")`"), index);
    assertTrue(index.contains("\n- `integrations.stripe` — Stripe: 26 functions (10 read, 16 write). Customers, products, prices,"), index);
    assertTrue(index.contains("\n- `integrations.chartmogul` — ChartMogul: 31 functions ("), index);
    assertTrue(index.contains("\n- `integrations.chargeover` — ChargeOver: 7 functions (7 read, 0 write). ChargeOver tools provide"), index);
    assertTrue(index.length() < 2_000, "the index is " + index.length() + " characters");
  }

  @Test
  void anUnknownPageNamesTheIndexAmongThePages() {
    ScriptResult r = host.run("print(lua_read_doc(\"integration\"))", "unknown.lua", printed::add);
    assertTrue(r.ok(), r.error());
    assertTrue(printed.get(0).contains("Pages: integrations, integrations."), printed.get(0));
  }

  @Test
  void eachProviderPageIsWithinItsBudgetAndDefinesEachResultTableOnce() {
    StringBuilder sizes = new StringBuilder("lua_read_doc bytes:");
    for (String provider : List.of("stripe", "chartmogul", "chargeover")) {
      printed.clear();
      ScriptResult r = host.run("print(lua_read_doc(\"integrations." + provider + "\"))", provider + ".lua", printed::add);
      assertTrue(r.ok(), r.error());
      String page = String.join("\n", printed);
      int bytes = page.getBytes(StandardCharsets.UTF_8).length;
      sizes.append(' ').append(provider).append('=').append(bytes);
      assertTrue(bytes <= BUDGET.get(provider), provider + " reference is " + bytes + " bytes, over its budget " + BUDGET.get(provider));
      assertEquals(-1, page.indexOf("May be nil."), provider);
      assertTrue(page.contains("\n## Types\n"), provider);
      for (String line : page.split("\n")) {
        if (line.startsWith("### `") && page.contains("](#type-")) {
          assertEquals(page.indexOf("\n" + line + "\n"), page.lastIndexOf("\n" + line + "\n"), provider + ": " + line + " twice");
        }
      }
    }
    System.out.println(sizes);
  }
}
