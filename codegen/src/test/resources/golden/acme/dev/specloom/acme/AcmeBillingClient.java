package dev.specloom.acme;

import dev.specloom.acme.model.AcmeBillingJsonAdapters;
import dev.specloom.acme.model.EnvelopePage;
import dev.specloom.acme.model.NumberedPage;
import dev.specloom.acme.model.TokenPage;
import dev.specloom.acme.model.Widget;
import dev.specloom.acme.model.WidgetPage;
import dev.specloom.runtime.ApiCore;
import dev.specloom.runtime.ClientBuilder;
import dev.specloom.runtime.DecodeException;
import dev.specloom.runtime.Pages;
import dev.specloom.runtime.ProviderException;
import dev.specloom.runtime.ProviderInfo;
import dev.specloom.runtime.RequestOptions;
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
    .jsonAdapters(AcmeBillingJsonAdapters.FACTORY)
    .idempotencyHeader("Idempotency-Key")
    .errorCode("error.code")
    .errorMessage("error.message")
    .build();

  private final ApiCore core;

  private final AcmeBillingService service;

  private final Async async = new Async();

  private AcmeBillingClient(ApiCore core) {
    this.core = core;
    this.service = core.service(AcmeBillingService.class);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * This client with retries, timeouts or the idempotency key overridden; connections are shared.
   */
  public AcmeBillingClient withOptions(RequestOptions options) {
    return new AcmeBillingClient(core.withOptions(options));
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
   * @throws DecodeException when the answer's body does not fit the result
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
   * List widgets, continued by cursor token.
   *
   * <p>Read operation: {@code GET /v2/widgets}. Lua: {@code list_by_token}.
   * @throws ProviderException when the provider answers with an error
   * @throws TransportException when no answer arrives in time or the connection fails
   * @throws DecodeException when the answer's body does not fit the result
   */
  public TokenPage listByToken(ListByTokenParams params) {
    return core.execute("list_by_token", listByTokenCall(params));
  }

  /**
   * {@link #listByToken(ListByTokenParams)} with default params.
   */
  public TokenPage listByToken() {
    return listByToken(ListByTokenParams.builder().build());
  }

  private Call<TokenPage> listByTokenCall(ListByTokenParams params) {
    WireRequest w = core.request(false);
    params.writeTo(w);
    return service.listByToken(w.encodedQuery(), w.headers());
  }

  /**
   * Every item of every page, fetched one page at a time as the iteration reaches it.
   */
  public Iterable<Widget> listByTokenAutoPaging(ListByTokenParams params) {
    return Pages.iterable(params, this::listByToken, TokenPage::entries, AcmeBillingClient::listByTokenNext);
  }

  /**
   * {@link #listByTokenAutoPaging} as a sequential, lazy stream.
   */
  public Stream<Widget> listByTokenStream(ListByTokenParams params) {
    return Pages.stream(params, this::listByToken, TokenPage::entries, AcmeBillingClient::listByTokenNext);
  }

  /**
   * The params of the page after {@code page}, or null when it was the last.
   */
  private static ListByTokenParams listByTokenNext(ListByTokenParams p, TokenPage page) {
    if (!Boolean.TRUE.equals(page.hasMore())) return null;
    return page.cursor() == null ? null : p.toBuilder().cursor(page.cursor()).build();
  }

  /**
   * List widgets by page number.
   *
   * <p>Read operation: {@code GET /v3/widgets}. Lua: {@code list_by_page}.
   * @throws ProviderException when the provider answers with an error
   * @throws TransportException when no answer arrives in time or the connection fails
   * @throws DecodeException when the answer's body does not fit the result
   */
  public NumberedPage listByPage(ListByPageParams params) {
    return core.execute("list_by_page", listByPageCall(params));
  }

  /**
   * {@link #listByPage(ListByPageParams)} with default params.
   */
  public NumberedPage listByPage() {
    return listByPage(ListByPageParams.builder().build());
  }

  private Call<NumberedPage> listByPageCall(ListByPageParams params) {
    WireRequest w = core.request(false);
    params.writeTo(w);
    return service.listByPage(w.encodedQuery(), w.headers());
  }

  /**
   * Every item of every page, fetched one page at a time as the iteration reaches it.
   */
  public Iterable<Widget> listByPageAutoPaging(ListByPageParams params) {
    return Pages.iterable(params, this::listByPage, NumberedPage::items, AcmeBillingClient::listByPageNext);
  }

  /**
   * {@link #listByPageAutoPaging} as a sequential, lazy stream.
   */
  public Stream<Widget> listByPageStream(ListByPageParams params) {
    return Pages.stream(params, this::listByPage, NumberedPage::items, AcmeBillingClient::listByPageNext);
  }

  /**
   * The params of the page after {@code page}, or null when it was the last.
   */
  private static ListByPageParams listByPageNext(ListByPageParams p, NumberedPage page) {
    if (!Boolean.TRUE.equals(page.hasMore())) return null;
    return p.toBuilder().page(p.page() == null ? 2 : p.page() + 1).build();
  }

  /**
   * List widgets by limit and offset.
   *
   * <p>Read operation: {@code GET /v4/widgets}. Lua: {@code list_by_offset}.
   * @throws ProviderException when the provider answers with an error
   * @throws TransportException when no answer arrives in time or the connection fails
   * @throws DecodeException when the answer's body does not fit the result
   */
  public EnvelopePage listByOffset(ListByOffsetParams params) {
    return core.execute("list_by_offset", listByOffsetCall(params));
  }

  /**
   * {@link #listByOffset(ListByOffsetParams)} with default params.
   */
  public EnvelopePage listByOffset() {
    return listByOffset(ListByOffsetParams.builder().build());
  }

  private Call<EnvelopePage> listByOffsetCall(ListByOffsetParams params) {
    WireRequest w = core.request(false);
    params.writeTo(w);
    return service.listByOffset(w.encodedQuery(), w.headers());
  }

  /**
   * Every item of every page, fetched one page at a time as the iteration reaches it.
   */
  public Iterable<Widget> listByOffsetAutoPaging(ListByOffsetParams params) {
    return Pages.iterable(params, this::listByOffset, EnvelopePage::items, AcmeBillingClient::listByOffsetNext);
  }

  /**
   * {@link #listByOffsetAutoPaging} as a sequential, lazy stream.
   */
  public Stream<Widget> listByOffsetStream(ListByOffsetParams params) {
    return Pages.stream(params, this::listByOffset, EnvelopePage::items, AcmeBillingClient::listByOffsetNext);
  }

  /**
   * The params of the page after {@code page}, or null when it was the last.
   */
  private static ListByOffsetParams listByOffsetNext(ListByOffsetParams p, EnvelopePage page) {
    if (p.limit() == null || page.items().size() < p.limit()) return null;
    return p.toBuilder().page(p.page() == null ? 2 : p.page() + 1).build();
  }

  /**
   * Create a widget.
   *
   * <p>Write operation: {@code POST /v1/widgets/{shop}}. Lua: {@code create_widget}.
   * @throws ProviderException when the provider answers with an error
   * @throws TransportException when no answer arrives in time or the connection fails
   * @throws DecodeException when the answer's body does not fit the result
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
     * List widgets, continued by cursor token.
     *
     * <p>Read operation: {@code GET /v2/widgets}. Lua: {@code list_by_token}.
     */
    public CompletableFuture<TokenPage> listByToken(ListByTokenParams params) {
      return core.executeAsync("list_by_token", listByTokenCall(params));
    }

    /**
     * List widgets by page number.
     *
     * <p>Read operation: {@code GET /v3/widgets}. Lua: {@code list_by_page}.
     */
    public CompletableFuture<NumberedPage> listByPage(ListByPageParams params) {
      return core.executeAsync("list_by_page", listByPageCall(params));
    }

    /**
     * List widgets by limit and offset.
     *
     * <p>Read operation: {@code GET /v4/widgets}. Lua: {@code list_by_offset}.
     */
    public CompletableFuture<EnvelopePage> listByOffset(ListByOffsetParams params) {
      return core.executeAsync("list_by_offset", listByOffsetCall(params));
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
    public ProviderInfo provider() {
      return PROVIDER;
    }

    @Override
    public AcmeBillingClient build() {
      return new AcmeBillingClient(new ApiCore(PROVIDER, this));
    }
  }
}
