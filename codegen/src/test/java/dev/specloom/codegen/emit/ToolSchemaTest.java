package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.specloom.codegen.emit.tools.ToolSchemaEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Spec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tool definitions: one per function, strict argument schemas that accept good and reject bad arguments. */
class ToolSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @Test
  void stripeToolsCarrySchemasAndHints() throws Exception {
    Spec stripe = SpecLoader.load(Path.of("../specs/stripe.yaml"));
    JsonNode doc = new ToolSchemaEmitter(stripe).document();
    assertEquals(26, doc.path("tools").size());
    JsonNode list = find(doc, "stripe_list_customers");
    assertEquals(false, list.at("/inputSchema/additionalProperties").asBoolean(true));
    assertEquals(1, list.at("/inputSchema/properties/limit/minimum").asInt());
    assertEquals(100, list.at("/inputSchema/properties/limit/maximum").asInt());
    assertEquals(10, list.at("/inputSchema/properties/limit/default").asInt());
    assertTrue(list.at("/annotations/readOnlyHint").asBoolean());
    JsonNode cancel = find(doc, "stripe_cancel_subscription");
    assertFalse(cancel.at("/annotations/readOnlyHint").asBoolean());
    assertTrue(cancel.at("/annotations/destructiveHint").asBoolean());
    assertTrue(cancel.at("/annotations/idempotentHint").asBoolean(), "DELETE");
    assertEquals("[\"id\"]", cancel.at("/inputSchema/required").toString());
    assertEquals(1, cancel.at("/inputSchema/properties/id/minLength").asInt(), "an empty id would address the collection");
    JsonNode create = find(doc, "stripe_create_customer");
    assertFalse(create.at("/annotations/idempotentHint").asBoolean(true), "a fresh idempotency key per call: two calls, two customers");
    assertFalse(create.at("/annotations/destructiveHint").asBoolean(true));
    assertTrue(find(doc, "stripe_cancel_payment_intent").at("/annotations/idempotentHint").asBoolean(), "a POST that cancels");
    assertTrue(find(doc, "stripe_create_product").at("/inputSchema/properties/active/default").asBoolean(), "server_default");

    var schema = FACTORY.getSchema(find(doc, "stripe_list_invoices").path("inputSchema"));
    assertTrue(schema.validate(JSON.readTree("{\"customer\":\"cus_1\",\"status\":\"open\",\"limit\":5}")).isEmpty());
    assertFalse(schema.validate(JSON.readTree("{\"status\":\"late\"}")).isEmpty(), "enum");
    assertFalse(schema.validate(JSON.readTree("{\"limit\":500}")).isEmpty(), "range");
    assertFalse(schema.validate(JSON.readTree("{\"custmer\":\"cus_1\"}")).isEmpty(), "unknown key");
  }

  @Test
  void chartMogulWritesWithoutIdempotencyAreNotIdempotentAndDatesHaveFormats() throws Exception {
    JsonNode doc = new ToolSchemaEmitter(SpecLoader.load(Path.of("../specs/chartmogul.yaml"))).document();
    assertFalse(find(doc, "chartmogul_create_customer").at("/annotations/idempotentHint").asBoolean());
    assertTrue(find(doc, "chartmogul_delete_customer").at("/annotations/idempotentHint").asBoolean());
    assertEquals("date", find(doc, "chartmogul_get_metrics").at("/inputSchema/properties/start_date/format").asText());
    assertEquals("array", find(doc, "chartmogul_import_invoice").at("/inputSchema/properties/line_items/type").asText());
    assertEquals(false, find(doc, "chartmogul_import_invoice").at("/inputSchema/properties/line_items/items/additionalProperties").asBoolean(true));
  }

  @Test
  void paramsThatNeedAnotherAreDependentRequired() throws Exception {
    JsonNode tool = find(new ToolSchemaEmitter(SpecLoader.load(Path.of("../specs/stripe.yaml"))).document(), "stripe_create_price");
    assertEquals("{\"recurring_interval_count\":[\"recurring_interval\"]}", tool.at("/inputSchema/dependentRequired").toString());
    var schema = FACTORY.getSchema(tool.path("inputSchema"));
    String base = "\"product\":\"prod_1\",\"unit_amount\":999,\"currency\":\"usd\"";
    assertTrue(schema.validate(JSON.readTree("{" + base + ",\"recurring_interval\":\"month\",\"recurring_interval_count\":3}")).isEmpty());
    assertEquals("[$: has a missing property 'recurring_interval' which is dependent required because 'recurring_interval_count' is present]",
        schema.validate(JSON.readTree("{" + base + ",\"recurring_interval_count\":3}")).toString());
  }

  /** Every emitted argument schema is itself valid JSON Schema 2020-12, and every tool name is one hosts accept. */
  @ParameterizedTest
  @ValueSource(strings = {"../specs/stripe.yaml", "../specs/chartmogul.yaml", "../specs/chargeover.yaml", "src/test/resources/fixtures/acme.yaml"})
  void everyInputSchemaIsValidAgainstTheMetaSchema(String file) throws Exception {
    Spec spec = SpecLoader.load(Path.of(file));
    JsonNode doc = new ToolSchemaEmitter(spec).document();
    assertEquals(spec.functions().size(), doc.path("tools").size());
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    Set<String> names = new HashSet<>();
    for (JsonNode tool : doc.path("tools")) {
      String name = tool.path("name").asText();
      assertTrue(name.matches("[a-zA-Z0-9_-]{1,64}"), name);
      assertTrue(names.add(name), "duplicate tool " + name);
      assertFalse(tool.path("description").asText().isBlank(), name);
      assertEquals(Set.of(), meta.validate(tool.path("inputSchema")), name);
      for (String hint : new String[] {"readOnlyHint", "destructiveHint", "idempotentHint"}) {
        assertTrue(tool.path("annotations").path(hint).isBoolean(), name + " " + hint);
      }
    }
  }

  @Test
  void theMetaSchemaCheckRejectsABrokenSchema() throws Exception {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    var messages = meta.validate(JSON.readTree("{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"int\",\"minimum\":\"1\"}}}"));
    assertEquals(List.of("$.properties.limit.minimum: string found, number expected",
        "$.properties.limit.type: does not have a value in the enumeration [\"array\", \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]",
        "$.properties.limit.type: string found, array expected"), messages.stream().map(Object::toString).sorted().toList());
  }

  static JsonNode find(JsonNode doc, String name) {
    for (JsonNode t : doc.path("tools")) {
      if (t.path("name").asText().equals(name)) return t;
    }
    throw new AssertionError("no tool " + name);
  }
}
