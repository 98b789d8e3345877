package dev.specloom.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultsTest {
  static final String KEY = "sk_test_0123456789";
  final ToolResults results = new ToolResults(1024, new Secrets(List.of(KEY, "short")));

  static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  void aResultIsStructuredAndTheSameJsonAsText() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "cus_1");
    v.put("n", 3);
    v.put("email", null);
    McpSchema.CallToolResult r = results.success(v);
    assertFalse(r.isError());
    assertEquals(v, r.structuredContent());
    assertEquals("{\"id\":\"cus_1\",\"n\":3,\"email\":null}", text(r));
  }

  @Test
  void aListIsWrappedBecauseStructuredContentIsAnObject() {
    assertEquals(Map.of("result", List.of(1, 2)), results.success(List.of(1, 2)).structuredContent());
  }

  @Test
  void credentialsAreMaskedEverywhereButShortValuesStay() {
    McpSchema.CallToolResult r = results.success(Map.of("echo", "key " + KEY + " short", KEY, List.of(KEY)));
    assertEquals(Map.of("echo", "key *** short", "***", List.of("***")), r.structuredContent());
    assertFalse(text(r).contains(KEY));
    McpSchema.CallToolResult e = results.error(new LinkedHashMap<>(Map.of("message", "bad key " + KEY)), "bad key " + KEY);
    assertTrue(e.isError());
    assertEquals("bad key ***", text(e));
    assertEquals(Map.of("error", Map.of("message", "bad key ***")), e.structuredContent());
  }

  @Test
  void aLargeResultIsCutAtTheLimitOnACharacterBoundaryWithANote() {
    // 'é' is two bytes in UTF-8: the cut at byte 1024 falls inside one and must step back.
    String big = "a" + "é".repeat(2000);
    McpSchema.CallToolResult r = results.text(big, Map.of("output", big), false, big.getBytes(StandardCharsets.UTF_8).length);
    String t = text(r);
    String shown = t.substring(0, t.indexOf("\n[truncated"));
    assertEquals(1023, shown.getBytes(StandardCharsets.UTF_8).length);
    assertTrue(t.contains("[truncated: the result is 4001 bytes; the first 1023 are shown (the limit is 1024)"), t);
    assertEquals(Map.of("truncated", true, "bytes", 4001L, "shown_bytes", 1023), r.structuredContent());
  }

  @Test
  void aResultAtTheLimitIsWhole() {
    String exact = "x".repeat(1024);
    assertEquals(exact, text(results.text(exact, Map.of(), false, 1024)));
  }
}
