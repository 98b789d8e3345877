package dev.specloom.lua.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specloom-lua} with no provider on the classpath: help, discovered commands, and a script on discovered glue. */
class MainTest {
  record Run(int code, String out, String err) {}

  static Run cli(String stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, env::get);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run cli(String... args) {
    return cli("", Map.of(), args);
  }

  @Test
  void helpListsTheCommandsIncludingOnesFromOtherModules() {
    Run r = cli("--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("usage: " + RunCommand.SYNOPSIS + "\n       " + SandboxServe.SYNOPSIS + "\n"), r.out());
    for (String command : new String[] {"  run ", "  sandbox ", "  help ", "  echo "}) assertTrue(r.out().contains(command), command + " in " + r.out());
    assertEquals("", r.err());
  }

  @Test
  void everyCommandHasItsOwnHelp() {
    Run run = cli("run", "--help");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().startsWith("usage: " + RunCommand.SYNOPSIS + "\n"), run.out());
    for (String option : new String[] {"--accounts=FILE", "--allow-writes", "--dry-run", "SCRIPT.lua|-"}) {
      assertTrue(run.out().contains(option), option + " in " + run.out());
    }
    Run serve = cli("sandbox", "serve", "--help");
    assertEquals(0, serve.code(), serve.err());
    assertTrue(serve.out().startsWith(SandboxServe.USAGE + "\n"), serve.out());
    assertTrue(serve.out().contains("--port=N") && serve.out().contains("--provider=NAME"), serve.out());
    assertEquals(cli("help", "run").out(), run.out());
  }

  @Test
  void aCommandFromAnotherModuleRunsWithTheCliStreamsAndExitStatuses() {
    Run r = cli("echo", "hello", "world");
    assertEquals(0, r.code(), r.err());
    assertEquals("hello world\n", r.out());
    Run bad = cli("echo");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("specloom-lua: Missing required parameter: 'WORD'\n"), bad.err());
    assertEquals("", bad.out());
  }

  @Test
  void runCallsTheGlueFoundOnTheClasspath(@TempDir Path dir) throws Exception {
    Path accounts = dir.resolve("accounts.yaml");
    Files.writeString(accounts, "demo:\n  default: { token: \"${DEMO_TOKEN}\" }\n");
    Run r = cli("""
        print(app.integrations.demo.greet({}).said)
        print(string.match(lua_read_doc("integrations.demo"), "^[^\\n]*"))
        """, Map.of("DEMO_TOKEN", "tok_0123456789"), "run", "--accounts", accounts.toString(), "-");
    assertEquals(0, r.code(), r.err());
    assertEquals("hello from client of [token]\n# Demo — Lua API Reference\n", r.out());
    assertEquals("", r.err());
  }
}
