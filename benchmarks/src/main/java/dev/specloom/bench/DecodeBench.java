package dev.specloom.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Types;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeObject;
import com.stripe.net.LiveStripeResponseGetter;
import com.stripe.net.StripeResponseGetter;
import com.stripe.util.StreamUtils;
import dev.specloom.stripe.StripeClient;
import dev.specloom.stripe.model.CustomerList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decoding the page of 100 customers {@link StripeStub} sends, from the bytes as they arrived, no socket involved:
 * the SDK's way (its generated adapter reading the buffered body, as {@code Retries} and {@code ResultConverters}
 * do) against stripe-java's (the body read to a String, then {@code ApiResource.GSON} through
 * {@code StripeObject.deserializeStripeObject}, as its {@code LiveStripeResponseGetter} does). With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} / 100 is the allocation per decoded customer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class DecodeBench {
  static final int CUSTOMERS = 100;
  /**
   * {@code StripeObject.deserializeStripeObject(String, Type, StripeResponseGetter)}, looked up because its
   * overloads name Gson types, which the benchmarks do not compile against; a constant handle costs a direct call.
   */
  private static final MethodHandle STRIPE_DESERIALIZE;

  static {
    try {
      STRIPE_DESERIALIZE = MethodHandles.publicLookup().findStatic(StripeObject.class, "deserializeStripeObject",
          MethodType.methodType(StripeObject.class, String.class, Type.class, StripeResponseGetter.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  byte[] page;
  JsonAdapter<CustomerList> specloom;
  Type stripeType;
  StripeResponseGetter stripeGetter;

  @Setup
  public void start() throws Throwable {
    try (StripeStub stub = new StripeStub(CUSTOMERS)) {
      page = stub.firstHundred();
    }
    specloom = StripeClient.builder().provider().moshi().adapter(CustomerList.class);
    // The type CustomerService.list asks for; Gson reads any ParameterizedType the same.
    stripeType = Types.newParameterizedType(StripeCollection.class, com.stripe.model.Customer.class);
    stripeGetter = new LiveStripeResponseGetter();
    if (customerPageSpecloom().customers().size() != CUSTOMERS || customerPageStripeJava().getData().size() != CUSTOMERS) {
      throw new IllegalStateException("a decoder did not read the whole page");
    }
  }

  @TearDown
  public void stop() {
    page = null;
  }

  @Benchmark
  public CustomerList customerPageSpecloom() throws IOException {
    Buffer body = new Buffer().write(page);
    return specloom.fromJson(JsonReader.of(body));
  }

  @Benchmark
  @SuppressWarnings("unchecked")
  public StripeCollection<com.stripe.model.Customer> customerPageStripeJava() throws Throwable {
    String body = StreamUtils.readToEnd(new ByteArrayInputStream(page), StandardCharsets.UTF_8);
    return (StripeCollection<com.stripe.model.Customer>) (StripeObject) STRIPE_DESERIALIZE.invokeExact(body, stripeType, stripeGetter);
  }
}
