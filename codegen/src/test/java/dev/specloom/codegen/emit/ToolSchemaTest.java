package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.specloom.codegen.emit.tools.ToolSchemaEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.codegen.model.Spec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tool definitions: one per function, strict argument schemas that accept good and reject bad arguments. */
class ToolSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void stripeToolsCarrySchemasAndHints() throws Exception {
    Spec stripe = SpecLoader.load(Path.of("../specs/stripe.yaml"));
    JsonNode doc = new ToolSchemaEmitter(stripe).document();
    assertEquals(25, doc.path("tools").size());
    JsonNode list = find(doc, "stripe_list_customers");
    assertEquals(false, list.at("/inputSchema/additionalProperties").asBoolean(true));
    assertEquals(1, list.at("/inputSchema/properties/limit/minimum").asInt());
    assertEquals(100, list.at("/inputSchema/properties/limit/maximum").asInt());
    assertEquals(10, list.at("/inputSchema/properties/limit/default").asInt());
    assertTrue(list.at("/annotations/readOnlyHint").asBoolean());
    JsonNode cancel = find(doc, "stripe_cancel_subscription");
    assertFalse(cancel.at("/annotations/readOnlyHint").asBoolean());
    assertTrue(cancel.at("/annotations/destructiveHint").asBoolean());
    assertTrue(cancel.at("/annotations/idempotentHint").asBoolean(), "Stripe writes carry idempotency keys");
    assertEquals("[\"id\"]", cancel.at("/inputSchema/required").toString());

    var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(find(doc, "stripe_list_invoices").path("inputSchema"));
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

  static JsonNode find(JsonNode doc, String name) {
    for (JsonNode t : doc.path("tools")) {
      if (t.path("name").asText().equals(name)) return t;
    }
    throw new AssertionError("no tool " + name);
  }
}
