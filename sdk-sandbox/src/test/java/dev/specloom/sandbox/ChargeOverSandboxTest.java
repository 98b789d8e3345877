package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.chargeover.ChargeOverClient;
import dev.specloom.chargeover.GetCurrentUserParams;
import dev.specloom.chargeover.GetCustomerParams;
import dev.specloom.chargeover.GetInvoiceParams;
import dev.specloom.chargeover.ListCustomersParams;
import dev.specloom.chargeover.ListInvoicesParams;
import dev.specloom.chargeover.ListSubscriptionsParams;
import dev.specloom.chargeover.model.Customer;
import dev.specloom.chargeover.model.Transaction;
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

  /** get_current_user takes nothing and sends GET /customer?limit=1; its answer holds at most that one customer. */
  @Test
  void theConnectionCheckIsOneCustomerInTheEnvelope() {
    sandbox.reset();
    var me = co.getCurrentUser(GetCurrentUserParams.builder().build());
    assertEquals("/api/v3/customer?limit=1", sandbox.journal("chargeover").get(0).target());
    assertEquals(List.of(12L), me.customers().stream().map(Customer::customerId).toList());
  }

  /** ChargeOver's open state (o) holds unpaid, overdue and in-collections invoices alike. */
  @Test
  void openMeansEveryOpenStateAndTheListIsAnOverview() throws Exception {
    sandbox.reset();
    var open = co.listInvoices(ListInvoicesParams.builder().status("open").build());
    assertEquals(List.of("1001", "1002", "1003"), open.invoices().stream().map(i -> i.refnumber()).toList());
    assertEquals("/api/v3/invoice?limit=10&offset=0&where=invoice_status_state%3AEQUALS%3Ao", sandbox.journal("chargeover").get(0).target());
    assertEquals(List.of("1000", "1004"), co.listInvoices(ListInvoicesParams.builder().status("paid").build())
        .invoices().stream().map(i -> i.refnumber()).toList());
    String listed = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(sandbox.baseUrl("chargeover") + "/invoice?limit=10"))
        .header("Authorization", "Basic cHViOnByaXY=").build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertTrue(listed.contains("\"invoice_id\":1001"), listed);
    assertFalse(listed.contains("line_items"), "the list is an overview: " + listed);
    var full = co.getInvoice(GetInvoiceParams.of(1001L));
    assertEquals("Pro plan - March 2025", full.lineItems().get(0).descrip());
  }

  /** A transaction's applied_to is a list of {invoice_id, applied}; a page with such records decodes whole. */
  @Test
  void transactionsCarryTheInvoicesTheyAreAppliedTo() {
    sandbox.reset();
    List<Transaction> all = co.listTransactions().transactions();
    assertEquals(List.of(801L, 802L, 803L), all.stream().map(Transaction::transactionId).toList());
    assertEquals(1000L, all.get(0).appliedTo().get(0).invoiceId());
    assertEquals(1500.0, all.get(0).appliedTo().get(0).applied());
    assertEquals(List.of(), all.get(2).appliedTo());
  }
}
