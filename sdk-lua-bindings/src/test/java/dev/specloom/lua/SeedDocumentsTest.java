package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.specloom.runtime.testing.NoDelaySockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Lua example of the seed documents runs unchanged against loopback servers that answer like the
 * providers. The examples are in src/test/resources/seeds/examples.txt, copied verbatim from the seeds under a
 * header naming the seed file and line; the seeds' "[email protected]" artefacts are replaced, in order, by
 * the addresses the header lists. What each example sends (with the account whose credentials it carried),
 * prints and raises must equal its section of seeds/expected.txt, reviewed by hand (rewrite it with
 * -Dgolden.update=true after an intended change, then review the diff).
 */
class SeedDocumentsTest {
  static final Path DIR = Path.of("src/test/resources/seeds");
  static final Pattern ARTEFACT = Pattern.compile("\\[email[ \u00a0]protected]");
  static final Map<String, String> ACCOUNT_BY_AUTH = new LinkedHashMap<>();
  static final List<String> SENT = new CopyOnWriteArrayList<>();
  static final Map<String, String> ACTUAL = new ConcurrentHashMap<>();
  static final List<MockWebServer> SERVERS = new ArrayList<>();
  static IntegrationHost host;

  @BeforeAll
  static void start() {
    IntegrationHost.Builder b = IntegrationHost.builder().bindings(Bindings.all());
    account(b, "stripe", "/", Map.of(), new String[] {"default", "work", "personal"});
    account(b, "chartmogul", "/v1", Map.of(), new String[] {"default", "production", "staging"});
    account(b, "chargeover", "/api/v3", Map.of("subdomain", "mycompany"), new String[] {"default"});
    host = b.build();
  }

  /** One server per provider; each named account gets its own key so the transcript shows whose call it was. */
  static void account(IntegrationHost.Builder b, String provider, String root, Map<String, String> settings,
      String[] names) {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String query = r.getUrl().encodedQuery();
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        SENT.add("> " + r.getMethod() + " " + r.getUrl().encodedPath() + (query == null ? "" : "?" + query)
            + " [" + ACCOUNT_BY_AUTH.getOrDefault(r.getHeaders().get("Authorization"), "unknown credentials") + "]"
            + (body.isEmpty() ? "" : "\n  " + body));
        String answer = ProviderAnswers.answer(provider, r.getMethod(), r.getUrl().encodedPath(), query);
        return new MockResponse.Builder().code(answer == null ? 404 : 200).setHeader("Content-Type", "application/json")
            .body(answer == null ? "{\"error\":\"no such route\"}" : answer).build();
      }
    });
    server.setServerSocketFactory(NoDelaySockets.FACTORY);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SERVERS.add(server);
    for (String name : names) {
      Map<String, String> credentials = switch (provider) {
        case "chargeover" -> Map.of("access_token", "pub_" + name + ":priv_" + name);
        default -> Map.of("api_key", "key_" + provider + "_" + name);
      };
      String pair = credentials.containsKey("api_key") ? credentials.get("api_key") + ":" : credentials.get("access_token");
      ACCOUNT_BY_AUTH.put("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
          provider + "." + name);
      b.account(new Account(provider, name, credentials, settings, server.url(root).toString(), WritePolicy.ALLOW));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    SERVERS.forEach(MockWebServer::close);
    if (Boolean.getBoolean("golden.update")) {
      StringBuilder all = new StringBuilder();
      examples().forEach(a -> all.append(section((String) a.get()[0], ACTUAL.get((String) a.get()[0]))));
      Files.writeString(DIR.resolve("expected.txt"), all);
    }
  }

  static String section(String header, String transcript) {
    return "=== " + header + "\n" + transcript;
  }

  /** The examples as (where, Lua), each artefact replaced by the next address its header lists. */
  static Stream<Arguments> examples() throws IOException {
    List<Arguments> out = new ArrayList<>();
    sections("examples.txt").forEach((header, lua) -> {
      String[] parts = header.split(" emails: ");
      String[] emails = parts.length > 1 ? parts[1].split(" ") : new String[0];
      Matcher artefact = ARTEFACT.matcher(lua);
      StringBuilder fixed = new StringBuilder();
      int n = 0;
      while (artefact.find()) artefact.appendReplacement(fixed, Matcher.quoteReplacement(emails[n++]));
      artefact.appendTail(fixed);
      assertEquals(emails.length, n, parts[0] + ": one address per e-mail artefact");
      out.add(Arguments.of(parts[0], fixed.toString()));
    });
    return out.stream();
  }

  /** A file of "=== header" lines, each followed by its text, as header → text in file order. */
  static Map<String, String> sections(String file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : Files.readString(DIR.resolve(file)).split("(?m)^=== ")) {
      if (part.isEmpty()) continue;
      int nl = part.indexOf('\n');
      out.put(part.substring(0, nl), part.substring(nl + 1));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void seedExampleRunsUnchanged(String where, String lua) throws IOException {
    SENT.clear();
    List<String> printed = new ArrayList<>();
    ScriptResult r = host.run(lua, where, printed::add);
    StringBuilder transcript = new StringBuilder();
    SENT.forEach(s -> transcript.append(s).append('\n'));
    printed.forEach(p -> transcript.append("| ").append(p).append('\n'));
    if (!r.ok()) transcript.append("! ").append(r.error()).append('\n');
    ACTUAL.put(where, transcript.toString());
    for (String secret : List.of("key_", "priv_")) {
      assertFalse(transcript.toString().contains(secret), where + " shows a credential: " + transcript);
    }
    if (!Boolean.getBoolean("golden.update")) {
      assertEquals(sections("expected.txt").get(where), transcript.toString(), where);
    }
  }
}
