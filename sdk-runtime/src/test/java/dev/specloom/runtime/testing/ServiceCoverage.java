package dev.specloom.runtime.testing;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import retrofit2.Invocation;

/**
 * Records which methods of a generated Retrofit service went over the wire, so that a wire test class can prove
 * it exercised every one of them: build the clients under test with {@link #client()} and call
 * {@link #assertAllCalled()} after all tests.
 */
public final class ServiceCoverage {
  private final Class<?> service;
  private final Set<String> called = ConcurrentHashMap.newKeySet();
  private final OkHttpClient client;

  public ServiceCoverage(Class<?> service) {
    this.service = service;
    this.client = new OkHttpClient.Builder().addInterceptor(chain -> {
      Invocation invocation = chain.request().tag(Invocation.class);
      if (invocation != null) called.add(invocation.method().getName());
      return chain.proceed(chain.request());
    }).build();
  }

  /** An OkHttpClient that records each service method it carries a request for. */
  public OkHttpClient client() {
    return client;
  }

  public void assertAllCalled() {
    Set<String> missing = new TreeSet<>();
    Arrays.stream(service.getDeclaredMethods()).map(Method::getName).forEach(missing::add);
    missing.removeAll(called);
    if (!missing.isEmpty()) throw new AssertionError(service.getSimpleName() + " methods no wire test sent: " + missing);
  }
}
