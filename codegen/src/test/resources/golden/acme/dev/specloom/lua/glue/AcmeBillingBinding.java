package dev.specloom.lua.glue;

import dev.specloom.acme.AcmeBillingClient;
import dev.specloom.acme.CreateWidgetParams;
import dev.specloom.acme.ListByOffsetParams;
import dev.specloom.acme.ListByPageParams;
import dev.specloom.acme.ListByTokenParams;
import dev.specloom.acme.ListWidgetsParams;
import dev.specloom.acme.model.EnvelopePage;
import dev.specloom.acme.model.NumberedPage;
import dev.specloom.acme.model.TokenPage;
import dev.specloom.acme.model.Widget;
import dev.specloom.acme.model.WidgetPage;
import dev.specloom.lua.bridge.FunctionSpec;
import dev.specloom.lua.bridge.LuaValues;
import dev.specloom.lua.bridge.ProviderBinding;
import dev.specloom.runtime.ClientBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Lua glue for Acme Billing. Generated from the spec; do not edit.
 */
public final class AcmeBillingBinding implements ProviderBinding {
  private static final List<FunctionSpec> FUNCTIONS = List.of(
    new FunctionSpec("list_widgets", List.of("acme_list_widgets"), false, ListWidgetsParams.CONSTRAINTS),
    new FunctionSpec("list_by_token", List.of(), false, ListByTokenParams.CONSTRAINTS),
    new FunctionSpec("list_by_page", List.of(), false, ListByPageParams.CONSTRAINTS),
    new FunctionSpec("list_by_offset", List.of(), false, ListByOffsetParams.CONSTRAINTS),
    new FunctionSpec("create_widget", List.of(), true, CreateWidgetParams.CONSTRAINTS));

  @Override
  public String provider() {
    return "acme";
  }

  @Override
  public List<FunctionSpec> functions() {
    return FUNCTIONS;
  }

  @Override
  public Set<String> settings() {
    return Set.of();
  }

  @Override
  public Set<String> credentials() {
    return Set.of("api_key");
  }

  @Override
  public Object connect(Map<String, String> credentials, Map<String, String> settings,
      String baseUrl, OkHttpClient http, Consumer<ClientBuilder<?, ?>> configure) {
    AcmeBillingClient.Builder b = AcmeBillingClient.builder().httpClient(http);
    credentials.forEach(b::credential);
    settings.forEach(b::setting);
    if (baseUrl != null) b.baseUrl(baseUrl);
    configure.accept(b);
    return b.build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object params(String function, Map<String, Object> a) {
    switch (function) {
      case "list_widgets": {
        ListWidgetsParams.Builder b = ListWidgetsParams.builder();
        if (a.containsKey("limit")) b.limit((Long) a.get("limit"));
        if (a.containsKey("after")) b.after((String) a.get("after"));
        if (a.containsKey("color")) b.color((String) a.get("color"));
        return b.build();
      }
      case "list_by_token": {
        ListByTokenParams.Builder b = ListByTokenParams.builder();
        if (a.containsKey("per_page")) b.perPage((Long) a.get("per_page"));
        if (a.containsKey("cursor")) b.cursor((String) a.get("cursor"));
        return b.build();
      }
      case "list_by_page": {
        ListByPageParams.Builder b = ListByPageParams.builder();
        if (a.containsKey("page")) b.page((Long) a.get("page"));
        if (a.containsKey("per_page")) b.perPage((Long) a.get("per_page"));
        return b.build();
      }
      case "list_by_offset": {
        ListByOffsetParams.Builder b = ListByOffsetParams.builder();
        if (a.containsKey("limit")) b.limit((Long) a.get("limit"));
        if (a.containsKey("page")) b.page((Long) a.get("page"));
        return b.build();
      }
      case "create_widget": {
        CreateWidgetParams.Builder b = CreateWidgetParams.builder();
        if (a.containsKey("shop")) b.shop((String) a.get("shop"));
        if (a.containsKey("size")) b.size((Long) a.get("size"));
        if (a.containsKey("tags")) b.tags((Map<String, String>) a.get("tags"));
        return b.build();
      }
      default: throw new IllegalArgumentException("no function " + function);
    }
  }

  @Override
  public LuaValue call(Object client, String function, Object params) {
    AcmeBillingClient c = (AcmeBillingClient) client;
    switch (function) {
      case "list_widgets": return widgetPageToLua(c.listWidgets((ListWidgetsParams) params));
      case "list_by_token": return tokenPageToLua(c.listByToken((ListByTokenParams) params));
      case "list_by_page": return numberedPageToLua(c.listByPage((ListByPageParams) params));
      case "list_by_offset": return envelopePageToLua(c.listByOffset((ListByOffsetParams) params));
      case "create_widget": return widgetToLua(c.createWidget((CreateWidgetParams) params));
      default: throw new IllegalArgumentException("no function " + function);
    }
  }

  static LuaValue widgetToLua(Widget m) {
    if (m == null) return LuaValue.NIL;
    LuaTable t = new LuaTable();
    LuaValues.put(t, "id", LuaValues.of(m.id()));
    LuaValues.put(t, "size_cm", LuaValues.of(m.sizeCm()));
    LuaValues.put(t, "label", LuaValues.of(m.label()));
    LuaValues.put(t, "tags", LuaValues.of(m.tags()));
    return t;
  }

  static LuaValue widgetPageToLua(WidgetPage m) {
    if (m == null) return LuaValue.NIL;
    LuaTable t = new LuaTable();
    LuaValues.put(t, "widgets", LuaValues.list(m.widgets(), AcmeBillingBinding::widgetToLua));
    LuaValues.put(t, "has_more", LuaValues.of(m.hasMore()));
    return t;
  }

  static LuaValue tokenPageToLua(TokenPage m) {
    if (m == null) return LuaValue.NIL;
    LuaTable t = new LuaTable();
    LuaValues.put(t, "entries", LuaValues.list(m.entries(), AcmeBillingBinding::widgetToLua));
    LuaValues.put(t, "has_more", LuaValues.of(m.hasMore()));
    LuaValues.put(t, "cursor", LuaValues.of(m.cursor()));
    return t;
  }

  static LuaValue numberedPageToLua(NumberedPage m) {
    if (m == null) return LuaValue.NIL;
    LuaTable t = new LuaTable();
    LuaValues.put(t, "items", LuaValues.list(m.items(), AcmeBillingBinding::widgetToLua));
    LuaValues.put(t, "has_more", LuaValues.of(m.hasMore()));
    return t;
  }

  static LuaValue envelopePageToLua(EnvelopePage m) {
    if (m == null) return LuaValue.NIL;
    LuaTable t = new LuaTable();
    LuaValues.put(t, "items", LuaValues.list(m.items(), AcmeBillingBinding::widgetToLua));
    return t;
  }
}
