package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.GeneratedAdapters;
import org.junit.jupiter.api.Test;

/** The client decodes and encodes every model with its generated adapter, never by reflection. */
class StripeModelAdaptersTest {
  @Test
  void everyModelHasAGeneratedAdapterInTheClientsMoshi() throws Exception {
    assertTrue(GeneratedAdapters.assertNoReflection(StripeClient.PROVIDER.moshi(), "dev.specloom.stripe.model").size() > 0);
  }
}
