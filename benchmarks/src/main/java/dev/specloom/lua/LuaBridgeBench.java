package dev.specloom.lua;

import dev.specloom.stripe.GetCustomerParams;
import dev.specloom.stripe.StripeClient;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the Lua bridge adds to one call: {@code get_customer} from a script (argument validation, params, the
 * call, the result converted to Lua tables, all inside the script jail with its instruction and allocation hooks)
 * against the same call through the typed {@link StripeClient}. Both share one OkHttpClient whose transport is
 * stubbed to answer from memory. In this package because the script jail and its budget are package-private.
 */
@State(Scope.Benchmark)
public class LuaBridgeBench {
  private static final byte[] BODY = ("{\"id\":\"cus_1\",\"object\":\"customer\",\"name\":\"Acme Corp\","
      + "\"email\":\"billing@acme.example\",\"balance\":0,\"created\":1712304000,\"metadata\":{\"tier\":\"gold\"}}")
      .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  // Parsed once: the stub should cost both calls as little as possible.
  private static final MediaType JSON = MediaType.get("application/json");

  LuaValue luaCall;
  StripeClient typed;

  @Setup(Level.Trial)
  public void start() {
    OkHttpClient stub = new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
        .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
        .body(ResponseBody.create(BODY, JSON)).build()).build();
    IntegrationHost host = IntegrationHost.builder().bindings(Bindings.all()).httpClient(stub)
        .account(new Account("stripe", "default", Map.of("api_key", "sk_test_bench"), Map.of(), null, WritePolicy.ALLOW))
        .limits(Limits.DEFAULT.withInstructions(Long.MAX_VALUE).withAllocatedBytes(Long.MAX_VALUE)
            .withWallClock(Duration.ofHours(1)))
        .build();
    Globals g = ScriptJail.create(ScriptBudget.start(host.limits), line -> { });
    host.install(g);
    luaCall = g.load("""
        local get = app.integrations.stripe.get_customer
        return function() return get({ id = "cus_1" }).email end""", "bench").call();
    typed = StripeClient.builder().apiKey("sk_test_bench").httpClient(stub).build();
    if (!luaCall.call().tojstring().equals(javaGetCustomer())) throw new IllegalStateException("the calls disagree");
  }

  @Benchmark
  public LuaValue luaGetCustomer() {
    return luaCall.call();
  }

  @Benchmark
  public String javaGetCustomer() {
    return typed.getCustomer(GetCustomerParams.of("cus_1")).email();
  }
}
