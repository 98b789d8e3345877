package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.RecordTrees;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulator of a made-up provider whose paging params and aggregate fields have names no real provider uses:
 * the page size, the legacy page number and the sum's field come from the descriptor, not from the simulator.
 */
class SpecDeclaredFactsTest {
  static final String DESCRIPTOR = """
      {"provider": "made_up", "base_path": "/api", "encoding": "json", "auth": ["basic"],
       "models": {"Item": {"key": {"wire": "key", "type": "string"}, "kind": {"wire": "kind", "type": "string"},
                           "worth": {"wire": "worth", "type": "integer"}},
                  "ItemPage": {"rows": {"wire": "rows", "type": "list<Item>"}, "next": {"wire": "next", "type": "string"}},
                  "Totals": {"by_kind": {"wire": "by_kind", "type": "list<Total>"}},
                  "Total": {"kind": {"wire": "kind", "type": "string"}, "worth_sum": {"wire": "worth_sum", "type": "integer"}}},
       "functions": [
         {"name": "list_items", "method": "GET", "paths": ["/items"], "returns": "ItemPage",
          "params": [{"name": "size", "wire": "size", "in": "query", "default_value": 2},
                     {"name": "pg", "wire": "pg", "in": "query"}, {"name": "after", "wire": "after", "in": "query"}],
          "pagination": {"kind": "cursor_token", "items": "rows", "cursor_param": "after", "cursor_field": "next"}},
         {"name": "totals", "method": "GET", "paths": ["/totals"], "returns": "Totals"}],
       "sandbox": {
         "resources": {"item": {"name": "item", "model": "Item", "id_field": "key", "id_style": "random", "id_prefix": "it_",
           "status_field": "kind", "seed": [{"key": "a", "kind": "x", "worth": 1}, {"key": "b", "kind": "y", "worth": 2},
             {"key": "c", "kind": "x", "worth": 3}, {"key": "d", "kind": "y", "worth": 4}, {"key": "e", "kind": "x", "worth": 5}]}},
         "functions": {
           "list_items": {"kind": "list", "resource": "item", "id_param": "key", "page_size": "size", "page_number": "pg"},
           "totals": {"kind": "aggregate", "resource": "", "id_param": "id", "answer": {},
             "sums": [{"into": "by_kind", "resource": "item", "amount": "worth", "group_by": "kind", "total": "worth_sum"}]}}}}
      """;
  static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes(StandardCharsets.UTF_8));
  final ExecutorService executor = Executors.newCachedThreadPool();
  ProviderServer server;

  @BeforeEach
  void start() throws IOException {
    Descriptor d = RecordTrees.fromTree(Json.read(DESCRIPTOR.getBytes(StandardCharsets.UTF_8)), Descriptor.class);
    server = new ProviderServer(new Simulation(d), Clock.systemUTC(), executor, 0);
  }

  @AfterEach
  void stop() {
    server.stop();
    executor.shutdownNow();
  }

  String get(String target) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + target))
        .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  @Test
  void thePageSizeAndTheLegacyPageNumberAreTheParamsTheSpecNames() throws Exception {
    assertEquals("{\"rows\":[{\"key\":\"a\",\"kind\":\"x\",\"worth\":1},{\"key\":\"b\",\"kind\":\"y\",\"worth\":2}],\"next\":\"b2Zmc2V0OjI\"}",
        get("/items"));
    assertEquals("{\"rows\":[{\"key\":\"d\",\"kind\":\"y\",\"worth\":4}],\"next\":\"b2Zmc2V0OjQ\"}", get("/items?size=3&pg=2&size=1&pg=4"));
    assertEquals("{\"rows\":[{\"key\":\"d\",\"kind\":\"y\",\"worth\":4},{\"key\":\"e\",\"kind\":\"x\",\"worth\":5}],"
        + "\"next\":null}", get("/items?size=3&pg=2"));
    assertEquals("{\"rows\":[{\"key\":\"e\",\"kind\":\"x\",\"worth\":5}],\"next\":null}", get("/items?after=b2Zmc2V0OjQ&pg=1"));
  }

  @Test
  void aSumAnswersUnderTheFieldTheSpecNames() throws Exception {
    assertEquals("{\"by_kind\":[{\"kind\":\"x\",\"worth_sum\":9},{\"kind\":\"y\",\"worth_sum\":6}]}", get("/totals"));
  }
}
