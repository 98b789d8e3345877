package dev.specloom.acme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.GeneratedAdapters;
import org.junit.jupiter.api.Test;

/** The client decodes and encodes every model with its generated adapter, never by reflection. */
class AcmeModelAdaptersTest {
  @Test
  void everyModelHasAGeneratedAdapterInTheClientsMoshi() throws Exception {
    assertTrue(GeneratedAdapters.assertNoReflection(AcmeBillingClient.PROVIDER.moshi(), "dev.specloom.acme.model").size() > 0);
  }
}
