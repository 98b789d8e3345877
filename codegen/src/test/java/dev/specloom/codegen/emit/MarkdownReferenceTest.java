package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.emit.docs.MarkdownEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each element of the seed documents' shape, checked on the real Stripe, ChartMogul and ChargeOver references. */
class MarkdownReferenceTest {
  static Spec stripe;
  static String md;

  @BeforeAll
  static void render() throws Exception {
    stripe = SpecLoader.load(Path.of("../specs/stripe.yaml"));
    md = new MarkdownEmitter(stripe).reference();
  }

  @Test
  void titleAndOverviewCountReadsAndWrites() {
    assertTrue(md.startsWith("# Stripe — Lua API Reference\n\n**Functions:** [`create_customer`](#create_customer) · "
        + "[`get_customer`](#get_customer) · "), md.substring(0, 120));
    String index = md.substring(0, md.indexOf("\n\n## Overview\n\n"));
    assertEquals(stripe.functions().size(), count(index, "](#"), "a one-line index of every function");
    assertTrue(index.endsWith("[`get_balance`](#get_balance)"), index);
    assertTrue(md.contains("The integration provides 26 functions (10 read, 16 write). All calls go through "
        + "`app.integrations.stripe.<function>({ ... })`; each also answers to its full name (`stripe.stripe_create_customer`)."));
  }

  @Test
  void aFunctionLinksItsProviderReference() throws Exception {
    String acme = new MarkdownEmitter(SpecLoader.load(Path.of("src/test/resources/fixtures/acme.yaml"))).reference();
    assertTrue(acme.contains("- **HTTP:** `GET /v1/widgets`\n- **Provider reference:** <https://docs.acme.example/api/widgets#list>\n\n"),
        acme);
  }

  @Test
  void idPrefixesAndMoneyNotesComeFromTheSpec() {
    assertTrue(md.contains("## ID prefixes\n\nStripe objects use recognizable prefixes:\n\n| Prefix | Object |"));
    assertTrue(md.contains("| `pi_` | Payment Intent |\n"));
    assertTrue(md.contains("**Amounts are always in cents** (smallest currency unit): $10.00 is `1000`"));
  }

  @Test
  void authenticationAndConfigurationNameEveryKeyAndHowItIsSent() {
    assertTrue(md.contains("## Authentication\n\nStripe uses a **Secret API Key**"));
    assertTrue(md.contains("## Configuration\n\n"));
    assertTrue(md.contains("| `api_key` | secret | Secret API key (sk_live_... or sk_test_...). |\n"
        + "| `writes` | policy | `allow`, `ask` (default) or `deny` for write functions. |\n"));
    assertTrue(md.contains("Authentication: HTTP Basic with `api_key` as the user name and an empty password.\n"));
    assertTrue(md.contains("API root: `https://api.stripe.com`.\n"));
    assertTrue(md.indexOf("## Authentication") < md.indexOf("## Configuration"));
    assertTrue(md.indexOf("## Configuration") < md.indexOf("### `create_customer`"));
  }

  @Test
  void everyFunctionHasHeadingSummaryOperationFullNameParametersAndResult() {
    for (Function f : stripe.functions()) {
      String s = section(f.name());
      assertTrue(s.startsWith("### `" + f.name() + "`\n\n" + f.summary() + "\n\n"), f.name());
      assertTrue(s.contains("- **Operation:** " + (f.isWrite() ? "write" : "read")), f.name());
      assertTrue(s.contains("- **Full name:** `stripe.stripe_" + f.name() + "`\n"), f.name());
      assertTrue(s.contains("#### Parameters\n\n" + (f.params().isEmpty() ? "None." : "| Name | Type | Required | Default | Description |\n")), f.name());
      for (var p : f.params()) assertTrue(s.contains("| `" + p.name() + "` | "), f.name() + " " + p.name());
      assertTrue(s.contains("#### Result\n\n"), f.name());
    }
  }

