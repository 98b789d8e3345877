package dev.specloom.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.runtime.testing.WireServer;
import dev.specloom.stripe.model.Customer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Auto-pagination over list_customers: lazy, in order, and continuing after the last id of each page. */
class StripePagingTest {
  @RegisterExtension final StripeWire wire = new StripeWire();
  final WireServer server = wire.server;
  final StripeClient stripe = wire.stripe;

  static String page(boolean hasMore, String... ids) {
    String data = Stream.of(ids)
        .map(id -> "{\"id\":\"" + id + "\",\"object\":\"customer\",\"email\":\"" + id + "@acme.example\"}")
        .collect(Collectors.joining(","));
    return "{\"object\":\"list\",\"url\":\"/v1/customers\",\"has_more\":" + hasMore + ",\"data\":[" + data + "]}";
  }

  void queueThreePages() {
    server.reply(200, page(true, "cus_1", "cus_2"));
    server.reply(200, page(true, "cus_3", "cus_4"));
    server.reply(200, page(false, "cus_5"));
  }

  /** The three requests a full walk sends: the first without a cursor, then after the last id of each page. */
  void assertThreePageRequests(String firstQuery, String secondQuery, String thirdQuery) {
    assertEquals(3, server.requestCount());
    String[] expected = {firstQuery, secondQuery, thirdQuery};
    for (String query : expected) wire.expect("GET", "/v1/customers", query, null);
  }

  @Test
  void autoPagingIterableWalksThreePagesInOrder() {
    queueThreePages();
    Iterable<Customer> all = stripe.listCustomersAutoPaging(ListCustomersParams.builder()
        .email("team@acme.example").limit(2L).build());
    assertEquals(0, server.requestCount(), "nothing is fetched before iteration starts");

    List<String> ids = new ArrayList<>();
    for (Customer c : all) ids.add(c.id());

    assertEquals(List.of("cus_1", "cus_2", "cus_3", "cus_4", "cus_5"), ids);
    assertThreePageRequests(
        "email=team%40acme.example&limit=2",
        "email=team%40acme.example&limit=2&starting_after=cus_2",
        "email=team%40acme.example&limit=2&starting_after=cus_4");
  }

  @Test
  void autoPagingIteratorFetchesEachPageOnlyWhenReached() {
    queueThreePages();
    Iterator<Customer> it = stripe.listCustomersAutoPaging(ListCustomersParams.builder().limit(2L).build()).iterator();
    assertEquals(0, server.requestCount());
    assertTrue(it.hasNext());
    assertEquals(1, server.requestCount());
    assertEquals("cus_1", it.next().id());
    assertEquals("cus_2", it.next().id());
    assertEquals(1, server.requestCount(), "page 2 is not fetched until page 1 is used up");
    assertEquals("cus_3", it.next().id());
    assertEquals(2, server.requestCount());
    assertEquals("cus_4", it.next().id());
    assertEquals("cus_5", it.next().id());
    assertEquals(3, server.requestCount());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
    assertEquals(3, server.requestCount(), "has_more=false ends the walk");
    assertThreePageRequests("limit=2", "limit=2&starting_after=cus_2", "limit=2&starting_after=cus_4");
  }

  @Test
  void streamWalksThreePagesInOrder() {
    queueThreePages();
    List<String> ids;
    try (Stream<Customer> s = stripe.listCustomersStream(ListCustomersParams.builder().limit(2L).build())) {
      assertEquals(0, server.requestCount(), "nothing is fetched before the stream is consumed");
      ids = s.map(Customer::id).toList();
    }
    assertEquals(List.of("cus_1", "cus_2", "cus_3", "cus_4", "cus_5"), ids);
    assertThreePageRequests("limit=2", "limit=2&starting_after=cus_2", "limit=2&starting_after=cus_4");
  }

  @Test
  void streamLimitedToTheFirstPageFetchesOnlyThatPage() {
    queueThreePages();
    List<String> ids = stripe.listCustomersStream(ListCustomersParams.builder().limit(2L).build())
        .limit(2).map(Customer::id).toList();
    assertEquals(List.of("cus_1", "cus_2"), ids);
    assertEquals(1, server.requestCount());
    wire.expect("GET", "/v1/customers", "limit=2", null);
  }

  @Test
  void defaultLimitIsCarriedToEveryPage() {
    queueThreePages();
    List<String> ids = stripe.listCustomersStream(ListCustomersParams.builder().build()).map(Customer::id).toList();
    assertEquals(5, ids.size());
    assertThreePageRequests("limit=10", "limit=10&starting_after=cus_2", "limit=10&starting_after=cus_4");
  }

  @Test
  void anExplicitStartingCursorIsReplacedPageByPage() {
    queueThreePages();
    List<String> ids = new ArrayList<>();
    stripe.listCustomersAutoPaging(ListCustomersParams.builder().limit(2L).startingAfter("cus_0").build())
        .forEach(c -> ids.add(c.id()));
    assertEquals(List.of("cus_1", "cus_2", "cus_3", "cus_4", "cus_5"), ids);
    assertThreePageRequests("limit=2&starting_after=cus_0", "limit=2&starting_after=cus_2",
        "limit=2&starting_after=cus_4");
  }

  @Test
  void anEmptyFirstPageEndsTheWalkEvenWhenHasMoreIsTrue() {
    server.reply(200, page(true));
    Iterator<Customer> it = stripe.listCustomersAutoPaging(ListCustomersParams.builder().build()).iterator();
    assertFalse(it.hasNext());
    assertEquals(1, server.requestCount());
    wire.expect("GET", "/v1/customers", "limit=10", null);
  }
}
