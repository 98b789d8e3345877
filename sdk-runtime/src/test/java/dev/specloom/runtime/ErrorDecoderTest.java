package dev.specloom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.squareup.moshi.Moshi;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** Error answers and enveloped failures become ProviderExceptions by the spec's paths, secrets masked. */
class ErrorDecoderTest {
  static final String SECRET = "sk_live_very_secret";
  static final ProviderInfo STRIPE_LIKE = ProviderInfo.builder("pay")
      .errorCode("error.code").errorType("error.type").errorMessage("error.message").errorParam("error.param").build();
  static final ProviderInfo ENVELOPED = ProviderInfo.builder("books")
      .errorType("status").errorMessage("message", "response.message").envelope("status", "OK", "code", "message").build();
  static final Request GET = new Request.Builder().url("https://api.example/v1/customers").build();

  static ErrorDecoder decoder(ProviderInfo provider) {
    return new ErrorDecoder(provider, new Redaction(List.of(SECRET)), new Moshi.Builder().build().adapter(Object.class));
  }

  @Test
  void anErrorBodyFillsCodeTypeMessageParamAndRequestId() {
    ProviderException e = decoder(STRIPE_LIKE).fromAnswer("get_customer", 404,
        "{\"error\":{\"code\":\"resource_missing\",\"type\":\"invalid_request_error\",\"message\":\"No such customer\",\"param\":\"id\"}}",
        "req_1", GET);
    assertEquals(List.of(404, "resource_missing", "invalid_request_error", "No such customer", "id", "req_1"),
        List.of(e.status(), e.code(), e.type(), e.providerMessage(), e.param(), e.requestId()));
    assertEquals("pay.get_customer: 404 resource_missing: No such customer (request req_1)", e.getMessage());
  }

  @Test
  void aBodyThatIsNotJsonGivesItsFirstLineAndAnEmptyOneTheStatus() {
    assertEquals("<html>Bad gateway</html>",
        decoder(STRIPE_LIKE).fromAnswer("f", 502, "<html>Bad gateway</html>\n<body/>", null, GET).providerMessage());
    assertEquals("HTTP 500", decoder(STRIPE_LIKE).fromAnswer("f", 500, "  ", null, GET).providerMessage());
    assertEquals("x".repeat(200), decoder(STRIPE_LIKE).fromAnswer("f", 500, "x".repeat(300), null, GET).providerMessage());
  }

  @Test
  void aSecretEchoedByTheProviderIsMaskedUnlessTheCallerSentIt() {
    String body = "{\"error\":{\"message\":\"Invalid API Key provided: " + SECRET + "\"}}";
    assertEquals("Invalid API Key provided: ***", decoder(STRIPE_LIKE).fromAnswer("f", 401, body, null, GET).providerMessage());
    Request typedIt = new Request.Builder().url("https://api.example/v1/customers")
        .post(RequestBody.create("name=" + SECRET, MediaType.get("application/x-www-form-urlencoded"))).build();
    assertEquals("Invalid API Key provided: " + SECRET, decoder(STRIPE_LIKE).fromAnswer("f", 401, body, null, typedIt).providerMessage());
  }

  @Test
  void anEnvelopedFailureTakesItsStatusAndMessageFromTheDeclaredFields() {
    Map<String, Object> tree = Map.of("code", 400.0, "status", "Error", "message", "Invalid customer " + SECRET, "response", false);
    ProviderException e = decoder(ENVELOPED).fromEnvelope("create_customer", tree, "r-9", GET);
    assertEquals(List.of(400, "Error", "Invalid customer ***", "r-9"), List.of(e.status(), e.type(), e.providerMessage(), e.requestId()));
    assertNull(e.code());
  }

  @Test
  void withoutACodeFieldTheStatusIs200AndAnEmptyMessageSaysTheRequestFailed() {
    ProviderInfo bare = ProviderInfo.builder("books").errorMessage("message").envelope("status", "OK", null, null).build();
    ProviderException e = decoder(bare).fromEnvelope("f", Map.of("code", 500.0, "status", "Error", "message", ""), null, GET);
    assertEquals(200, e.status());
    assertEquals("request failed", e.providerMessage());
  }

  @Test
  void theEnvelopesMessageFieldComesBeforeTheErrorPaths() {
    ProviderInfo both = ProviderInfo.builder("books").errorMessage("detail").envelope("status", "OK", "code", "message").build();
    ProviderException e = decoder(both).fromEnvelope("f", Map.of("status", "Error", "message", "from the envelope",
        "detail", "from the error paths"), null, GET);
    assertEquals("from the envelope", e.providerMessage());
  }
}
