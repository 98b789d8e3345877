package dev.specloom.runtime;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import java.io.EOFException;

/**
 * Carries a body that did not decode out of Retrofit's converter to where the function name is known. Moshi
 * reports the failing place as "... at path $.x"; a result read from under {@code resultPath} is re-rooted.
 */
final class BodyMismatch extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String detail;
  private final transient AnswerFacts facts;

  BodyMismatch(String resultPath, Exception cause, AnswerFacts facts) {
    super(null, cause, false, false);
    String message = String.valueOf(cause.getMessage());
    int at = message.lastIndexOf(" at path $");
    String local = at < 0 ? "$" : message.substring(at + " at path ".length());
    this.path = resultPath == null ? local : "$." + resultPath + local.substring(1);
    this.detail = at < 0 ? message : message.substring(0, at);
    this.facts = facts;
  }

  /**
   * Malformed JSON, or JSON that ends early in a body that arrived whole (a connection that breaks mid-body is
   * a ProtocolException or SocketException from OkHttp instead), does not fit; any other failure is transport's.
   */
  static <E extends Exception> BodyMismatch orTransport(E e) throws E {
    boolean malformed = e instanceof JsonDataException || e instanceof JsonEncodingException
        || e instanceof EOFException && String.valueOf(e.getMessage()).startsWith("End of input");
    if (!malformed) throw e;
    return new BodyMismatch(null, e, AnswerFacts.last());
  }

  DecodeException toException(String provider, String function) {
    return new DecodeException(provider, function, facts.status(), facts.requestId(), path, detail, getCause());
  }
}
