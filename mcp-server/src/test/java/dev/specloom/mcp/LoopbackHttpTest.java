package dev.specloom.mcp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only loopback names may reach the HTTP server: a page elsewhere cannot rebind a name to 127.0.0.1 and call it. */
class LoopbackHttpTest {
  @Test
  void loopbackHostsAndOriginsPass() {
    for (String host : List.of("127.0.0.1:8931", "localhost:8931", "LOCALHOST", "[::1]:8931")) {
      assertDoesNotThrow(() -> LoopbackHttp.validate(Map.of("Host", List.of(host))), host);
    }
    assertDoesNotThrow(() -> LoopbackHttp.validate(Map.of("Host", List.of("127.0.0.1:1"), "Origin", List.of("http://localhost:3000"))));
  }

  @Test
  void otherHostsAndOriginsAreRefused() {
    ServerTransportSecurityException host = assertThrows(ServerTransportSecurityException.class,
        () -> LoopbackHttp.validate(Map.of("Host", List.of("evil.example:8931"))));
    assertEquals(421, host.getStatusCode());
    ServerTransportSecurityException origin = assertThrows(ServerTransportSecurityException.class,
        () -> LoopbackHttp.validate(Map.of("Host", List.of("127.0.0.1:1"), "Origin", List.of("https://evil.example"))));
    assertEquals(403, origin.getStatusCode());
    assertThrows(ServerTransportSecurityException.class,
        () -> LoopbackHttp.validate(Map.of("Host", List.of("127.0.0.1.evil.example"))));
  }

  @Test
  void hostNameDropsThePort() {
    assertEquals("localhost", LoopbackHttp.hostName("LocalHost:80"));
    assertEquals("[::1]", LoopbackHttp.hostName("[::1]:80"));
  }
}
