package dev.specloom.lua.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code specloom-lua run}: arguments, stdin, exit codes, the accounts file, write policy and dry runs. */
class CliTest {
  static final String KEY = "sk_test_CliSecret_5e8d21";
  static final String OTHER_KEY = "sk_test_CliOther_0a9b77";

  @TempDir
  Path dir;

  WireServer server;
  final Map<String, String> envVars = new HashMap<>();
  final Function<String, String> env = envVars::get;

  @BeforeEach
  void start() {
    server = new WireServer();
    envVars.put("STRIPE_KEY", KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** What one invocation produced. */
  record Run(int code, String out, String err) {
    void assertNoSecret() {
      for (String s : new String[] {KEY, OTHER_KEY, "CliSecret", "CliOther"}) {
        assertFalse(out.contains(s), "stdout leaks " + s + ": " + out);
        assertFalse(err.contains(s), "stderr leaks " + s + ": " + err);
      }
    }

    void assertErrNotJavaish() {
      assertFalse(err.contains("Exception"), err);
      assertFalse(err.contains("at dev."), err);
      assertFalse(err.contains("java."), err);
      assertFalse(err.contains("org.luaj"), err);
      assertFalse(err.contains("\tat "), err);
    }
  }

  Run cli(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, in, o, e, env);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  Path accounts(String accountBody) throws IOException {
    return file("accounts.yaml", "stripe:\n  default:\n" + accountBody.indent(4));
  }

  Path stripeAccounts() throws IOException {
    return accounts("api_key: \"${STRIPE_KEY}\"\nbase_url: \"" + server.url("/") + "\"");
  }

  static String basic(String key) {
    return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- usage

  @Test
  void versionPrintsTheProjectVersion() {
    Run r = cli("", "--version");
    assertEquals(0, r.code(), r.err());
    // The build fills the version in; an unfilled ${project.version} or a missing resource fails here.
    assertTrue(r.out().replace("\r\n", "\n").matches("specloom-lua \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void noArgumentsIsAUsageError() {
    Run r = cli("");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("usage: specloom-lua run"), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "exec x.lua", "run --accounts", "run --dry-run", "run --allow-writes --dry-run",
      "run a.lua b.lua", "run --bogus a.lua", "run a.lua --verbose", "bench", "bench extra", "RUN a.lua", "--dry-run run a.lua"})
  void malformedArgumentsExitTwoWithUsage(String argLine) {
    Run r = cli("print('must not run')", argLine.split(" "));
    assertEquals(2, r.code(), argLine + " → " + r.err());
    assertTrue(r.err().contains("usage: specloom-lua run"), argLine + " → " + r.err());
    assertEquals("", r.out(), argLine);
  }

  // ---------------------------------------------------------------- running scripts

  @Test
  void dashReadsTheScriptFromStdin() {
    Run r = cli("print('hello from stdin', 1 + 2)\nprint(type(app.integrations))", "run", "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("hello from stdin\t3\ntable\n", r.out().replace("\r\n", "\n"));
    // No accounts file: the offline sandbox runs, and standard error says so in exactly one line.
    assertEquals(CliSandboxTest.NOTICE + "\n", r.err().replace("\r\n", "\n"));
  }

  @Test
  void scriptFileIsRead() throws IOException {
    Path script = file("hello.lua", "print('from file')");
    Run r = cli("print('not stdin')", "run", script.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("from file\n", r.out().replace("\r\n", "\n"));
  }

  @Test
  void scriptErrorGoesToStderrAndExitsOne() {
    Run r = cli("print('before')\nerror('something broke')\nprint('after')", "run", "-");
    assertEquals(1, r.code());
    assertEquals("before\n", r.out().replace("\r\n", "\n"));
    assertTrue(r.err().contains("something broke"), r.err());
    assertTrue(r.err().contains("stdin:2"), "error should carry the chunk and line: " + r.err());
    r.assertErrNotJavaish();
  }

  @Test
  void runtimeErrorsOfEveryKindStayLuaLike() {
    for (String lua : new String[] {"local t = nil; print(t.x)", "error({})", "error(nil)", "local function f() return 1 + f() end f()",
        "app.integrations.stripe.get_customer({})", "app.integrations.nope.get_customer({ id = 'x' })", "this is not lua"}) {
      Run r = cli(lua, "run", "-");
      assertEquals(1, r.code(), lua);
      assertFalse(r.err().isBlank(), lua);
      r.assertErrNotJavaish();
    }
  }

  @Test
  void aScriptOverTheMemoryBudgetExitsOneWithTheError() {
    // 900 MiB asked of string.format under the 512 MiB default budget: refused before allocating, not printed.
    Run r = cli("local s = string.rep('x', 300 * 1024 * 1024) local f = string.format('%s%s%s', s, s, s) print(#f)", "run", "-");
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("stdin: memory limit exceeded: string.format needs"), r.err());
    r.assertErrNotJavaish();
  }

  @Test
  void missingScriptFileIsAClearError() {
    Path missing = dir.resolve("nope.lua");
    Run r = cli("", "run", missing.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("nope.lua"), r.err());
    assertEquals("", r.out());
  }

  // ---------------------------------------------------------------- accounts file

  @Test
  void accountsFileInterpolatesTheEnvironmentAndUsesBaseUrl() throws IOException {
    server.reply(200, "{\"id\":\"cus_42\",\"name\":\"Acme\"}");
    Path accounts = stripeAccounts();
    Run r = cli("local c = app.integrations.stripe.get_customer({ id = 'cus_42' })\nprint(c.id, c.name)",
        "run", "--accounts", accounts.toString(), "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("cus_42\tAcme\n", r.out().replace("\r\n", "\n"));
    WireServer.Sent sent = server.take();
    assertEquals("GET", sent.method());
    assertEquals("/v1/customers/cus_42", sent.path());
    assertEquals(basic(KEY), sent.header("Authorization"));
    r.assertNoSecret();
  }

  @Test
  void interpolationWorksInsideLongerValuesAndForSeveralAccounts() throws IOException {
    envVars.put("HOST_PORT", String.valueOf(server.url("/").replaceAll(".*:(\\d+)/$", "$1")));
    envVars.put("OTHER", OTHER_KEY);
    server.reply(200, "{\"id\":\"cus_1\"}").reply(200, "{\"id\":\"cus_2\"}");
    Path accounts = file("accounts.yaml", """
        stripe:
          default:
            api_key: "${STRIPE_KEY}"
            base_url: "http://127.0.0.1:${HOST_PORT}/"
          work: { api_key: "${OTHER}", base_url: "http://127.0.0.1:${HOST_PORT}/", writes: deny }
        """);
    Run r = cli("print(app.integrations.stripe.get_customer({ id = 'cus_1' }).id)\n"
        + "print(app.integrations.stripe.work.get_customer({ id = 'cus_2' }).id)", "run", "--accounts", accounts.toString(), "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("cus_1\ncus_2\n", r.out().replace("\r\n", "\n"));
    assertEquals(basic(KEY), server.take().header("Authorization"));
    assertEquals(basic(OTHER_KEY), server.take().header("Authorization"));
  }

  @Test
  void missingEnvironmentVariableIsAClearErrorNamingItAndNoSecret() throws IOException {
    envVars.put("OTHER", OTHER_KEY);
    Path accounts = file("accounts.yaml", """
        stripe:
          work: { api_key: "${OTHER}", base_url: "%1$s" }
          default: { api_key: "${STRIPE_API_KEY_MISSING}", base_url: "%1$s" }
        """.formatted(server.url("/")));
    Run r = cli("print('must not run')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("STRIPE_API_KEY_MISSING"), r.err());
    assertTrue(r.err().contains("not set"), r.err());
    assertTrue(r.err().contains("stripe.default.api_key"), "should say where: " + r.err());
    assertEquals("", r.out());
    r.assertNoSecret();
    r.assertErrNotJavaish();
    assertEquals(0, server.requestCount());
  }

  @Test
  void unknownKeySuggestsTheRightOne() throws IOException {
    Path accounts = accounts("api_ky: \"" + KEY + "\"\nbase_url: \"" + server.url("/") + "\"");
    Run r = cli("print('must not run')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("unknown key 'api_ky'"), r.err());
    assertTrue(r.err().contains("did you mean 'api_key'"), r.err());
    assertEquals("", r.out());
    r.assertNoSecret();
    r.assertErrNotJavaish();
  }

  @Test
  void unknownProviderSuggestsTheRightOne() throws IOException {
    Path accounts = file("accounts.yaml", "strpe:\n  default: { api_key: \"${STRIPE_KEY}\" }\n");
    Run r = cli("print('must not run')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("unknown provider 'strpe'"), r.err());
    assertTrue(r.err().contains("did you mean 'stripe'"), r.err());
    r.assertNoSecret();
  }

  @Test
  void badWritesValueIsAnError() throws IOException {
    Path accounts = accounts("api_key: \"${STRIPE_KEY}\"\nwrites: sometimes");
    Run r = cli("print('must not run')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("writes must be allow, ask or deny"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void missingAccountsFileIsAClearError() {
    Run r = cli("print('must not run')", "run", "--accounts", dir.resolve("absent.yaml").toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("absent.yaml"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void yamlSyntaxErrorDoesNotEchoALiteralSecret() throws IOException {
    // A literal key on a line with a syntax error: the error may point at the line, but must not print the key.
    Path accounts = file("accounts.yaml", "stripe:\n  default:\n    api_key: " + KEY + ": oops\n");
    Run r = cli("print('must not run')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("accounts.yaml"), r.err());
    r.assertNoSecret();
  }

  @Test
  void emptyCredentialValueIsRejectedNotSentAsTheWordNull() throws IOException {
    server.reply(200, "{\"id\":\"cus_1\"}");
    Path accounts = accounts("api_key:\nbase_url: \"" + server.url("/") + "\"");
    Run r = cli("print(app.integrations.stripe.get_customer({ id = 'cus_1' }).id)", "run", "--accounts", accounts.toString(), "-");
    int sent = server.requestCount();
    String auth = sent == 0 ? null : server.take().header("Authorization");
    assertFalse(basic("null").equals(auth), "a blank api_key was sent as the literal string \"null\"");
    assertEquals(1, r.code(), "a blank api_key should be an error; stdout=" + r.out() + " stderr=" + r.err());
    assertTrue(r.err().contains("api_key"), r.err());
  }

  // ---------------------------------------------------------------- write policy

  @Test
  void writeWithDefaultAskPolicyIsRefusedWithoutAllowWrites() throws IOException {
    server.reply(200, "{\"id\":\"cus_new\"}");
    Path accounts = stripeAccounts();
    Run r = cli("print(app.integrations.stripe.create_customer({ name = 'Acme' }).id)", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("write refused"), r.err());
    assertTrue(r.err().contains("--allow-writes"), r.err());
    assertEquals("", r.out());
    assertEquals(0, server.requestCount());
    r.assertErrNotJavaish();
    r.assertNoSecret();
  }

  @Test
  void refusedWriteIsCatchableAndStillSendsNothing() throws IOException {
    Path accounts = stripeAccounts();
    Run r = cli("local ok, err = pcall(app.integrations.stripe.delete_customer, { id = 'cus_1' })\nprint(ok)\nprint(err)",
        "run", "--accounts", accounts.toString(), "-");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("false"), r.out());
    assertTrue(r.out().contains("--allow-writes"), r.out());
    assertEquals(0, server.requestCount());
  }

  @Test
  void allowWritesSendsTheWrite() throws IOException {
    server.reply(200, "{\"id\":\"cus_new\",\"name\":\"Acme\"}");
    Path accounts = stripeAccounts();
    Run r = cli("local c = app.integrations.stripe.create_customer({ name = 'Acme' })\nprint(c.id, c.name)",
        "run", "--accounts", accounts.toString(), "--allow-writes", "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("cus_new\tAcme\n", r.out().replace("\r\n", "\n"));
    assertEquals(1, server.requestCount());
    WireServer.Sent sent = server.take();
    assertEquals("POST", sent.method());
    assertEquals("/v1/customers", sent.path());
    assertEquals("name=Acme", sent.body());
    assertEquals(basic(KEY), sent.header("Authorization"));
  }

  @Test
  void allowWritesDoesNotOverrideADenyPolicy() throws IOException {
    Path accounts = accounts("api_key: \"${STRIPE_KEY}\"\nbase_url: \"" + server.url("/") + "\"\nwrites: deny");
    Run r = cli("app.integrations.stripe.create_customer({ name = 'Acme' })", "run", "--accounts", accounts.toString(), "--allow-writes", "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("policy deny"), r.err());
    assertEquals(0, server.requestCount());
  }

  @Test
  void writesAllowInTheFileNeedNoFlag() throws IOException {
    server.reply(200, "{\"id\":\"cus_new\"}");
    Path accounts = accounts("api_key: \"${STRIPE_KEY}\"\nbase_url: \"" + server.url("/") + "\"\nwrites: allow");
    Run r = cli("print(app.integrations.stripe.create_customer({ name = 'Acme' }).id)", "run", "--accounts", accounts.toString(), "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("cus_new\n", r.out().replace("\r\n", "\n"));
    assertEquals(1, server.requestCount());
  }

  // ---------------------------------------------------------------- dry run

  static final String DRY_RUN_SCRIPT = """
      local req = app.integrations.stripe.create_customer({ name = 'Acme', email = 'billing@acme.example' })
      print(req.dry_run)
      print(req.method)
      print(req.url)
      print(req.body)
      for k, v in pairs(req.headers) do print('header', k, v) end
      """;

  @Test
  void dryRunReturnsTheRequestAndSendsNothing() throws IOException {
    Path accounts = stripeAccounts();
    Run r = cli(DRY_RUN_SCRIPT, "run", "--accounts", accounts.toString(), "--allow-writes", "--dry-run", "-");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().replace("\r\n", "\n").split("\n");
    assertEquals("true", lines[0]);
    assertEquals("POST", lines[1]);
    assertEquals(server.url("/v1/customers"), lines[2]);
    assertTrue(lines[3].contains("name=Acme"), lines[3]);
    assertEquals("name=Acme&email=billing%40acme.example", lines[3]);
    assertEquals(0, server.requestCount());
    r.assertNoSecret();
    assertFalse(r.out().contains(basic(KEY).substring("Basic ".length())), "base64 of the key leaked: " + r.out());
  }

  @Test
  void dryRunWithoutAllowWritesStillShowsTheRequestOrRefusesCleanly() throws IOException {
    Path accounts = stripeAccounts();
    Run r = cli(DRY_RUN_SCRIPT, "run", "--accounts", accounts.toString(), "--dry-run", "-");
    assertEquals(0, server.requestCount());
    r.assertNoSecret();
    if (r.code() == 0) {
      assertTrue(r.out().contains("name=Acme"), r.out());
    } else {
      assertEquals(1, r.code());
      assertTrue(r.err().contains("--allow-writes"), r.err());
      r.assertErrNotJavaish();
    }
  }

  @Test
  void dryRunStillSendsReads() throws IOException {
    server.reply(200, "{\"id\":\"cus_7\"}");
    Path accounts = stripeAccounts();
    Run r = cli("print(app.integrations.stripe.get_customer({ id = 'cus_7' }).id)", "run", "--accounts", accounts.toString(), "--dry-run", "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("cus_7\n", r.out().replace("\r\n", "\n"));
    assertEquals(basic(KEY), server.take().header("Authorization"));
  }

  @Test
  void withoutAnAccountForTheProviderAFunctionCallSaysNoAccountIsConfigured() throws IOException {
    // With no accounts file at all the offline sandbox serves every provider; a file that leaves one out does not.
    Path accounts = file("accounts.yaml", "chartmogul:\n  default: { api_key: \"${STRIPE_KEY}\" }\n");
    Run r = cli("app.integrations.stripe.get_customer({ id = 'cus_1' })", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no stripe account is configured"), r.err());
    r.assertErrNotJavaish();
  }
}
