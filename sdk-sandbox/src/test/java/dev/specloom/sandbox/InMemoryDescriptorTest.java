package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.chargeover.ChargeOverClient;
import dev.specloom.chargeover.GetCustomerParams;
import dev.specloom.model.simulator.Descriptor;
import dev.specloom.model.simulator.RecordTrees;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OfflineSandbox#start(List, int)}: a simulator from a descriptor record built elsewhere, not a classpath resource. */
class InMemoryDescriptorTest {
  static Descriptor chargeover() throws IOException {
    try (InputStream in = InMemoryDescriptorTest.class.getClassLoader().getResourceAsStream(Descriptor.resource("chargeover"))) {
      return RecordTrees.fromTree(Json.read(in), Descriptor.class);
    }
  }

  @Test
  void aDescriptorRecordServesLikeItsResource() throws IOException {
    try (OfflineSandbox sandbox = OfflineSandbox.start(List.of(chargeover()), 0)) {
      assertEquals(List.of("chargeover"), List.copyOf(sandbox.providers()));
      ChargeOverClient co = ChargeOverClient.builder().publicKey("pub").privateKey("priv")
          .baseUrl(sandbox.baseUrl("chargeover")).maxRetries(0).build();
      assertEquals("Acme Corp", co.getCustomer(GetCustomerParams.of(12L)).company());
      assertEquals("/api/v3/customer/12", sandbox.journal("chargeover").get(0).target());
    }
  }

  @Test
  void oneProviderTwiceIsRefused() throws IOException {
    Descriptor d = chargeover();
    assertEquals("provider 'chargeover' is given twice",
        assertThrows(IllegalArgumentException.class, () -> OfflineSandbox.start(List.of(d, d), 0)).getMessage());
  }
}
