package dev.specloom.acme;

import dev.specloom.acme.model.EnvelopePage;
import dev.specloom.acme.model.NumberedPage;
import dev.specloom.acme.model.TokenPage;
import dev.specloom.acme.model.Widget;
import dev.specloom.acme.model.WidgetPage;
import java.util.Map;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HeaderMap;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/**
 * Retrofit view of the provider's HTTP API. Generated from the spec; do not edit.
 */
interface AcmeBillingService {
  @GET("v1/widgets")
  Call<WidgetPage> listWidgets(@QueryMap(encoded = true) Map<String, String> query,
      @HeaderMap Map<String, String> headers);

  @GET("v2/widgets")
  Call<TokenPage> listByToken(@QueryMap(encoded = true) Map<String, String> query,
      @HeaderMap Map<String, String> headers);

  @GET("v3/widgets")
  Call<NumberedPage> listByPage(@QueryMap(encoded = true) Map<String, String> query,
      @HeaderMap Map<String, String> headers);

  @GET("v4/widgets")
  Call<EnvelopePage> listByOffset(@QueryMap(encoded = true) Map<String, String> query,
      @HeaderMap Map<String, String> headers);

  @POST("v1/widgets/{shop}")
  Call<Widget> createWidget(@Path("shop") String shop,
      @QueryMap(encoded = true) Map<String, String> query, @HeaderMap Map<String, String> headers,
      @Body RequestBody body);
}
