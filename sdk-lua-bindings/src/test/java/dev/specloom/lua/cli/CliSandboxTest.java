package dev.specloom.lua.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Function;
import dev.specloom.model.Spec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code specloom-lua run} on the offline sandbox: with no accounts file, and with {@code sandbox: true}
 * accounts; and every Lua example of the seed documents, run with no accounts file, exits 0.
 */
class CliSandboxTest {
  static final String NOTICE = Main.SANDBOX_NOTICE + "[stripe, chartmogul, chargeover])";

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run cli(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, name -> null);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
        err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
  }

  @Test
  void noAccountsFileRunsEveryProviderOnTheSandboxWithWritesAllowed() {
    Run r = cli("""
        local c = app.integrations.stripe.create_customer({ name = "Sandbox Co", email = "ops@sandbox.example" })
        print(c.id:sub(1, 4), c.name, app.integrations.stripe.get_customer({ id = c.id }).email)
        print(app.integrations.chartmogul.get_customer({ id = "cus_abc123" }).name)
        print(app.integrations.chargeover.get_customer({ id = 12 }).company)
        local ok, e = pcall(app.integrations.stripe.get_customer, { id = "cus_missing" })
        print(tostring(e))
        """, "run", "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("cus_\tSandbox Co\tops@sandbox.example\nAcme Corp\nAcme Corp\n"
        + "stripe.get_customer: 404 resource_missing: No such customer: 'cus_missing'\n", r.out());
    assertEquals(NOTICE + "\n", r.err());
  }

  @Test
  void theReadmeQuickstartRunsOnTheSandbox() {
    Run r = cli("", "run", Path.of("..", "examples", "quickstart.lua").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(NOTICE + "\n", r.err());
    assertEquals(""
        + "== Stripe: a product, a monthly price, a subscriber and a payment\n"
        + "Ada Lovelace subscribes to Quick Start Pro at 29.00 USD per month: sub_tGLuoI3AanwzBu (active)\n"
        + "Payment pi_RwtmrJ6Sj8OGN8 for 49.00 USD: succeeded\n"
        + "Balance available: 169.00 USD\n"
        + "Balance available: 45.00 EUR\n"
        + "== ChartMogul: monthly recurring revenue, Q1 2025\n"
        + "2025-01-31  MRR 50.00 USD  ARR 600.00 USD  customers 1\n"
        + "2025-02-28  MRR 70.00 USD  ARR 840.00 USD  customers 2\n"
        + "2025-03-31  MRR 70.00 USD  ARR 840.00 USD  customers 2\n"
        + "== ChargeOver: open invoices\n"
        + "#1001  1500.00 USD  due 2025-03-31  (Unpaid)\n"
        + "#1002  250.00 USD  due 2025-02-14  (Over Due)\n"
        + "#1003  1200.00 GBP  due 2025-04-04  (Unpaid)\n"
        + "== A typo is caught before any request: stripe.get_customer: unknown key 'custmer'; valid keys: id\n", r.out());
  }

  @Test
  void stateLastsForOneRunOnly() {
    String script = "app.integrations.stripe.delete_customer({ id = 'cus_abc123' })\n"
        + "print(#app.integrations.stripe.list_customers({}).customers)";
    assertEquals("2\n", cli(script, "run", "-").out());
    assertEquals("2\n", cli(script, "run", "-").out());
  }

  @Test
  void anAccountWithSandboxTrueUsesTheSandboxAndItsWritePolicy() throws IOException {
    Path accounts = dir.resolve("accounts.yaml");
    Files.writeString(accounts, "stripe:\n  default: { sandbox: true }\n  ro: { sandbox: true, writes: deny }\n");
    Run r = cli("print(app.integrations.stripe.create_product({ name = 'Widget' }).name)\n"
        + "print(pcall(app.integrations.stripe.ro.create_product, { name = 'Nope' }))", "run", "--accounts", accounts.toString(), "-");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Widget\nfalse\t"), r.out());
    assertTrue(r.out().contains("deny"), r.out());
    assertEquals(NOTICE + "\n", r.err());
  }

  @Test
  void aSandboxAccountTakesNoCredentials() throws IOException {
    Path accounts = dir.resolve("accounts.yaml");
    Files.writeString(accounts, "stripe:\n  default: { sandbox: true, api_key: sk_test_x }\n");
    Run r = cli("print('must not run')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("stripe.default: a sandbox account takes only 'writes'"), r.err());
    assertFalse(r.err().contains("sk_test_x"), r.err());
  }

  @Test
  void anAccountsFileWithoutSandboxAccountsStartsNoSandbox() throws IOException {
    Path accounts = dir.resolve("accounts.yaml");
    Files.writeString(accounts, "stripe:\n  default: { api_key: sk_test_x, base_url: \"http://127.0.0.1:9\" }\n");
    Run r = cli("print('hi')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
  }

  /**
   * The Lua blocks of the seed documents, from the verbatim copy in src/test/resources/seeds/examples.txt (one
   * block per "=== file:line" header). A block that shows several of a spec function's titled examples one
   * after another is split at those titles, as the spec splits them; the block that sketches the namespace
   * ({@code function_name({...})}) and the metadata-derived ones with {@code "example_..."} values are no examples.
   */
  static Stream<Arguments> seedExamples() throws Exception {
    Set<String> titles = new HashSet<>();
    for (String p : List.of("stripe", "chartmogul", "chargeover")) {
      Spec spec = SpecLoader.load(Path.of("..", "specs", p + ".yaml"));
      for (Function f : spec.functions()) f.examples().forEach(e -> titles.add("-- " + e.title()));
    }
    List<Arguments> out = new ArrayList<>();
    String[] blocks = Files.readString(Path.of("src/test/resources/seeds/examples.txt")).split("(?m)^=== ");
    for (String block : blocks) {
      // Placeholders, not examples: SeedDocumentsTest shows each ends in a clear error before anything is sent.
      if (block.isBlank() || block.contains("function_name(") || block.contains("\"example_")) continue;
      String where = block.substring(0, block.indexOf('\n')).replaceFirst(" emails:.*", "");
      int piece = 1;
      StringBuilder current = new StringBuilder();
      for (String line : block.substring(block.indexOf('\n') + 1).split("\n")) {
        if (titles.contains(line.strip()) && current.toString().contains("app.integrations")) {
          out.add(Arguments.of(where + "." + piece++, current.toString()));
          current.setLength(0);
        }
        current.append(line).append('\n');
      }
      out.add(Arguments.of(where + "." + piece, current.toString()));
    }
    return out.stream();
  }

  /**
   * Seed examples the live API refuses, with the refusal the sandbox answers in its place: confirming without a
   * return_url an intent that accepts redirect-based methods, voiding drafts (Stripe deletes them), and
   * confirming the seed data's pi_ghi789, which awaits capture (the spec's own example starts from the state its
   * sandbox.given declares).
   */
  static final Map<String, String> REFUSED_AS_LIVE = Map.of(
      "003_08102dc6c6e0655f.txt:889.1", "stripe.confirm_payment_intent: 400 payment_intent_unexpected_state: You cannot confirm "
          + "this PaymentIntent because it has a status of requires_capture.",
      "003_08102dc6c6e0655f.txt:1152.1", "stripe.confirm_payment_intent: 400 A `return_url` must be specified",
      "003_08102dc6c6e0655f.txt:1174.1", "stripe.confirm_payment_intent: 400 A `return_url` must be specified",
      "003_08102dc6c6e0655f.txt:1214.1", "stripe.void_invoice: 400 invoice_unexpected_state: This invoice's status is draft;");

  /**
   * Seed examples that print fields ChartMogul's answers do not have (plan amount and currency, invoice amount,
   * the account's user name and e-mail; each function's description says so): on the simulator, as on the live
   * API, the field is nil and the script ends in Lua's error at that line.
   */
  static final Map<String, String> READS_MISSING_FIELDS = Map.of(
      "000_8961b1d7b0bec7a9.txt:200.1", "stdin:5 attempt to concatenate string and nil",
      "000_8961b1d7b0bec7a9.txt:218.1", "stdin:7 attempt to concatenate nil and string",
      "000_8961b1d7b0bec7a9.txt:262.1", "stdin:2 attempt to concatenate nil and string");

  @ParameterizedTest(name = "{0}")
  @MethodSource("seedExamples")
  void everySeedLuaExampleRunsWithNoAccountsFile(String name, String lua) {
    Run r = cli(lua, "run", "-");
    if (REFUSED_AS_LIVE.containsKey(name)) {
      assertEquals(1, r.code(), name + ": " + r.err());
      assertTrue(r.err().contains("\n" + REFUSED_AS_LIVE.get(name)), name + ": " + r.err());
      return;
    }
    if (READS_MISSING_FIELDS.containsKey(name)) {
      assertEquals(1, r.code(), name);
      assertEquals(NOTICE + "\n" + READS_MISSING_FIELDS.get(name) + "\n", r.err(), name);
      return;
    }
    assertEquals(0, r.code(), name + ": " + r.err());
    assertEquals(NOTICE + "\n", r.err(), name);
    assertFalse(r.out().contains("nil") || r.out().contains("table: 0x"), name + " printed " + r.out());
    if (lua.contains("print(")) assertFalse(r.out().isBlank(), name + " printed nothing");
  }
}
