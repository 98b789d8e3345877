package dev.specloom.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.stripe.exception.StripeException;
import com.stripe.param.CustomerListParams;
import dev.specloom.runtime.SpecloomVersion;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.ListCustomersParams;
import dev.specloom.stripe.StripeClient;
import dev.specloom.stripe.model.Customer;
import dev.specloom.stripe.model.CustomerList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One Stripe call over loopback with keep-alive, three ways against the same {@link StripeStub}: the generated
 * SDK; the floor under it, the same request (headers included) through an OkHttpClient with the SDK's settings
 * and decoded from the response's source by the SDK's own generated adapters; and stripe-java with its API base
 * pointed at the stub. Modes and units come from the runner.
 */
public class SdkCallBench {
  static final String KEY = "sk_test_bench";

  @State(Scope.Benchmark)
  public static class Clients {
    StripeStub server;
    StripeClient specloom;
    OkHttpClient okhttp;
    Request getRequest;
    Request listRequest;
    JsonAdapter<Customer> customerJson;
    JsonAdapter<CustomerList> listJson;
    com.stripe.StripeClient stripeJava;

    @Setup(Level.Trial)
    public void start() throws Exception {
      server = new StripeStub(100);
      specloom = StripeClient.builder().apiKey(KEY).baseUrl(server.url()).build();
      // The SDK's transport without its interceptors: ClientBuilder's connect timeout, HTTP/1.1, no silent retry,
      // none of OkHttp's watchdog timeouts (the SDK keeps its read timeout on the socket, set here the same way,
      // and its call deadline in its own watchdog), and the same connection pool and dispatcher defaults (a fresh
      // client's, as SharedHttp's is).
      okhttp = new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ZERO)
          .writeTimeout(Duration.ZERO)
          .callTimeout(Duration.ZERO)
          .protocols(List.of(Protocol.HTTP_1_1))
          .retryOnConnectionFailure(false)
          .addNetworkInterceptor(chain -> {
            chain.connection().socket().setSoTimeout(30_000);
            return chain.proceed(chain.request());
          })
          .build();
      // The floor sends the one request each benchmark makes, built once; the SDK builds it from params per call.
      HttpUrl root = HttpUrl.get(server.url());
      getRequest = get(root.newBuilder().addPathSegments("v1/customers").addPathSegment("cus_0000000").build());
      listRequest = get(root.newBuilder().addPathSegments("v1/customers").addQueryParameter("limit", "100").build());
      // The SDK's Moshi: its generated adapters, not Moshi's reflective ones.
      Moshi moshi = StripeClient.builder().provider().moshi();
      customerJson = moshi.adapter(Customer.class);
      listJson = moshi.adapter(CustomerList.class);
      stripeJava = com.stripe.StripeClient.builder().setApiKey(KEY).setApiBase(server.url()).setMaxNetworkRetries(0).build();
      check();
    }

    /** Every client must get the same answer before any is timed. */
    private void check() throws Exception {
      SdkCallBench b = new SdkCallBench();
      String email = "jenny.rosen@example.com";
      require(email.equals(b.getCustomerSpecloom(this).email()), "specloom get_customer");
      require(email.equals(b.getCustomerOkHttpMoshi(this).email()), "okhttp get_customer");
      require(email.equals(b.getCustomerStripeJava(this).getEmail()), "stripe-java get_customer");
      require(b.listCustomersSpecloom(this).customers().size() == 100, "specloom list_customers");
      require(b.listCustomersOkHttpMoshi(this).customers().size() == 100, "okhttp list_customers");
      require(b.listCustomersStripeJava(this).getData().size() == 100, "stripe-java list_customers");
    }

    @TearDown(Level.Trial)
    public void stop() {
      server.close();
      okhttp.connectionPool().evictAll();
      okhttp.dispatcher().executorService().shutdown();
    }

    private static Request get(HttpUrl url) {
      String authorization = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
      return new Request.Builder().url(url)
          .header("Authorization", authorization)
          .header("Stripe-Version", "2024-06-20")
          .header("User-Agent", "specloom-stripe/" + SpecloomVersion.get())
          .build();
    }
  }

  static void require(boolean ok, String what) {
    if (!ok) throw new IllegalStateException(what + " did not return the stub's answer");
  }

  @Benchmark
  public Customer getCustomerSpecloom(Clients c) {
    return c.specloom.getCustomer(GetCustomerParams.of("cus_0000000"));
  }

  @Benchmark
  public Customer getCustomerOkHttpMoshi(Clients c) throws IOException {
    try (Response r = c.okhttp.newCall(c.getRequest).execute()) {
      if (!r.isSuccessful()) throw new IOException("HTTP " + r.code());
      return c.customerJson.fromJson(r.body().source());
    }
  }

  @Benchmark
  public com.stripe.model.Customer getCustomerStripeJava(Clients c) throws StripeException {
    return c.stripeJava.v1().customers().retrieve("cus_0000000");
  }

  @Benchmark
  public CustomerList listCustomersSpecloom(Clients c) {
    return c.specloom.listCustomers(ListCustomersParams.builder().limit(100L).build());
  }

  @Benchmark
  public CustomerList listCustomersOkHttpMoshi(Clients c) throws IOException {
    try (Response r = c.okhttp.newCall(c.listRequest).execute()) {
      if (!r.isSuccessful()) throw new IOException("HTTP " + r.code());
      return c.listJson.fromJson(r.body().source());
    }
  }

  @Benchmark
  public com.stripe.model.StripeCollection<com.stripe.model.Customer> listCustomersStripeJava(Clients c)
      throws StripeException {
    return c.stripeJava.v1().customers().list(CustomerListParams.builder().setLimit(100L).build());
  }
}
