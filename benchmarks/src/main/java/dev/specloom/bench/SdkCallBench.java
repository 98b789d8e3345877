package dev.specloom.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.stripe.exception.StripeException;
import com.stripe.param.CustomerListParams;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.ListCustomersParams;
import dev.specloom.stripe.StripeClient;
import dev.specloom.stripe.model.Customer;
import dev.specloom.stripe.model.CustomerList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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
 * SDK; the same request (headers included) through a plain OkHttpClient with Moshi decoding into the same
 * model classes; and stripe-java with its API base pointed at the stub. Modes and units come from the runner.
 */
public class SdkCallBench {
  static final String KEY = "sk_test_bench";

  @State(Scope.Benchmark)
  public static class Clients {
    StripeStub server;
    StripeClient specloom;
    OkHttpClient okhttp;
    HttpUrl root;
    String authorization;
    JsonAdapter<Customer> customerJson;
    JsonAdapter<CustomerList> listJson;
    com.stripe.StripeClient stripeJava;

    @Setup(Level.Trial)
    public void start() throws Exception {
      server = new StripeStub(100);
      specloom = StripeClient.builder().apiKey(KEY).baseUrl(server.url()).build();
      okhttp = new OkHttpClient();
      root = HttpUrl.get(server.url());
      authorization = "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
      Moshi moshi = new Moshi.Builder().build();
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

    Request get(HttpUrl url) {
      return new Request.Builder().url(url)
          .header("Authorization", authorization)
          .header("Stripe-Version", "2024-06-20")
          .header("User-Agent", "bench/1.0")
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
    HttpUrl url = c.root.newBuilder().addPathSegments("v1/customers").addPathSegment("cus_0000000").build();
    try (Response r = c.okhttp.newCall(c.get(url)).execute()) {
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
    HttpUrl url = c.root.newBuilder().addPathSegments("v1/customers").addQueryParameter("limit", "100").build();
    try (Response r = c.okhttp.newCall(c.get(url)).execute()) {
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
