package dev.specloom.lua;

import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.StripeClient;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;

/**
 * Measures what the Lua bridge adds to one call: the same {@code get_customer} through Lua (validation,
 * params, conversion to tables, inside the sandbox with its instruction hook) and straight through the typed
 * {@link StripeClient}, both over a stubbed transport that answers from memory. Prints medians of batch means.
 */
public final class BridgeBench {
  private static final String BODY = "{\"id\":\"cus_1\",\"object\":\"customer\",\"name\":\"Acme Corp\","
      + "\"email\":\"billing@acme.example\",\"balance\":0,\"created\":1712304000,\"metadata\":{\"tier\":\"gold\"}}";

  private BridgeBench() {}

  /** Runs {@code batches} × {@code perBatch} calls each way after a warm-up; returns a report line. */
  public static String run(ProviderBinding stripe, int batches, int perBatch) {
    OkHttpClient stub = new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(BODY, MediaType.get("application/json"))).build()).build();
    IntegrationHost host = IntegrationHost.builder().bindings(java.util.List.of(stripe)).httpClient(stub)
        .account(new Account("stripe", "default", Map.of("api_key", "sk_test_bench"), Map.of(), null, WritePolicy.ALLOW))
        .limits(Limits.DEFAULT.withInstructions(Long.MAX_VALUE).withAllocatedBytes(Long.MAX_VALUE)
            .withWallClock(java.time.Duration.ofHours(1)))
        .build();
    Globals g = Sandbox.create(host.limits, line -> { });
    host.install(g);
    LuaValue luaCall = g.load("""
        local get = app.integrations.stripe.get_customer
        return function(n)
          local last
          for i = 1, n do last = get({ id = "cus_1" }) end
          return last.email
        end""", "bench").call();
    StripeClient client = (StripeClient) host.accounts.get("stripe").get("default").client();
    Supplier<Object> javaCall = () -> client.getCustomer(GetCustomerParams.of("cus_1")).email();
    LuaValue batch = LuaValue.valueOf(perBatch);

    double[] lua = new double[batches];
    double[] typed = new double[batches];
    for (int round = -3; round < batches; round++) {
      long t0 = System.nanoTime();
      luaCall.call(batch);
      long t1 = System.nanoTime();
      for (int i = 0; i < perBatch; i++) javaCall.get();
      long t2 = System.nanoTime();
      if (round >= 0) {
        lua[round] = (t1 - t0) / 1000.0 / perBatch;
        typed[round] = (t2 - t1) / 1000.0 / perBatch;
      }
    }
    double luaMedian = median(lua);
    double javaMedian = median(typed);
    return String.format("lua call %.2f µs, typed Java call %.2f µs (median of %d batches × %d calls): "
        + "bridge overhead %.2f µs, ratio %.2f×", luaMedian, javaMedian, batches, perBatch, luaMedian - javaMedian,
        luaMedian / javaMedian);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