  @Test
  void parameterRowsCarryTypeRequiredDefaultsRangesAndAllowedValues() {
    String s = section("create_payment_intent");
    assertTrue(s.contains("| `amount` | integer | yes |  | Amount in cents (e.g. 1000 = $10.00). (min: 1) |\n"));
    assertTrue(s.contains("| `capture_method` | string | no | \"automatic_async\" (provider) | When to capture the funds: "
        + "automatic_async (capture in the background once authorized), automatic, or manual (authorize now, "
        + "capture_payment_intent later). (one of: \"automatic\", \"automatic_async\", \"manual\") |\n"), s);
    assertTrue(section("list_customers").contains(
        "| `limit` | integer | no | 10 | Number of customers to return. (min: 1, max: 100) |\n"));
    assertTrue(md.contains("A plain default is sent by the SDK when the param is left out; one marked (provider) is "
        + "what the provider applies when nothing is sent."));
  }

  @Test
  void stripeDefaultsAreLabelledAsStripeAppliesThem() {
    String cancel = section("cancel_subscription");
    assertTrue(cancel.contains("| `prorate` | boolean | no | false (provider) | Whether to credit the unused time until the period "
        + "end with a proration invoice item. |\n"), cancel);
    assertTrue(cancel.contains("| `invoice_now` | boolean | no | false (provider) | Whether to generate a final invoice now for "
        + "un-invoiced metered usage and pending prorations. |\n"), cancel);
    String invoice = section("create_invoice");
    assertTrue(invoice.contains("| `auto_advance` | boolean | no | false (provider) | "), invoice);
    assertTrue(invoice.contains("collect it automatically. Invoices created through the API stay drafts unless this is true. |\n"), invoice);
  }

  @Test
  void examplesAreLuaBlocksWithTheirReturnComment() {
    String s = section("capture_payment_intent");
    Matcher m = Pattern.compile("#### Examples\n\n```lua\n(.*?)\n```\n", Pattern.DOTALL).matcher(s);
    assertTrue(m.find(), s);
    assertTrue(m.group(1).startsWith("-- Capture the full authorized amount\nlocal intent = app.integrations.stripe.capture_payment_intent({"));
    assertTrue(m.group(1).endsWith("-- Returns: { id = \"pi_ghi789\", amount = 10000, amount_capturable = 0, "
        + "amount_received = 7500, currency = \"usd\", status = \"succeeded\" }"));
  }

  @Test
  void resultShapeDocumentsNestedTablesOnce() {
    String s = new MarkdownEmitter(stripe).section(stripe.function("list_prices").orElseThrow(), "#", true);
    assertTrue(s.contains("A table (`PriceList`): One page of prices. A field marked `?` may be nil.\n\n| Field | Type | Description |"));
    assertTrue(s.contains("| `prices` | list of table (Price) |  |\n"));
    assertTrue(s.contains("Each `Price` table: What a product costs, once or per interval.\n\n"));
    assertTrue(s.contains("| `unit_amount`? | integer | Price in cents. |\n"));
    assertTrue(s.contains("Each `Recurring` table: How often a recurring price bills.\n\n"));
    assertEquals(1, count(s, "Each `Recurring` table"));
    assertEquals(0, count(md, "May be nil."));
  }

  @Test
  void theProviderPageDefinesEachResultTypeOnceAndLinksIt() {
    assertTrue(section("list_prices").contains("#### Result\n\nA [`PriceList`](#type-pricelist) table.\n"));
    assertTrue(section("get_customer").contains("#### Result\n\nA [`Customer`](#type-customer) table.\n"));
    String types = md.substring(md.indexOf("\n## Types\n"), md.indexOf("\n## Pagination\n"));
    assertTrue(types.startsWith("\n## Types\n\nThe tables functions return, each once. A field marked `?` may be nil.\n\n"));
    for (String model : new String[] {"Customer", "PriceList", "Price", "Recurring", "PaymentIntent"}) {
      assertEquals(1, count(md, "\n### `" + model + "`\n"), model);
    }
    assertTrue(types.contains("### `PriceList`\n\nOne page of prices.\n\n| Field | Type | Description |"));
    assertTrue(types.contains("| `unit_amount`? | integer | Price in cents. |\n"));
    assertEquals(0, count(md, "Each `"), "no result table is repeated under a function");
  }

