package dev.specloom.sandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.chargeover.ChargeOverClient;
import dev.specloom.sandbox.Exchange;
import dev.specloom.sandbox.Fault;
import dev.specloom.sandbox.OfflineSandbox;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.StripeClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user's test with clients injected: the extension builds each SDK's client from its type alone (no provider
 * named in the sandbox module), pointed at that provider's simulator; faults go through the sandbox parameter.
 */
@WithOfflineSandbox(providers = {"stripe", "chargeover"})
class InjectedClientsTest {
  private final StripeClient fromConstructor;

  InjectedClientsTest(StripeClient stripe) {
    this.fromConstructor = stripe;
  }

  @Test
  void injectedClientsCallTheirSimulatorAndTheSdkRetriesAnInjectedFault(StripeClient stripe, ChargeOverClient chargeover,
      OfflineSandbox sandbox) {
    sandbox.faults("stripe").next(Fault.status(503));
    assertEquals("Acme Corp", stripe.getCustomer(GetCustomerParams.of("cus_abc123")).name());
    assertEquals(List.of(503, 200), sandbox.journal("stripe").stream().map(Exchange::status).toList());

    assertEquals(12L, chargeover.getCustomer(dev.specloom.chargeover.GetCustomerParams.of(12L)).customerId());
    List<Exchange> calls = sandbox.journal("chargeover");
    assertEquals(1, calls.size());
    assertEquals("GET /api/v3/customer/12", calls.get(0).method() + " " + calls.get(0).target());
    assertEquals(200, calls.get(0).status());
  }

  @Test
  void aConstructorTakesAClientToo(OfflineSandbox sandbox) {
    assertEquals("Acme Corp", fromConstructor.getCustomer(GetCustomerParams.of("cus_abc123")).name());
    assertTrue(sandbox.journal("stripe").stream().allMatch(e -> e.status() == 200));
    assertEquals(1, sandbox.journal("stripe").size());
  }
}
