package dev.specloom.sandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.RetryPolicy;
import dev.specloom.sandbox.Exchange;
import dev.specloom.sandbox.Fault;
import dev.specloom.sandbox.OfflineSandbox;
import dev.specloom.stripe.CreateCustomerParams;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.StripeClient;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A user's test written with the extension: the sandbox injected, a Stripe client pointed at it, faults injected. */
@WithOfflineSandbox(providers = "stripe")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineSandboxExtensionTest {
  /** Carried from the first test to the second, to show that the second starts from the seed data. */
  private static String createdInFirstTest;

  private static OfflineSandbox fromFirstTest;

  private final OfflineSandbox injectedInConstructor;

  OfflineSandboxExtensionTest(OfflineSandbox sandbox) {
    this.injectedInConstructor = sandbox;
  }

  private static StripeClient stripe(OfflineSandbox sandbox, int maxRetries) {
    // No real sleeping between retries: the test is about what is retried, not how long it waits.
    return StripeClient.builder().apiKey("sk_test_any").baseUrl(sandbox.baseUrl("stripe"))
        .retries(RetryPolicy.DEFAULT.withSleeper(d -> { })).maxRetries(maxRetries).build();
  }

  @Test
  @Order(1)
  void theSdkRetriesAnInjectedFaultAndTheStateKeepsWithinATest(OfflineSandbox sandbox) {
    assertSame(injectedInConstructor, sandbox);
    assertEquals(Set.of("stripe"), sandbox.providers());
    fromFirstTest = sandbox;
    StripeClient stripe = stripe(sandbox, 2);

    sandbox.faults("stripe").next(Fault.status(503));
    assertEquals("Acme Corp", stripe.getCustomer(GetCustomerParams.of("cus_abc123")).name());
    assertEquals(List.of(503, 200), sandbox.journal("stripe").stream().map(Exchange::status).toList());

    createdInFirstTest = stripe.createCustomer(CreateCustomerParams.builder().name("Jane").build()).id();
    assertEquals("Jane", stripe.getCustomer(GetCustomerParams.of(createdInFirstTest)).name());
    // Left queued on purpose: the reset before the next test must drop it.
    sandbox.faults("stripe").next(Fault.status(500));
  }

  @Test
  @Order(2)
  void eachTestStartsFromTheSeedDataWithNoFaultsAndAnEmptyJournal(OfflineSandbox sandbox) {
    assertSame(fromFirstTest, sandbox, "one sandbox for the whole class");
    assertEquals(0, sandbox.faults("stripe").pending());
    assertEquals(List.of(), sandbox.journal("stripe"));

    ProviderException gone = assertThrows(ProviderException.class,
        () -> stripe(sandbox, 0).getCustomer(GetCustomerParams.of(createdInFirstTest)));
    assertEquals(404, gone.status());
    assertEquals("resource_missing", gone.code());
  }

  @Test
  @Order(3)
  void aFaultThatOutlastsTheRetriesReachesTheCallerAsATypedError(OfflineSandbox sandbox) {
    sandbox.faults("stripe").repeat(Fault.rateLimited(Duration.ofSeconds(1)), 2);
    ProviderException e = assertThrows(ProviderException.class,
        () -> stripe(sandbox, 1).getCustomer(GetCustomerParams.of("cus_abc123")));
    assertEquals(429, e.status());
    assertEquals("rate_limit", e.code());
    assertEquals(List.of(429, 429), sandbox.journal("stripe").stream().map(Exchange::status).toList());
  }

  @Nested
  class ANestedClass {
    @Test
    void sharesTheEnclosingClassesSandbox(OfflineSandbox sandbox) {
      assertSame(injectedInConstructor, sandbox);
      assertEquals(List.of(), sandbox.journal("stripe"));
    }
  }
}
