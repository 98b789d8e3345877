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
import dev.specloom.lua.bridge.ArgSpec;
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
    new FunctionSpec("list_widgets", List.of("acme_list_widgets"), false, List.of(
          ArgSpec.of("limit", ArgSpec.Kind.INTEGER).range(1.0d, 50.0d).defaultValue(10L),
          ArgSpec.of("after", ArgSpec.Kind.STRING),
          ArgSpec.of("color", ArgSpec.Kind.STRING).allowed("red", "blue").values(Map.of("Red", "red"), Map.of("green", "blue")))),
    new FunctionSpec("list_by_token", List.of(), false, List.of(
          ArgSpec.of("per_page", ArgSpec.Kind.INTEGER).range(null, 200.0d).defaultValue(2L),
          ArgSpec.of("cursor", ArgSpec.Kind.STRING))),
    new FunctionSpec("list_by_page", List.of(), false, List.of(
          ArgSpec.of("page", ArgSpec.Kind.INTEGER).range(1.0d, null).defaultValue(1L),
          ArgSpec.of("per_page", ArgSpec.Kind.INTEGER).defaultValue(2L))),
    new FunctionSpec("list_by_offset", List.of(), false, List.of(
          ArgSpec.of("limit", ArgSpec.Kind.INTEGER).range(null, 500.0d).defaultValue(2L),
          ArgSpec.of("page", ArgSpec.Kind.INTEGER).range(1.0d, null).defaultValue(1L))),
    new FunctionSpec("create_widget", List.of(), true, List.of(
          ArgSpec.of("shop", ArgSpec.Kind.STRING).asRequired(),
          ArgSpec.of("size", ArgSpec.Kind.INTEGER).range(1.0d, null),
          ArgSpec.of("tags", ArgSpec.Kind.MAP).element(ArgSpec.of("value", ArgSpec.Kind.STRING)))));

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
  public LuaValue call(Object client, String function, Map<String, Object> a) {
    AcmeBillingClient c = (AcmeBillingClient) client;
    switch (function) {
      case "list_widgets": return widgetPageToLua(c.listWidgets(ListWidgetsParams.builder()
              .limit((Long) a.get("limit"))
              .after((String) a.get("after"))
              .color((String) a.get("color")).build()));
      case "list_by_token": return tokenPageToLua(c.listByToken(ListByTokenParams.builder()
              .perPage((Long) a.get("per_page"))
              .cursor((String) a.get("cursor")).build()));
      case "list_by_page": return numberedPageToLua(c.listByPage(ListByPageParams.builder()
              .page((Long) a.get("page"))
              .perPage((Long) a.get("per_page")).build()));
      case "list_by_offset": return envelopePageToLua(c.listByOffset(ListByOffsetParams.builder()
              .limit((Long) a.get("limit"))
              .page((Long) a.get("page")).build()));
      case "create_widget": return widgetToLua(c.createWidget(CreateWidgetParams.builder()
              .shop((String) a.get("shop"))
              .size((Long) a.get("size"))
              .tags((Map<String, String>) a.get("tags")).build()));
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
