package dev.specloom.acme;

import dev.specloom.acme.model.Widget;
import dev.specloom.acme.model.WidgetPage;
import dev.specloom.runtime.ApiCore;
import dev.specloom.runtime.ClientBuilder;
import dev.specloom.runtime.Pages;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.ProviderInfo;
import dev.specloom.runtime.TransportException;
import dev.specloom.runtime.WireRequest;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import retrofit2.Call;

/**
 * Acme Billing client. A small fixture provider exercising each generator feature once.
 *
 * <pre>{@code
 * AcmeBillingClient client = AcmeBillingClient.builder().apiKey(System.getenv("ACME_API_KEY")).build();
 * }</pre>
 *
 * <p>Thread-safe; share one instance. Generated from acme.yaml; do not edit.
 */
public final class AcmeBillingClient {
  static final ProviderInfo PROVIDER = ProviderInfo.builder("acme")
    .baseUrl("https://api.acme.example")
    .bearerAuth("{api_key}")
    .encoding(ProviderInfo.Encoding.FORM)
    .idempotencyHeader("Idempotency-Key")
    .errorCode("error.code")
    .errorMessage("error.message")
    .build();

  private final ApiCore core;

  private final AcmeBillingService service;

  private final Async async = new Async();

  private AcmeBillingClient(Builder b) {
    this.core = new ApiCore(PROVIDER, b);
    this.service = core.service(AcmeBillingService.class);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The same functions, returning {@link CompletableFuture}.
   */
  public Async async() {
    return async;
  }

  /**
   * List widgets.
   *
   * <p>Read operation: {@code GET /v1/widgets}. Lua: {@code list_widgets}.
   * @throws ProviderException when the provider answers with an error
   * @throws TransportException when no answer arrives in time or the connection fails
   */
  public WidgetPage listWidgets(ListWidgetsParams params) {
    return core.execute("list_widgets", listWidgetsCall(params));
  }

  /**
   * {@link #listWidgets(ListWidgetsParams)} with default params.
   */
  public WidgetPage listWidgets() {
    return listWidgets(ListWidgetsParams.builder().build());
  }

  private Call<WidgetPage> listWidgetsCall(ListWidgetsParams params) {
    WireRequest w = core.request(false);
    params.writeTo(w);
    return service.listWidgets(w.encodedQuery(), w.headers());
  }

  /**
   * Every item of every page, fetched one page at a time as the iteration reaches it.
   */
  public Iterable<Widget> listWidgetsAutoPaging(ListWidgetsParams params) {
    return Pages.iterable(params, this::listWidgets, WidgetPage::widgets, AcmeBillingClient::listWidgetsNext);
  }

  /**
   * {@link #listWidgetsAutoPaging} as a sequential, lazy stream.
   */
  public Stream<Widget> listWidgetsStream(ListWidgetsParams params) {
    return Pages.stream(params, this::listWidgets, WidgetPage::widgets, AcmeBillingClient::listWidgetsNext);
  }

  /**
   * The params of the page after {@code page}, or null when it was the last.
   */
  private static ListWidgetsParams listWidgetsNext(ListWidgetsParams p, WidgetPage page) {
    if (!Boolean.TRUE.equals(page.hasMore())) return null;
    return p.toBuilder().after(Pages.last(page.widgets()).id()).build();
  }

  /**
   * Create a widget.
   *
   * <p>Write operation: {@code POST /v1/widgets/{shop}}. Lua: {@code create_widget}.
   * @throws ProviderException when the provider answers with an error
   * @throws TransportException when no answer arrives in time or the connection fails
   */
  public Widget createWidget(CreateWidgetParams params) {
    return core.execute("create_widget", createWidgetCall(params));
  }

  private Call<Widget> createWidgetCall(CreateWidgetParams params) {
    WireRequest w = core.request(true);
    params.writeTo(w);
    return service.createWidget(String.valueOf(params.shop()), w.encodedQuery(), w.headers(), w.requestBody());
  }

  /**
   * Non-blocking variants; failures complete the future with the same exceptions.
   */
  public final class Async {
    private Async() {
    }

    /**
     * List widgets.
     *
     * <p>Read operation: {@code GET /v1/widgets}. Lua: {@code list_widgets}.
     */
    public CompletableFuture<WidgetPage> listWidgets(ListWidgetsParams params) {
      return core.executeAsync("list_widgets", listWidgetsCall(params));
    }

    /**
     * Create a widget.
     *
     * <p>Write operation: {@code POST /v1/widgets/{shop}}. Lua: {@code create_widget}.
     */
    public CompletableFuture<Widget> createWidget(CreateWidgetParams params) {
      return core.executeAsync("create_widget", createWidgetCall(params));
    }
  }

  /**
   * Credentials, connection settings, timeouts and an optional shared {@code OkHttpClient}.
   */
  public static final class Builder extends ClientBuilder<Builder, AcmeBillingClient> {
    private Builder() {
    }

    /**
     * Secret key. (secret; never logged or printed)
     */
    public Builder apiKey(String value) {
      return credential("api_key", value);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    public AcmeBillingClient build() {
      return new AcmeBillingClient(this);
    }
  }
}
