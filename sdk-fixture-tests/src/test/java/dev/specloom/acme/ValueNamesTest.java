package dev.specloom.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.runtime.testing.WireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An enum's other spellings go out as the value they stand for; a refused value names the one to use instead. */
class ValueNamesTest {
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

  @Test
  void anotherSpellingIsSentAsTheValueItStandsFor() {
    server.reply(200, "{\"data\":[],\"has_more\":false}");
    acme.listWidgets(ListWidgetsParams.builder().color("Red").build());
    assertEquals("limit=10&color=red", server.take().query());
    assertEquals("red", ListWidgetsParams.builder().color("Red").build().color());
  }

  @Test
  void aRefusedValueNamesTheValueToUseAndSendsNothing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ListWidgetsParams.builder().color("green"));
    assertEquals("acme.list_widgets: 'color' cannot be 'green'; use 'blue' instead", e.getMessage());
    assertEquals(0, server.requestCount());
  }
}
