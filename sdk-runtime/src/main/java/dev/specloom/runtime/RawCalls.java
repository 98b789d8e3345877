package dev.specloom.runtime;

import com.squareup.moshi.JsonAdapter;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.HeaderMap;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Url;

/**
 * A call whose method and path are only known at run time (a provider's raw "api_call") as a Retrofit call like
 * any other, so it takes the normal path: the same OkHttp stack (credentials, retries, log), the same envelope
 * check and decoding, the same error decoding and redaction. The path must stay under the API root (no scheme,
 * host, "..", "//", "?" or "#"), and a caller may not set the headers that frame, route or authenticate.
 */
final class RawCalls {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** One method per HTTP method, since Retrofit fixes the method per interface method; the URL is built here. */
  interface Service {
    @GET
    Call<Object> get(@Url HttpUrl url, @HeaderMap Map<String, String> headers);

    @DELETE
    Call<Object> delete(@Url HttpUrl url, @HeaderMap Map<String, String> headers);

    @HTTP(method = "DELETE", hasBody = true)
    Call<Object> deleteWithBody(@Url HttpUrl url, @HeaderMap Map<String, String> headers, @Body RequestBody body);

    @POST
    Call<Object> post(@Url HttpUrl url, @HeaderMap Map<String, String> headers, @Body RequestBody body);

    @PUT
    Call<Object> put(@Url HttpUrl url, @HeaderMap Map<String, String> headers, @Body RequestBody body);

    @PATCH
    Call<Object> patch(@Url HttpUrl url, @HeaderMap Map<String, String> headers, @Body RequestBody body);
  }

  private final ProviderInfo provider;
  private final HttpUrl baseUrl;
  private final Service service;
  private final JsonAdapter<Object> values;

  RawCalls(ProviderInfo provider, HttpUrl baseUrl, Service service, JsonAdapter<Object> values) {
    this.provider = provider;
    this.baseUrl = baseUrl;
    this.service = service;
    this.values = values;
  }

  /** @throws IllegalArgumentException for a path outside the root, a reserved header, or a body on a GET */
  Call<Object> call(String method, String path, Map<String, String> query, Map<String, String> headers, Object body) {
    HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments(RawPaths.check(BaseUrls.underRoot(provider, path)));
    if (query != null) query.forEach(url::addQueryParameter);
    Map<String, String> sent = new LinkedHashMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> {
        RawPaths.checkHeader(k);
        sent.put(k, WireRequest.headerValue(k, v));
      });
    }
    // A write always sends a JSON object, {} when the caller gave none.
    RequestBody json = RequestBody.create(values.toJson(body == null ? Map.of() : body), JSON);
    return switch (method) {
      case "GET" -> {
        if (body != null) throw new IllegalArgumentException("method GET must not have a request body.");
        yield service.get(url.build(), sent);
      }
      case "DELETE" -> body == null ? service.delete(url.build(), sent) : service.deleteWithBody(url.build(), sent, json);
      case "POST" -> service.post(url.build(), sent, json);
      case "PUT" -> service.put(url.build(), sent, json);
      case "PATCH" -> service.patch(url.build(), sent, json);
      default -> throw new IllegalArgumentException("method must be one of GET, POST, PUT, PATCH, DELETE, got '" + method + "'");
    };
  }
}
