package dev.specloom.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specloom.acme.model.Widget;
import dev.specloom.runtime.testing.WireServer;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-paging over three pages in each pagination style the spec format declares. */
class PaginationStylesTest {
  WireServer server;
  AcmeBillingClient acme;

  @BeforeEach
  void start() {
    server = new WireServer();
    acme = AcmeBillingClient.builder().apiKey("key_1").baseUrl(server.url("/")).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The next request is a GET of {@code path} with exactly {@code query}. */
  void expectGet(String path, String query) {
    WireServer.Sent sent = server.take();
    assertEquals("GET", sent.method());
    assertEquals(path, sent.path());
    assertEquals(query, sent.query());
  }

  static List<String> ids(Iterable<Widget> widgets) {
    return StreamSupport.stream(widgets.spliterator(), false).map(Widget::id).toList();
  }

  @Test
  void cursorAfterLastItem() {
    server.reply(200, "{\"data\":[{\"id\":\"w1\"},{\"id\":\"w2\"}],\"has_more\":true}")
        .reply(200, "{\"data\":[{\"id\":\"w3\"},{\"id\":\"w4\"}],\"has_more\":true}")
        .reply(200, "{\"data\":[{\"id\":\"w5\"}],\"has_more\":false}");
    assertEquals(List.of("w1", "w2", "w3", "w4", "w5"), ids(acme.listWidgetsAutoPaging(ListWidgetsParams.builder().limit(2L).build())));
    expectGet("/v1/widgets", "limit=2");
    expectGet("/v1/widgets", "limit=2&after=w2");
    expectGet("/v1/widgets", "limit=2&after=w4");
  }

  @Test
  void cursorToken() {
    server.reply(200, "{\"entries\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"has_more\":true,\"cursor\":\"c1\"}")
        .reply(200, "{\"entries\":[{\"id\":\"c\"},{\"id\":\"d\"}],\"has_more\":true,\"cursor\":\"c2\"}")
        .reply(200, "{\"entries\":[{\"id\":\"e\"}],\"has_more\":false,\"cursor\":null}");
    assertEquals(List.of("a", "b", "c", "d", "e"),
        acme.listByTokenStream(ListByTokenParams.builder().build()).map(Widget::id).toList());
    expectGet("/v2/widgets", "per_page=2");
    expectGet("/v2/widgets", "per_page=2&cursor=c1");
    expectGet("/v2/widgets", "per_page=2&cursor=c2");
  }

  @Test
  void pageNumbers() {
    server.reply(200, "{\"items\":[{\"id\":\"p1\"},{\"id\":\"p2\"}],\"has_more\":true}")
        .reply(200, "{\"items\":[{\"id\":\"p3\"},{\"id\":\"p4\"}],\"has_more\":true}")
        .reply(200, "{\"items\":[{\"id\":\"p5\"}],\"has_more\":false}");
    assertEquals(List.of("p1", "p2", "p3", "p4", "p5"), ids(acme.listByPageAutoPaging(ListByPageParams.builder().build())));
    expectGet("/v3/widgets", "page=1&per_page=2");
    expectGet("/v3/widgets", "page=2&per_page=2");
    expectGet("/v3/widgets", "page=3&per_page=2");
  }

  @Test
  void pageTranslatedToOffsetStopsAtAShortPage() {
    server.reply(200, "{\"response\":[{\"id\":\"o1\"},{\"id\":\"o2\"}]}")
        .reply(200, "{\"response\":[{\"id\":\"o3\"},{\"id\":\"o4\"}]}")
        .reply(200, "{\"response\":[{\"id\":\"o5\"}]}");
    assertEquals(List.of("o1", "o2", "o3", "o4", "o5"), ids(acme.listByOffsetAutoPaging(ListByOffsetParams.builder().build())));
    expectGet("/v4/widgets", "limit=2&offset=0");
    expectGet("/v4/widgets", "limit=2&offset=2");
    expectGet("/v4/widgets", "limit=2&offset=4");
    assertEquals(3, server.requestCount());
  }

  @Test
  void bearerAuthAndBracketedFormBody() {
    server.reply(200, "{\"id\":\"w9\",\"size-cm\":12,\"tags\":{\"a\":\"b\"}}");
    Widget w = acme.createWidget(CreateWidgetParams.builder().shop("shop/1").size(12L).putTags("a", "b").build());
    WireServer.Sent sent = server.take();
    assertEquals("POST", sent.method());
    assertEquals("/v1/widgets/shop%2F1", sent.path());
    assertEquals("dims[size]=12&tags[a]=b", sent.body());
    assertEquals("Bearer key_1", sent.header("Authorization"));
    assertEquals(12L, w.sizeCm());
    assertEquals("w9", w.label());
  }
}
