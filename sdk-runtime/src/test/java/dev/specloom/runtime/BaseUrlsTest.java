package dev.specloom.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API root: a template filled from settings, or the caller's override; https unless on loopback. */
class BaseUrlsTest {
  static final ProviderInfo SITES = ProviderInfo.builder("billing")
      .baseUrl("{url}/api/v3", "url").baseUrl("https://{subdomain}.billing.example/api/v3", "subdomain")
      .settingPattern("subdomain", "^[a-z0-9-]+$").build();

  @Test
  void theFirstTemplateWhoseSettingsAreSetWinsAndEndsInASlash() {
    assertEquals("https://acme.billing.example/api/v3/", BaseUrls.resolve(SITES, Map.of("subdomain", "acme"), null).toString());
    assertEquals("https://pay.example/api/v3/", BaseUrls.resolve(SITES, Map.of("url", "https://pay.example"), null).toString());
  }

  @Test
  void aSettingThatAlreadyHoldsTheTemplatesTailIsNotExtendedTwice() {
    assertEquals("https://pay.example/api/v3", BaseUrls.interpolateRoot("{url}/api/v3", Map.of("url", "https://pay.example/api/v3/")));
    assertEquals("https://pay.example/api/v3", BaseUrls.interpolateRoot("{url}/api/v3", Map.of("url", "https://pay.example/")));
  }

  @Test
  void theOverrideWinsAndMustBeHttpsUnlessLoopback() {
    assertEquals("http://127.0.0.1:8080/v1/", BaseUrls.resolve(SITES, Map.of(), "http://127.0.0.1:8080/v1").toString());
    assertEquals("http://localhost/", BaseUrls.resolve(SITES, Map.of(), "http://localhost").toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BaseUrls.resolve(SITES, Map.of(), "http://pay.example/api"));
    assertEquals("billing: base URL must use https (plain http only for loopback): http://pay.example/api", e.getMessage());
    assertEquals("billing: not a URL: pay.example", assertThrows(IllegalArgumentException.class,
        () -> BaseUrls.resolve(SITES, Map.of(), "pay.example")).getMessage());
  }

  @Test
  void settingsAreCheckedAgainstTheirPatternsAndMissingOnesListed() {
    assertEquals("billing: subdomain must match ^[a-z0-9-]+$, got 'evil.example/x'", assertThrows(IllegalArgumentException.class,
        () -> BaseUrls.resolve(SITES, Map.of("subdomain", "evil.example/x"), null)).getMessage());
    assertEquals("billing: set one of [url, subdomain] (or baseUrl)", assertThrows(IllegalStateException.class,
        () -> BaseUrls.resolve(SITES, Map.of(), null)).getMessage());
  }

  @Test
  void loopbackIsNamedOrANumericLoopbackAddressNeverALookup() {
    assertTrue(BaseUrls.isLoopback("localhost"));
    assertTrue(BaseUrls.isLoopback("127.0.0.2"));
    assertTrue(BaseUrls.isLoopback("::1"));
    assertFalse(BaseUrls.isLoopback("10.0.0.1"));
    assertFalse(BaseUrls.isLoopback("localhost.evil.example"));
  }

  @Test
  void aRawPathThatRepeatsTheRootsPathIsNotSentTwice() {
    ProviderInfo versioned = ProviderInfo.builder("cm").baseUrl("https://api.cm.example/v1").build();
    assertEquals("/plans", BaseUrls.underRoot(versioned, "/v1/plans"));
    assertEquals("/plans", BaseUrls.underRoot(versioned, "v1/plans"));
    assertEquals("/v10/plans", BaseUrls.underRoot(versioned, "/v10/plans"));
    assertEquals("/plans", BaseUrls.underRoot(SITES, "/api/v3/plans"));
  }
}
