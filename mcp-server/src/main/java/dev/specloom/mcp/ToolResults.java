package dev.specloom.mcp;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds what a tool call returns: the result as structured content and as JSON text, secrets masked, and
 * the large-output guard: a result whose text is over {@code maxBytes} is not sent whole; the text is cut
 * there with a note saying how much was left out, and the structured content says it was truncated.
 */
final class ToolResults {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();
  private final int maxBytes;
  private final Secrets secrets;

  ToolResults(int maxBytes, Secrets secrets) {
    this.maxBytes = maxBytes;
    this.secrets = secrets;
  }

  /** A function's result; a non-object result is wrapped as {@code {"result": ...}} (structured content is an object). */
  CallToolResult success(Object value) {
    Object masked = secrets.mask(value);
    Map<String, Object> structured = object(masked);
    String text = JSON.toJson(structured);
    return guarded(text, structured, false, utf8(text).length);
  }

  /** A tool error: {@code {"error": {...}}} as structured content, {@code line} as text. */
  CallToolResult error(Map<String, Object> error, String line) {
    Map<String, Object> structured = new LinkedHashMap<>();
    structured.put("error", secrets.mask((Object) error));
    String text = secrets.mask(line);
    return guarded(text, structured, true, utf8(text).length);
  }

  /**
   * Text with structured content beside it (run_lua's output); {@code totalBytes} is the size of the whole
   * text when only its start was kept.
   */
  CallToolResult text(String text, Map<String, Object> structured, boolean isError, long totalBytes) {
    return guarded(secrets.mask(text), object(secrets.mask((Object) structured)), isError, totalBytes);
  }

  private CallToolResult guarded(String text, Map<String, Object> structured, boolean isError, long totalBytes) {
    byte[] bytes = utf8(text);
    if (bytes.length > maxBytes) {
      int cut = maxBytes;
      // Never split a UTF-8 sequence: step back to the start of the character at the cut.
      while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
      long total = Math.max(totalBytes, bytes.length);
      text = new String(bytes, 0, cut, StandardCharsets.UTF_8) + "\n[truncated: the result is " + total
          + " bytes; the first " + cut + " are shown (the limit is " + maxBytes + "). Ask for less: a smaller limit or"
          + " page size, filters, or run_lua to pick the fields you need.]";
      structured = new LinkedHashMap<>();
      structured.put("truncated", true);
      structured.put("bytes", total);
      structured.put("shown_bytes", cut);
    }
    return CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(isError).build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
    Map<String, Object> wrapped = new LinkedHashMap<>();
    wrapped.put("result", value);
    return wrapped;
  }
}
