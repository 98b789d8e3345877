package dev.specloom.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DynamicTest;
import retrofit2.Invocation;

/**
 * Records which methods of a generated Retrofit service went over the wire, so that a wire test class can prove
 * it exercised every one of them: build the clients under test with {@link #client()} and return
 * {@link #eachMethodSent()} from a test factory that runs after the class's other tests.
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

  /** One test per service method, in name order: it passes when some earlier test sent that method's request. */
  public Stream<DynamicTest> eachMethodSent() {
    return Arrays.stream(service.getDeclaredMethods()).map(Method::getName).sorted().distinct()
        .map(name -> DynamicTest.dynamicTest(name + " went over the wire",
            () -> assertTrue(called.contains(name), service.getSimpleName() + "." + name + ": no wire test sent it")));
  }
}
