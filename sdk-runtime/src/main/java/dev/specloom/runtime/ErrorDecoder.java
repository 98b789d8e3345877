package dev.specloom.runtime;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Turns a provider's error answer, or a failure reported inside a 2xx envelope, into a {@link ProviderException}:
 * code, type, message and param from the spec's error paths, and every account secret in those texts masked
 * (except one the caller sent itself).
 */
final class ErrorDecoder {
  private final ProviderInfo provider;
  private final Redaction redaction;
  private final JsonAdapter<Object> values;

  ErrorDecoder(ProviderInfo provider, Redaction redaction, JsonAdapter<Object> values) {
    this.provider = provider;
    this.redaction = redaction;
    this.values = values;
  }

  /** A non-2xx answer; a body that is not JSON (a proxy's HTML page, say) gives its first line as the message. */
  ProviderException fromAnswer(String function, int status, String text, String requestId, Request sent) {
    Object tree = null;
    try {
      tree = text.isBlank() ? null : values.fromJson(text);
    } catch (IOException | RuntimeException notJson) {
      // The first line of the body becomes the message.
    }
    String message = tree == null ? null : JsonTree.first(tree, provider.messagePaths);
    if (message == null) {
      String firstLine = text.strip().lines().findFirst().orElse("");
      message = firstLine.isEmpty() ? "HTTP " + status : firstLine.substring(0, Math.min(200, firstLine.length()));
    }
    return exception(function, status, tree, message, requestId, sent);
  }

  /**
   * A 2xx body whose envelope status is not the success value: its status is the number at the envelope's code
   * field (200 when there is none), its message the envelope's message field, else the error message paths.
   */
  ProviderException fromEnvelope(String function, Object tree, String requestId, Request sent) {
    Object code = provider.envelopeCodePath == null ? null : JsonTree.at(tree, provider.envelopeCodePath);
    String message = provider.envelopeMessagePath == null ? null : JsonTree.first(tree, List.of(provider.envelopeMessagePath));
    if (message == null) message = JsonTree.first(tree, provider.messagePaths);
    return exception(function, code instanceof Number n ? n.intValue() : 200, tree,
        message == null || message.isEmpty() ? "request failed" : message, requestId, sent);
  }

  private ProviderException exception(String function, int status, Object tree, String message, String requestId, Request sent) {
    Redaction mask = redaction.except(callerText(sent));
    return new ProviderException(provider.name, function, status,
        mask.mask(tree == null ? null : JsonTree.first(tree, provider.codePaths)),
        mask.mask(tree == null ? null : JsonTree.first(tree, provider.typePaths)),
        mask.mask(message),
        mask.mask(tree == null ? null : JsonTree.first(tree, provider.paramPaths)),
        mask.mask(requestId));
  }

  /** What the caller put into a request: its URL and body, raw and decoded (credentials are added later). */
  static String callerText(Request sent) {
    StringBuilder b = new StringBuilder(sent.url().toString());
    RequestBody body = sent.body();
    if (body != null && !body.isOneShot()) {
      Buffer buffer = new Buffer();
      try {
        body.writeTo(buffer);
      } catch (IOException e) {
        // An unreadable body holds nothing to compare.
      }
      b.append('\n').append(buffer.readUtf8());
    }
    String raw = b.toString();
    try {
      return raw + "\n" + URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return raw;
    }
  }
}
