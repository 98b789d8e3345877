package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.CreateCustomerParams;
import dev.specloom.stripe.GetBalanceParams;
import dev.specloom.stripe.StripeClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The text of errors and dry runs: a provider error that echoes the account's key is masked in Java and in Lua,
 * a value the script typed is never masked (masking it would confirm a guess), ordinary words stay as they
 * are, huge keys are named briefly, numbers too large for an integer are "out of range", and Stripe metadata
 * keys with brackets are refused.
 */
class ErrorTextTest {
  static final String KEY = "sk_test_EchoSecret_5b2e71";
  static final String BASIC = Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));

  WireServer server;

  @BeforeEach
  void start() {
    server = new WireServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  IntegrationHost host(boolean dryRun) {
    return IntegrationHost.builder().bindings(Bindings.all()).dryRun(dryRun)
        .account(new Account("stripe", "default", Map.of("api_key", KEY), Map.of(), server.url("/"), WritePolicy.ALLOW))
        .build();
  }

  static List<String> lua(IntegrationHost host, String script) {
    List<String> printed = Collections.synchronizedList(new ArrayList<>());
    ScriptResult r = host.run(script, "errors.lua", printed::add);
    assertTrue(r.ok(), r.error());
    return printed;
  }

  static final String ECHO = "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"api_key_invalid\",\"message\":"
      + "\"Invalid API Key provided: " + KEY + " (sent as Basic " + BASIC + ")\",\"param\":\"" + KEY + "\"}}";

  @Test
  void aProviderErrorThatEchoesTheKeyIsMaskedInJavaAndLua() {
    server.reply(401, ECHO, "Request-Id", "req_" + KEY);
    List<String> out = lua(host(false), """
        local ok, e = pcall(app.integrations.stripe.get_balance, {})
        print(tostring(e))
        print(e.message)
        print(e.param)
        print(e.request_id)
        """);
    assertEquals(List.of("stripe.get_balance: 401 api_key_invalid: Invalid API Key provided: *** (sent as Basic ***)",
        "Invalid API Key provided: *** (sent as Basic ***)", "***", "req_***"), out);

    server.reply(401, ECHO);
    StripeClient stripe = StripeClient.builder().apiKey(KEY).baseUrl(server.url("/")).maxRetries(0).build();
    ProviderException e = assertThrows(ProviderException.class, () -> stripe.getBalance(GetBalanceParams.builder().build()));
    assertEquals("stripe.get_balance: 401 api_key_invalid: Invalid API Key provided: *** (sent as Basic ***)", e.getMessage());
    assertEquals("Invalid API Key provided: *** (sent as Basic ***)", e.providerMessage());
    assertEquals("***", e.param());

    // A body that is not JSON becomes the message too, masked the same way.
    server.reply(502, "<html>bad gateway for " + KEY + "</html>");
    ProviderException html = assertThrows(ProviderException.class, () -> stripe.getBalance(GetBalanceParams.builder().build()));
    assertEquals("stripe.get_balance: 502: <html>bad gateway for ***</html>", html.getMessage());
  }

  @Test
  void aValueTheScriptTypedIsShownAsTypedEvenWhenItIsTheKey() {
    IntegrationHost host = host(false);
    for (String guess : List.of("sk_test_NotTheKey_000000", KEY)) {
      server.reply(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such customer: '" + guess + "'\"}}");
      List<String> out = lua(host, "local ok, e = pcall(app.integrations.stripe.get_customer, { id = '" + guess + "' }) print(e.message)");
      assertEquals(List.of("No such customer: '" + guess + "'"), out, "the answer must not depend on whether the guess is right");
    }
  }

  @Test
  void dryRunsShowWhatTheScriptTypedWithoutRewritingWords() {
    ProviderBinding stripeBinding = Bindings.all().stream().filter(b -> b.provider().equals("stripe")).findFirst().orElseThrow();
    IntegrationHost offline = IntegrationHost.builder().bindings(Bindings.all()).dryRun(true)
        .account(OfflineAccounts.account(stripeBinding, "default", server.url("/"), WritePolicy.ALLOW)).build();
    assertEquals(List.of("name=sandbox+team&description=the+sandbox+account"), lua(offline,
        "print(app.integrations.stripe.create_customer({ name = 'sandbox team', description = 'the sandbox account' }).body)"));

    // The key typed by the script is just a value: masking it would tell the script it guessed right.
    List<String> out = lua(host(true), """
        local req = app.integrations.stripe.create_customer({ name = "%s" })
        print(req.body)
        print(req.headers.Authorization)
        """.formatted(KEY));
    assertEquals(List.of("name=" + KEY, "nil"), out);
    assertEquals(0, server.requestCount());
  }

  @Test
  void hugeKeysAreNamedBriefly() {
    List<String> out = lua(host(false), """
        local big = string.rep("k", 20000000)
        print(select(2, pcall(app.integrations.stripe.list_customers, { [big] = 1 })))
        print(select(2, pcall(function() return app.integrations.stripe[big] end)))
        print(lua_read_doc(big):sub(1, 200))
        """);
    String k64 = "k".repeat(64);
    assertTrue(out.get(0).startsWith("stripe.list_customers: unknown key '" + k64 + "... (20000000 bytes)'; valid keys: "), out.get(0));
    assertTrue(out.get(1).contains(":3 app.integrations.stripe: no function or account '" + k64
        + "... (20000000 bytes)'; available: create_customer, "), out.get(1));
    assertTrue(out.get(2).startsWith("No documentation page '" + k64 + "...' (20000000 characters). Pages: "), out.get(2));
    for (String line : out) assertTrue(line.length() < 2000, "a message of " + line.length() + " characters");
  }

  @Test
  void integersTooLargeForAnIntegerAreOutOfRange() {
    IntegrationHost host = host(false);
    Map<String, String> expected = Map.of(
        "2^62", "stripe.list_customers: 'limit' is out of range (between 1 and 100), got 4611686018427387904",
        "-2^62", "stripe.list_customers: 'limit' is out of range (between 1 and 100), got -4611686018427387904",
        "math.huge", "stripe.list_customers: 'limit' is out of range (between 1 and 100), got inf",
        "1.5", "stripe.list_customers: 'limit' must be an integer, got 1.5",
        "0/0", "stripe.list_customers: 'limit' must be an integer, got nan",
        "1000", "stripe.list_customers: 'limit' must be between 1 and 100, got 1000");
    expected.forEach((value, message) -> assertEquals(List.of(message),
        lua(host, "print(select(2, pcall(app.integrations.stripe.list_customers, { limit = " + value + " })))"), value));
    assertEquals(0, server.requestCount());
  }

  @Test
  void metadataKeysWithBracketsAreRefused() {
    IntegrationHost host = host(false);
    for (String key : List.of("a]b", "a[b", "[x]", "tier]")) {
      assertEquals(List.of("stripe.create_customer: 'metadata' key '" + key + "' must not contain [ or ]"), lua(host,
          "print(select(2, pcall(app.integrations.stripe.create_customer, { name = 'A', metadata = { ['" + key + "'] = 'x' } })))"));
    }
    StripeClient stripe = StripeClient.builder().apiKey(KEY).baseUrl(server.url("/")).maxRetries(0).build();
    assertEquals("'metadata' key 'a]b' must not contain [ or ]", assertThrows(IllegalArgumentException.class,
        () -> stripe.createCustomer(CreateCustomerParams.builder().name("A").putMetadata("a]b", "x").build())).getMessage());
    assertEquals(0, server.requestCount());

    server.reply(200, "{\"id\":\"cus_1\"}");
    lua(host, "app.integrations.stripe.create_customer({ name = 'A', metadata = { ['tier (gold)'] = 'x' } })");
    assertEquals("name=A&metadata[tier+%28gold%29]=x", server.take().body());
    assertFalse(server.requestCount() > 1);
  }
}