  @Test
  void errorsAndTheGeneralPaginationParagraphAreRestored() {
    assertTrue(md.contains("\n## Errors\n\nA failed call raises a Lua error whose value is a table: `provider`, `fn`, `status`"));
    assertTrue(md.contains("Common statuses: 400 (a param the provider refused), 401 (wrong or missing credentials), 404 (no such "
        + "object), 429 (rate limited; reads and keyed writes are retried first)."));
    assertTrue(md.contains("\n## Pagination\n\nList functions return one page per call."));
  }

  @Test
  void paginationNotesThenWorkflowsThenMultiAccountCloseTheReference() {
    int pagination = md.indexOf("\n## Pagination\n\n");
    assertTrue(pagination > md.lastIndexOf("### `"), "pagination notes follow the functions");
    assertTrue(md.contains("- `list_customers`: pass the `id` of the last item of `customers` as `starting_after`; "
        + "`has_more` says whether more exist.\n"));
    assertTrue(md.indexOf("## Common Workflows") > pagination);
    assertTrue(md.endsWith("## Multi-Account Usage\n\n"
        + "If you have multiple Stripe accounts configured, use account-specific namespaces:\n\n"
        + "```lua\n-- Default account (always works)\napp.integrations.stripe.function_name({...})\n\n"
        + "-- Explicit default (portable across setups)\napp.integrations.stripe.default.function_name({...})\n\n"
        + "-- Named accounts\napp.integrations.stripe.production.function_name({...})\n"
        + "app.integrations.stripe.staging.function_name({...})\n```\n\n"
        + "All functions are identical across accounts — only the credentials differ.\n"));
  }

  @Test
  void aSpecPaginationSectionIsMergedIntoTheGeneratedOneAndPageSizesAreNamed() throws Exception {
    String chartmogul = new MarkdownEmitter(SpecLoader.load(Path.of("../specs/chartmogul.yaml"))).reference();
    assertEquals(1, count(chartmogul, "\n## Pagination\n"));
    int pagination = chartmogul.indexOf("\n## Pagination\n");
    assertTrue(chartmogul.indexOf("Lists page with a **cursor**") > pagination);
    assertTrue(chartmogul.indexOf("- `list_customers`: pass the result's `cursor`") > pagination);

    String chargeover = new MarkdownEmitter(SpecLoader.load(Path.of("../specs/chargeover.yaml"))).reference();
    assertTrue(chargeover.contains("- `list_invoices`: increase `page` (sent as `offset` = (page - 1) × `limit`) until a page "
        + "has fewer than `limit` items. Page size: `limit` (1–500, default 10).\n"));
    assertTrue(chargeover.contains("Authentication: HTTP Basic with `public_key` as the user name and `private_key` as the "
        + "password; or HTTP Basic from `access_token`, written as `USER:PASSWORD`.\n"));
  }

  @Test
  void oneFunctionsPageIsItsSectionWithTopLevelHeadings() {
    Function f = stripe.function("capture_payment_intent").orElseThrow();
    String page = new MarkdownEmitter(stripe).section(f, "#", true);
    String onProviderPage = section("capture_payment_intent").replace("\n#### ", "\n## ").replaceFirst("^### ", "# ");
    String result = "\n## Result\n\n";
    assertEquals(onProviderPage.substring(0, onProviderPage.indexOf(result)), page.substring(0, page.indexOf(result)));
    assertTrue(page.substring(page.indexOf(result)).startsWith(result + "A table (`PaymentIntent`)"), "its own page carries the table");
  }

  @Test
  void theSpecsExampleCredentialNeverAppears() {
    assertTrue(!md.contains("4eC39HqLyjWDarjtT1zdp7dc"));
  }

  private static String section(String fn) {
    int start = md.indexOf("### `" + fn + "`\n");
    assertTrue(start >= 0, fn);
    return md.substring(start, md.indexOf("\n---\n", start) + 1);
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }
}
