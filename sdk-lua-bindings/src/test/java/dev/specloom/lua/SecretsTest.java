package dev.specloom.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.testing.NoDelaySockets;
import dev.specloom.sandbox.OfflineSandbox;
import dev.specloom.stripe.StripeClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.Test;

/**
 * One run that calls every function of every provider through Lua, with the HTTP log on at full detail
 * (routed through SLF4J to standard error), answers that alternate between results and provider errors (which
 * echo the credentials they were sent),
 * a dry run of every write, connection failures, and the toString of every object that holds a credential.
 * Everything that run produced (standard output and error, the log, printed Lua values, error messages,
 * script failures, dry-run results) is captured, and no test secret appears in it, raw or Base64-encoded.
 */
class SecretsTest {
  static final Map<String, Map<String, String>> SECRETS = Map.of(
      "stripe", Map.of("api_key", "sk_test_SECRETstripe4f9a"),
      "chartmogul", Map.of("api_key", "cm_SECRETchartmogul8d1e"),
      "chargeover", Map.of("public_key", "pub_SECRETpublic2b7c", "private_key", "priv_SECRETprivate9e3d"));

  static final String DUMP = """
      local function dump(v, depth)
        depth = depth or 0
        if type(v) ~= 'table' or depth > 8 then return tostring(v) end
        local parts = {}
        for k, x in pairs(v) do parts[#parts + 1] = tostring(k) .. '=' .. dump(x, depth + 1) end
        return tostring(v) .. '{' .. table.concat(parts, ',') .. '}'
      end
      """;

  @Test
  void noSecretAppearsInAnythingARunOverEveryProviderProduces() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    List<String> texts = Collections.synchronizedList(new ArrayList<>());
    Map<String, MockWebServer> servers = new LinkedHashMap<>();
    Set<String> authorizations = ConcurrentHashMap.newKeySet();
    AtomicInteger requests = new AtomicInteger();
    int calls = 0;
    OfflineSandbox sandbox = OfflineSandbox.start(List.of("stripe", "chartmogul", "chargeover"));
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      IntegrationHost.Builder live = IntegrationHost.builder().bindings(Bindings.all()).logHttp(HttpLoggingInterceptor.Level.BODY);
      IntegrationHost.Builder dry = IntegrationHost.builder().bindings(Bindings.all()).dryRun(true)
          .logHttp(HttpLoggingInterceptor.Level.BODY);
      for (ProviderBinding binding : Bindings.all()) {
        MockWebServer server = server(sandbox.baseUrl(binding.provider()), authorizations, requests);
        servers.put(binding.provider(), server);
        for (String name : List.of("default", "second")) {
          Account a = new Account(binding.provider(), name, SECRETS.get(binding.provider()), Map.of(),
              server.url("/api/").toString(), WritePolicy.ALLOW, 1, null);
          live.account(a);
          dry.account(a);
          texts.add(a.toString());
        }
      }
      IntegrationHost host = live.build();
      IntegrationHost dryHost = dry.build();

