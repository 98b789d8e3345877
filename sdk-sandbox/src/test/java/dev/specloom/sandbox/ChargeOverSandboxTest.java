package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.chargeover.ChargeOverClient;
import dev.specloom.chargeover.GetCustomerParams;
import dev.specloom.chargeover.ListCustomersParams;
import dev.specloom.chargeover.ListInvoicesParams;
import dev.specloom.chargeover.ListSubscriptionsParams;
import dev.specloom.chargeover.model.Customer;
import dev.specloom.runtime.ProviderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ChargeOver simulator through the generated SDK: /api/v3 paths, the envelope, where filters, limit/offset. */
class ChargeOverSandboxTest {
  static OfflineSandbox sandbox;
  static ChargeOverClient co;

  @BeforeAll
  static void start() {
    sandbox = OfflineSandbox.start(List.of("chargeover"));
    co = ChargeOverClient.builder().publicKey("pub").privateKey("priv").baseUrl(sandbox.baseUrl("chargeover")).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void offsetPagingWalksEveryPage() {
    sandbox.reset();
    List<Long> ids = new ArrayList<>();
    co.listCustomersAutoPaging(ListCustomersParams.builder().limit(1L).build()).forEach(c -> ids.add(c.customerId()));
    assertEquals(List.of(12L, 7L, 15L, 21L), ids);
    assertEquals(List.of("/api/v3/customer?limit=1&offset=0", "/api/v3/customer?limit=1&offset=1", "/api/v3/customer?limit=1&offset=2",
        "/api/v3/customer?limit=1&offset=3", "/api/v3/customer?limit=1&offset=4"),
        sandbox.journal("chargeover").stream().map(Exchange::target).toList());
  }

  @Test
  void whereFiltersUseTheWireValues() {
    sandbox.reset();
    assertEquals(List.of(21L), co.listCustomers(ListCustomersParams.builder().status("inactive").build())
        .customers().stream().map(Customer::customerId).toList());
    assertEquals("/api/v3/customer?limit=10&offset=0&where=customer_status_state%3AEQUALS%3Ai", sandbox.journal("chargeover").get(0).target());
    assertEquals(List.of("1002"), co.listInvoices(ListInvoicesParams.builder().status("overdue").build())
        .invoices().stream().map(i -> i.refnumber()).toList());
    assertEquals(List.of(501L, 502L), co.listSubscriptions(ListSubscriptionsParams.builder().customerId(12L).build())
        .subscriptions().stream().map(p -> p.packageId()).toList());
  }

  @Test
  void getAnswersInsideTheEnvelopeAndUnknownIdsAreEnvelopeErrors() {
    sandbox.reset();
    Customer c = co.getCustomer(GetCustomerParams.of(12L));
    assertEquals("Acme Corp", c.company());
    assertEquals(1500.0, c.balance());
    ProviderException e = assertThrows(ProviderException.class, () -> co.getCustomer(GetCustomerParams.of(999L)));
    assertEquals(404, e.status());
    assertEquals("Error", e.type());
    assertEquals("Could not find a customer with id 999.", e.providerMessage());
    var me = co.getCurrentUser();
    assertEquals("OK", me.status());
    assertEquals(200L, me.code());
  }
}
