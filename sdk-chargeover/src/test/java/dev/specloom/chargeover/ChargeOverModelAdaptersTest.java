package dev.specloom.chargeover;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.GeneratedAdapters;
import org.junit.jupiter.api.Test;

/** The client decodes and encodes every model with its generated adapter, never by reflection. */
class ChargeOverModelAdaptersTest {
  @Test
  void everyModelHasAGeneratedAdapterInTheClientsMoshi() throws Exception {
    assertTrue(GeneratedAdapters.assertNoReflection(ChargeOverClient.PROVIDER.moshi(), "dev.specloom.chargeover.model").size() > 0);
  }
}