      for (ProviderBinding binding : Bindings.all()) {
        for (FunctionSpec fn : binding.functions()) {
          String args = BadInputPropertyTest.table(fn.args(), null, null);
          for (String account : List.of("", ".second")) {
            calls++;
            run(host, DUMP + "local ok, r = pcall(app.integrations." + binding.provider() + account + "." + fn.name() + ", "
                + args + ")\nprint(ok, dump(r))", texts);
          }
          // Uncaught, so the script's failure line is captured too.
          run(host, "app.integrations." + binding.provider() + "." + fn.name() + "(" + args + ")", texts);
          if (fn.write()) run(dryHost, DUMP + "print(dump(app.integrations." + binding.provider() + "." + fn.name() + "(" + args + ")))", texts);
        }
        run(host, DUMP + "print(dump(app.integrations." + binding.provider() + "), dump(app), dump(_G))", texts);
      }
      for (MockWebServer s : servers.values()) s.close();
      for (ProviderBinding binding : Bindings.all()) {
        FunctionSpec first = binding.functions().get(0);
        run(host, "app.integrations." + binding.provider() + "." + first.name() + "(" + BadInputPropertyTest.table(first.args(), null, null) + ")", texts);
      }
      StripeClient.Builder builder = StripeClient.builder().apiKey(SECRETS.get("stripe").get("api_key"));
      texts.add(builder.toString());
      texts.add(builder.baseUrl("https://api.stripe.com").build().toString());
    } finally {
      sandbox.close();
      System.setOut(originalOut);
      System.setErr(originalErr);
    }

    String everything = captured.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", texts);
    // Kept for review: everything the run produced.
    java.nio.file.Files.writeString(Path.of("target", "secrets-run.txt"), everything, StandardCharsets.UTF_8);
    long logLines = everything.lines().filter(l -> l.contains("dev.specloom.http.")).count();
    System.out.printf("secrets: %d calls over %d functions, %d requests, %d lines of output and log checked for %d secrets; %d found%n",
        calls, calls / 2, requests.get(), everything.lines().count(), SECRETS.values().stream().mapToInt(Map::size).sum(),
        leaks(everything).size());

    assertEquals(List.of(), leaks(everything));
    // The run really used the secrets and really logged headers, so their absence above means something.
    for (String provider : SECRETS.keySet()) {
      assertTrue(authorizations.stream().anyMatch(a -> a != null && decoded(a).contains(SECRETS.get(provider).values().iterator().next())),
          provider + " credentials never reached the server");
    }
    assertTrue(logLines > requests.get(), "the HTTP log was not captured: " + logLines + " lines");
    assertTrue(everything.contains("Authorization: \u2588\u2588"), "no redacted Authorization line in the log");
    assertTrue(everything.contains("dry_run=true"), "no dry-run result was printed");
    for (String provider : SECRETS.keySet()) {
      assertTrue(everything.contains("provider=" + provider), "no " + provider + " error table was printed");
    }
    assertFalse(everything.contains("Basic "), "an Authorization value was written somewhere");
  }

  static void run(IntegrationHost host, String lua, List<String> texts) {
    ScriptResult r = host.run(lua, "secrets.lua", texts::add);
    texts.add(String.valueOf(r.error()));
  }

  /** Every secret, raw, Base64-encoded as the Basic scheme sends it, and URL-encoded. */
  static List<String> leaks(String text) {
    List<String> found = new ArrayList<>();
    for (Map<String, String> credentials : SECRETS.values()) {
      for (String secret : credentials.values()) {
        if (text.contains(secret)) found.add(secret);
        if (text.contains(secret.substring(secret.indexOf("SECRET")))) found.add("part of " + secret);
        for (String pair : List.of(secret + ":", ":" + secret)) {
          String b64 = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
          if (text.contains(b64.substring(0, Math.min(16, b64.length())))) found.add("base64 of " + secret);
        }
      }
    }
    return found;
  }

  static String decoded(String authorization) {
    return new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
  }

  /**
   * A recording front for the offline sandbox: it notes each Authorization header, answers every fourth request
   * with a provider error, and forwards the rest (method, path, query, headers, body) to the sandbox.
   */
  static MockWebServer server(String sandboxUrl, Set<String> authorizations, AtomicInteger requests) throws Exception {
    OkHttpClient forward = new OkHttpClient();
    MockWebServer server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        String authorization = r.getHeaders().get("Authorization");
        authorizations.add(authorization);
        if (requests.incrementAndGet() % 4 == 0) {
          // The error echoes the credentials it was sent, as a careless provider or proxy might.
          String echo = authorization == null ? "" : " (credentials " + decoded(authorization) + ")";
          return new MockResponse.Builder().code(402).setHeader("Content-Type", "application/json")
              .body("{\"error\":{\"message\":\"Your card was declined." + echo + "\",\"code\":\"card_declined\"},"
                  + "\"message\":\"declined" + echo + "\",\"code\":402,\"status\":\"Error\"}").build();
        }
        // The accounts' API root is /api/; the same relative path goes under the sandbox's API root.
        String relative = r.getUrl().encodedPath().substring("/api/".length());
        HttpUrl url = HttpUrl.get(sandboxUrl.replaceAll("/?$", "/") + relative).newBuilder()
            .encodedQuery(r.getUrl().encodedQuery()).build();
        String type = r.getHeaders().get("Content-Type");
        RequestBody body = r.getBody() == null || r.getMethod().equals("GET") ? null
            : RequestBody.create(r.getBody(), type == null ? null : MediaType.get(type));
        Request.Builder request = new Request.Builder().url(url).method(r.getMethod(), body);
        for (String name : r.getHeaders().names()) {
          if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) request.header(name, r.getHeaders().get(name));
        }
        try (Response answer = forward.newCall(request.build()).execute()) {
          return new MockResponse.Builder().code(answer.code())
              .setHeader("Content-Type", answer.header("Content-Type", "application/json")).body(answer.body().string()).build();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    server.setServerSocketFactory(NoDelaySockets.FACTORY);
    server.start();
    return server;
  }
}
