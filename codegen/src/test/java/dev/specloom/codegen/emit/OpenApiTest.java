package dev.specloom.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specloom.codegen.emit.openapi.OpenApiEmitter;
import dev.specloom.codegen.load.SpecLoader;
import dev.specloom.model.Placeholders;
import dev.specloom.model.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each provider's OpenAPI document: every function is an operation, references resolve, placeholders are
 * declared; and the wire details the openapi-interop differential test showed a generated client needs.
 */
class OpenApiTest {
  @ParameterizedTest
  @ValueSource(strings = {"stripe", "chartmogul", "chargeover"})
  void everyFunctionIsDescribed(String provider) throws Exception {
    Spec spec = SpecLoader.load(Path.of("../specs/" + provider + ".yaml"));
    JsonNode doc = new OpenApiEmitter(spec).document();
    assertEquals("3.0.3", doc.path("openapi").asText());
    List<String> described = new ArrayList<>();
    doc.path("x-specloom-raw-functions").forEach(n -> described.add(n.asText()));
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      JsonNode o = op.getValue();
      if (!o.path("operationId").asText().contains("_via_")) described.add(o.path("operationId").asText());
      o.path("x-specloom-functions").forEach(n -> described.add(n.asText()));
      assertTrue(o.path("x-specloom-operation").asText().matches("read|write"), o.toString());
      for (String placeholder : Placeholders.in(path.getKey())) {
        boolean declared = false;
        for (JsonNode p : o.path("parameters")) declared |= p.path("in").asText().equals("path") && p.path("name").asText().equals(placeholder);
        assertTrue(declared, path.getKey() + " " + op.getKey() + " declares {" + placeholder + "}");
      }
    }));
    assertEquals(spec.functions().stream().map(f -> f.name()).sorted().toList(), described.stream().sorted().toList());
    String text = doc.toString();
    int at = 0;
    while ((at = text.indexOf("#/components/schemas/", at)) >= 0) {
      String name = text.substring(at + 21, text.indexOf('"', at));
      assertTrue(doc.path("components").path("schemas").has(name), "unresolved $ref " + name);
      at++;
    }
  }

  static JsonNode document(String provider) throws Exception {
    return new OpenApiEmitter(SpecLoader.load(Path.of("../specs/" + provider + ".yaml"))).document();
  }

  static JsonNode param(JsonNode operation, String name) {
    for (JsonNode p : operation.path("parameters")) {
      if (p.path("name").asText().equals(name)) return p;
    }
    throw new AssertionError("no parameter " + name + " in " + operation.path("operationId"));
  }

  /** Provider answers carry fields the models leave out; a strict generated client would reject them. */
  @ParameterizedTest
  @ValueSource(strings = {"stripe", "chartmogul", "chargeover"})
  void modelsAndResultWrappersAcceptUndeclaredFields(String provider) throws Exception {
    JsonNode doc = document(provider);
    doc.path("components").path("schemas").fields().forEachRemaining(m ->
        assertTrue(m.getValue().path("additionalProperties").asBoolean(), m.getKey()));
  }

  @Test
  void chargeOverResultWrapperAcceptsTheRestOfTheEnvelope() throws Exception {
    JsonNode wrapper = document("chargeover").at("/paths/~1customer~1{id}/get/responses/200/content/application~1json/schema");
    assertEquals("{\"type\":\"object\",\"additionalProperties\":true,\"properties\":{\"response\":"
        + "{\"$ref\":\"#/components/schemas/Customer\"}}}", wrapper.toString());
  }

  @Test
  void stripeHeadersAreHeaderParameters() throws Exception {
    JsonNode paths = document("stripe").path("paths");
    assertEquals("{\"name\":\"Stripe-Version\",\"in\":\"header\",\"required\":true,\"description\":\"Sent on every request.\","
        + "\"schema\":{\"type\":\"string\",\"default\":\"2024-06-20\",\"enum\":[\"2024-06-20\"]}}",
        param(paths.at("/~1v1~1customers/get"), "Stripe-Version").toString());
    assertFalse(param(paths.at("/~1v1~1customers/post"), "Idempotency-Key").path("required").asBoolean());
    assertEquals("string", param(paths.at("/~1v1~1customers/post"), "Idempotency-Key").at("/schema/type").asText());
    // Only POST writes take the key: GETs and DELETEs (delete_customer, cancel_subscription) carry none.
    for (String op : List.of("/~1v1~1customers/get", "/~1v1~1customers~1{id}/delete", "/~1v1~1subscriptions~1{id}/delete")) {
      assertTrue(paths.at(op).isObject(), op);
      for (JsonNode p : paths.at(op + "/parameters")) assertFalse(p.path("name").asText().equals("Idempotency-Key"), op);
    }
  }

  @Test
  void stripeFormFieldsNestAsDeepObjectsWhereOpenApiCanSayIt() throws Exception {
    JsonNode paths = document("stripe").path("paths");
    JsonNode price = paths.at("/~1v1~1prices/post/requestBody/content/application~1x-www-form-urlencoded");
    assertEquals("{\"interval\":\"string\",\"interval_count\":\"integer\"}",
        types(price.at("/schema/properties/recurring/properties")));
    assertEquals("{\"recurring\":{\"style\":\"deepObject\",\"explode\":true},\"metadata\":{\"style\":\"deepObject\",\"explode\":true}}",
        price.path("encoding").toString());
    assertEquals(0, price.at("/schema/properties/unit_amount/minimum").asLong());
    assertTrue(price.at("/schema/properties/unit_amount/minimum").isIntegralNumber());
    assertEquals(1, price.at("/schema/properties/recurring/properties/interval_count/default").asInt(), "server_default");
    JsonNode intent = paths.at("/~1v1~1payment_intents/post/requestBody/content/application~1x-www-form-urlencoded/schema");
    assertEquals("automatic_async", intent.at("/properties/capture_method/default").asText());
    assertEquals("boolean", intent.at("/properties/automatic_payment_methods/properties/enabled/type").asText());
    JsonNode subscription = paths.at("/~1v1~1subscriptions/post/requestBody");
    assertTrue(subscription.path("required").asBoolean());
    assertEquals("[\"customer\",\"items[0][price]\"]", subscription.at("/content/application~1x-www-form-urlencoded/schema/required").toString());
    assertEquals("string", subscription.at("/content/application~1x-www-form-urlencoded/schema/properties/items[0][price]/type").asText());
    assertFalse(paths.at("/~1v1~1customers/post/requestBody/required").asBoolean(), "no body field is required");
  }

  @Test
  void chargeOverWhereFiltersAreTheFilledTemplates() throws Exception {
    JsonNode paths = document("chargeover").path("paths");
    assertEquals("{\"type\":\"string\",\"enum\":[\"customer_status_state:EQUALS:a\",\"customer_status_state:EQUALS:i\"]}",
        param(paths.at("/~1customer/get"), "where").path("schema").toString());
    assertEquals("{\"type\":\"string\"}", param(paths.at("/~1package/get"), "where").path("schema").toString());
    assertEquals("[\"invoice_status_state:EQUALS:o\",\"invoice_status_str:EQUALS:open-overdue\","
        + "\"invoice_status_str:EQUALS:closed-paid\",\"invoice_status_str:EQUALS:closed-void\"]",
        param(paths.at("/~1invoice/get"), "where").at("/schema/enum").toString());
  }

  /** ChartMogul's e-mail search is a route: required there, and not a parameter of the plain list. */
  @Test
  void routeSelectorIsRequiredOnItsRouteAndAbsentFromTheOther() throws Exception {
    JsonNode paths = document("chartmogul").path("paths");
    assertTrue(param(paths.at("/~1customers~1search/get"), "email").path("required").asBoolean());
    for (JsonNode p : paths.at("/~1customers/get/parameters")) assertFalse(p.path("name").asText().equals("email"));
    assertEquals("list_customers_via_email", paths.at("/~1customers~1search/get/operationId").asText());
  }

  private static String types(JsonNode properties) {
    StringBuilder b = new StringBuilder("{");
    properties.fields().forEachRemaining(e -> b.append(b.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":\"")
        .append(e.getValue().path("type").asText()).append('"'));
    return b.append('}').toString();
  }
}
