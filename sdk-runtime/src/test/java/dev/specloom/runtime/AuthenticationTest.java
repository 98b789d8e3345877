package dev.specloom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The first auth option an account's credentials fill makes the header; every credential is a secret to mask. */
class AuthenticationTest {
  static final ProviderInfo PAIR_OR_KEYS = ProviderInfo.builder("billing")
      .basicAuth("{public_key}", "{private_key}").basicPairAuth("{access_token}").header("X-Version", "3").build();

  @Test
  void basicFromAUserAndAPasswordTemplate() {
    Authentication a = Authentication.of(PAIR_OR_KEYS, Map.of("public_key", "pub", "private_key", "priv-secret"));
    assertEquals("Basic cHViOnByaXYtc2VjcmV0", a.header());
  }

  @Test
  void basicFromOneCredentialThatHoldsUserAndPassword() {
    assertEquals("Basic cHViOnByaXY=", Authentication.of(PAIR_OR_KEYS, Map.of("access_token", "pub:priv")).header());
  }

  @Test
  void aPairWithoutItsColonNamesTheCredentialNeverItsValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Authentication.of(PAIR_OR_KEYS, Map.of("access_token", "only-one-part-secret")));
    assertEquals("billing: access_token must be two parts joined by ':' (user:password)", e.getMessage());
  }

  @Test
  void bearerAndAStripeStyleKeyAsTheUserName() {
    ProviderInfo bearer = ProviderInfo.builder("acme").bearerAuth("{api_key}").build();
    assertEquals("Bearer tok_123", Authentication.of(bearer, Map.of("api_key", "tok_123")).header());
    ProviderInfo keyAsUser = ProviderInfo.builder("stripe-like").basicAuth("{api_key}", "").build();
    assertEquals("Basic c2tfdGVzdF8xOg==", Authentication.of(keyAsUser, Map.of("api_key", "sk_test_1")).header());
  }

  @Test
  void noFilledOptionListsWhatToSet() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Authentication.of(PAIR_OR_KEYS, Map.of()));
    assertEquals("billing: no credentials; set public_key + private_key, or access_token", e.getMessage());
  }

  @Test
  void theCredentialsAndTheHeaderTokenAreMasked() {
    Authentication a = Authentication.of(PAIR_OR_KEYS, Map.of("public_key", "public-key-1", "private_key", "private-key-2"));
    String token = a.header().substring("Basic ".length());
    assertEquals("*** *** *** short", a.redaction().mask("public-key-1 private-key-2 " + token + " short"));
  }

  @Test
  void everyAttemptCarriesTheCredentialsFixedHeadersAndUserAgent() throws Exception {
    try (WireServer server = new WireServer()) {
      server.reply(200, "{}");
      Authentication a = Authentication.of(PAIR_OR_KEYS, Map.of("access_token", "pub:priv"));
      OkHttpClient http = new OkHttpClient.Builder().addInterceptor(a.interceptor(PAIR_OR_KEYS)).build();
      http.newCall(new Request.Builder().url(server.url("/x")).header("Authorization", "Basic forged").build()).execute().close();
      WireServer.Sent sent = server.take();
      assertEquals("Basic cHViOnByaXY=", sent.header("Authorization"));
      assertEquals("3", sent.header("X-Version"));
      assertTrue(sent.header("User-Agent").startsWith("specloom-billing/"), sent.header("User-Agent"));
      assertFalse(sent.header("User-Agent").contains("okhttp"));
    }
  }
}
