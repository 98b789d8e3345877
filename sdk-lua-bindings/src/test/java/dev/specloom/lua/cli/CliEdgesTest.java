package dev.specloom.lua.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI says about files it cannot use: accounts files that are too deep, too large, not UTF-8, or whose
 * values are lists, empty variables or unusable words (never quoting a value), and scripts that do not compile.
 * Every answer is one line naming the place, with no Java exception in it.
 */
class CliEdgesTest {
  static final String KEY = "sk_test_EdgeSecret_7c41d0";
  static final Map<String, String> ENV = Map.of("STRIPE_K", KEY, "EMPTY", "", "BLANK", "  ");

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  Run cli(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, ENV::get);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs a trivial script with {@code yaml} as the accounts file; it must fail with exactly {@code expected}. */
  void assertAccountsRefused(String yaml, String expected) throws IOException {
    Path accounts = dir.resolve("accounts.yaml");
    Files.writeString(accounts, yaml, StandardCharsets.UTF_8);
    assertAccountsRefused(accounts, expected);
  }

  void assertAccountsRefused(Path accounts, String expected) {
    Run r = cli("print('must not run')", "run", "--accounts", accounts.toString(), "-");
    assertEquals(1, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals("specloom-lua: " + expected.replace("FILE", accounts.toString()) + "\n", r.err());
    assertFalse(r.err().contains(KEY), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void deepNestingIsAnErrorAtItsPlace() throws IOException {
    // Root, stripe and default are levels 1 to 3; the sixth "[" (column 14 + 5) opens level 9.
    assertAccountsRefused("stripe:\n  default:\n    api_key: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n",
        "FILE:3:19: YAML syntax error: nested more than 8 levels deep");
  }

  @Test
  void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
    Path accounts = dir.resolve("huge.yaml");
    try (RandomAccessFile f = new RandomAccessFile(accounts.toFile(), "rw")) {
      f.write("stripe:\n  default:\n    api_key: \"".getBytes(StandardCharsets.UTF_8));
      f.setLength(20L << 20);
    }
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertAccountsRefused(accounts,
        "FILE: the file is 20971520 bytes; an accounts file may be at most 1048576 bytes (1 MiB)"));
  }

  @Test
  void credentialsMustBeSingleValues() throws IOException {
    assertAccountsRefused("stripe:\n  default: { api_key: [1, 2] }\n", "FILE: stripe.default.api_key must be a single value, not a list");
    assertAccountsRefused("stripe:\n  default: { api_key: { a: 1 } }\n",
        "FILE: stripe.default.api_key must be a single value, not a mapping");
  }

  @Test
  void anEmptyEnvironmentVariableIsNamed() throws IOException {
    assertAccountsRefused("stripe:\n  default: { api_key: \"${EMPTY}\" }\n",
        "FILE: stripe.default.api_key: environment variable EMPTY is empty");
    assertAccountsRefused("stripe:\n  default: { api_key: \"sk_${BLANK}\" }\n",
        "FILE: stripe.default.api_key: environment variable BLANK is empty");
  }

  @Test
  void messagesNeverQuoteAValue() throws IOException {
    assertAccountsRefused("stripe:\n  default: { api_key: x, writes: \"${STRIPE_K}\" }\n",
        "FILE: stripe.default.writes must be allow, ask or deny");
    assertAccountsRefused("stripe:\n  default: { api_key: x, base_url: \"${STRIPE_K}\" }\n",
        "FILE: stripe.default.base_url must be an http or https URL");
    // The runtime checks the subdomain's form and quotes what it got; the CLI masks what came from the environment.
    assertAccountsRefused("chargeover:\n  default: { public_key: p, private_key: k, subdomain: \"${STRIPE_K}\" }\n",
        "chargeover: subdomain must match ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$, got '***'");
  }

  @Test
  void anAccountNamedLikeAFunctionIsRefused() throws IOException {
    assertAccountsRefused("stripe:\n  list_customers: { api_key: \"${STRIPE_K}\" }\n",
        "account stripe.list_customers: 'list_customers' is the name of a stripe function; give the account another name");
    assertAccountsRefused("stripe:\n  stripe_list_customers: { api_key: \"${STRIPE_K}\" }\n",
        "account stripe.stripe_list_customers: 'stripe_list_customers' is the name of a stripe function; give the account "
            + "another name");
  }

  @Test
  void filesThatAreNotUtf8SayWhere() throws IOException {
    Path accounts = dir.resolve("latin1.yaml");
    Files.write(accounts, "stripe:\n  default: { api_key: \"caf\u00e9\" }\n".getBytes(StandardCharsets.ISO_8859_1));
    assertAccountsRefused(accounts, "FILE:2:27: not UTF-8 text (byte 0xE9); save the file as UTF-8");

    Path script = dir.resolve("latin1.lua");
    Files.write(script, "print(1)\nprint('caf\u00e9')\n".getBytes(StandardCharsets.ISO_8859_1));
    Run r = cli("", "run", script.toString());
    assertEquals(1, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().endsWith("specloom-lua: latin1.lua:2:11: not UTF-8 text (byte 0xE9); save the file as UTF-8\n"), r.err());
  }

  @Test
  void compileErrorsAreReadable() {
    StringBuilder locals = new StringBuilder();
    for (int i = 0; i < 201; i++) locals.append("local a").append(i).append(" = ").append(i).append('\n');
    Map<String, String> expected = Map.of(
        locals.toString(), "stdin: syntax error: a function has more than 200 local variables",
        "x = 1e", "stdin: syntax error: malformed number",
        "x = 1..2", "stdin: syntax error: malformed number",
        "x = #", "[string \"stdin\"]:1: unexpected end of script",
        "if x then y = 1 end end", "[string \"stdin\"]:1: '<eos>' expected",
        "x = 1 // 2", "[string \"stdin\"]:1: unexpected symbol '/'",
        "\u00e9 = 1", "[string \"stdin\"]:1: unexpected character (byte 195; names are ASCII letters, digits and _)",
        "x = a[", "[string \"stdin\"]:1: unexpected end of script");
    expected.forEach((script, message) -> {
      Run r = cli(script, "run", "-");
      assertEquals(1, r.code(), script);
      assertTrue(r.err().endsWith(message + "\n"), script.lines().findFirst().orElse("") + " -> " + r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    });
    // Editors may start a UTF-8 file with a byte order mark; it is not a syntax error.
    Run bom = cli("\uFEFFprint('bom')", "run", "-");
    assertEquals(0, bom.code(), bom.err());
    assertEquals("bom\n", bom.out().replace("\r\n", "\n"));
  }
}
