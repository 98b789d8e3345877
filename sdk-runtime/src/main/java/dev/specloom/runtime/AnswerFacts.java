package dev.specloom.runtime;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The status and request id of the last answer the calling thread received. Retrofit hands a converter only the
 * body; OkHttp runs the interceptor chain and the converter on one thread (the caller's for a synchronous call,
 * the dispatcher's for an asynchronous one), so an error raised while decoding can still name them.
 */
record AnswerFacts(int status, String requestId) {
  private static final ThreadLocal<AnswerFacts> LAST = new ThreadLocal<>();

  /** The outermost interceptor: records what finally came back, after any retries. */
  static Interceptor recorder(String requestIdHeader) {
    return chain -> {
      Response response = chain.proceed(chain.request());
      LAST.set(new AnswerFacts(response.code(), response.header(requestIdHeader)));
      return response;
    };
  }

  static AnswerFacts last() {
    AnswerFacts facts = LAST.get();
    return facts != null ? facts : new AnswerFacts(200, null);
  }

}
