package dev.specloom.chartmogul;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.GeneratedAdapters;
import org.junit.jupiter.api.Test;

/** The client decodes and encodes every model with its generated adapter, never by reflection. */
class ChartMogulModelAdaptersTest {
  @Test
  void everyModelHasAGeneratedAdapterInTheClientsMoshi() throws Exception {
    assertTrue(GeneratedAdapters.assertNoReflection(ChartMogulClient.PROVIDER.moshi(), "dev.specloom.chartmogul.model").size() > 0);
  }
}
