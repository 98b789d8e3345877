package dev.specloom.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules the model defines once: names, placeholders, wire names, auth templates, and the derived indexes. */
class SpecModelTest {

  @Test
  void namesAreCamelCasedOneWay() {
    assertEquals("ListCustomers", Names.upperCamel("list_customers"));
    assertEquals("customerSince", Names.lowerCamel("customer-since"));
    assertEquals("A", Names.upperCamel("__a"));
  }

  @Test
  void placeholdersAreSnakeCaseNamesInBraces() {
    assertEquals(List.of("customer_id", "id"), Placeholders.in("/v1/{customer_id}/items/{id}{Not}"));
    assertEquals("/v1//items/{Not}", Placeholders.strip("/v1/{customer_id}/items/{id}{Not}"));
    assertEquals("/api/v3", Placeholders.rootPath("https://{subdomain}.chargeover.com/api/v3/"));
    assertEquals("/v1", Placeholders.rootPath("{url}/v1"));
    assertEquals("", Placeholders.rootPath("https://api.example.com"));
  }

  @Test
  void wireNamesNestByBrackets() {
    WireName indexed = WireName.parse("items[0][price]");
    assertEquals(List.of("items", "0", "price"), indexed.segments());
    assertTrue(WireName.isIndex("0"));
    assertFalse(WireName.isIndex("price"));
    assertEquals(Optional.empty(), indexed.objectProperty());
    assertEquals(Optional.of(new WireName.Property("recurring", "interval")), WireName.parse("recurring[interval]").objectProperty());
    assertEquals(Optional.empty(), WireName.parse("expand[]").objectProperty());
  }

  @Test
  void authSchemesNameTheirCredentials() {
    assertEquals(List.of("public_key", "private_key"), new AuthScheme.Basic("{public_key}", "{private_key}").credentials());
    assertEquals(List.of("api_key"), new AuthScheme.Basic("{api_key}", "").credentials());
    assertEquals(Map.of("token", "{access_token}"), new AuthScheme.BasicPair("{access_token}").templates());
    assertEquals("bearer", new AuthScheme.Bearer("{api_key}").spelling());
  }

  @Test
  void paginatedIndexFindsItemsPageSizeAndOffsetPage() {
    Spec spec = spec(new Pagination(Pagination.Style.OFFSET, "items", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("page"), Optional.of("limit"), Optional.of("offset")));
    Function list = spec.functions().get(0);
    PaginatedIndex.Paged paged = PaginatedIndex.of(spec).of(list).orElseThrow();
    assertEquals("data", paged.items().wire());
    assertEquals(new TypeRef.ModelRef("Widget"), paged.itemType());
    assertEquals("limit", paged.pageSize().orElseThrow().name());
    assertEquals("page", paged.offsetPage().orElseThrow().name());
    assertTrue(PaginatedIndex.of(spec).sendsAsOffset(list, list.param("page").orElseThrow()));
    assertFalse(PaginatedIndex.of(spec).sendsAsOffset(list, list.param("limit").orElseThrow()));
    assertEquals(Optional.empty(), PaginatedIndex.of(spec).of(spec.functions().get(1)));
  }

  @Test
  void httpBindingIndexListsRoutesBodiesAndLocations() {
    Spec spec = spec(new Pagination(Pagination.Style.PAGE, "items", Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("page"), Optional.of("limit"), Optional.empty()));
    HttpBindingIndex http = HttpBindingIndex.of(spec);
    HttpBindingIndex.Binding list = http.of(spec.functions().get(0));
    assertEquals(List.of("/v1/{shop}/widgets", "/v1/widgets/search"), list.routes().stream().map(HttpBindingIndex.Route::path).toList());
    assertEquals(List.of("shop"), list.routes().get(0).placeholders());
    assertEquals(Optional.of("query"), list.routes().get(1).when());
    assertTrue(list.emptyOnNotFound());
    assertEquals(List.of("query"), list.selectors());
    assertFalse(list.hasBody(), "GET sends no body");
    assertEquals(List.of("page", "limit", "query"), list.in(Param.Location.QUERY).stream().map(p -> p.param().name()).toList());
    HttpBindingIndex.Binding delete = http.of(spec.functions().get(1));
    assertFalse(delete.hasBody(), "a DELETE without body params sends none");
  }

  private static Spec spec(Pagination pagination) {
    Model widget = new Model("Widget", "", List.of(field("id", TypeRef.parse("string"))), Map.of());
    Model page = new Model("WidgetPage", "", List.of(new Field("items", "data", TypeRef.parse("list<Widget>"), false, "",
        Optional.empty(), Optional.empty())), Map.of());
    Function list = new Function("list_widgets", List.of(), Function.Operation.READ, false, "Widgets", Optional.empty(),
        "List.", "", new Function.Http("GET", "/v1/{shop}/widgets",
            List.of(new Function.Route("query", "/v1/widgets/search", true)), Optional.empty(), false, Map.of()),
        List.of(param("shop", Param.Location.PATH), param("page", Param.Location.QUERY), param("limit", Param.Location.QUERY),
            param("query", Param.Location.QUERY)),
        Optional.of(pagination), new Function.Returns(new TypeRef.ModelRef("WidgetPage"), Optional.empty()), List.of());
    Function delete = new Function("delete_widget", List.of(), Function.Operation.WRITE, true, "Widgets", Optional.empty(),
        "Delete.", "", new Function.Http("DELETE", "/v1/widgets/{id}", List.of(), Optional.empty(), false, Map.of()),
        List.of(param("id", Param.Location.PATH)), Optional.empty(),
        new Function.Returns(new TypeRef.ModelRef("Widget"), Optional.empty()), List.of());
    return new Spec("acme", "Acme", "", "acme.yaml", List.of(), List.of(new Spec.BaseUrl(List.of(), "https://api.acme.example")),
        Map.of(), Map.of(), Map.of("api_key", "Key."), Map.of(), List.of(new AuthScheme.Bearer("{api_key}")), Map.of(),
        Spec.BodyEncoding.FORM, Optional.empty(), Optional.empty(), List.of(),
        new Spec.ErrorPaths(List.of(), List.of(), List.of(), List.of()), Optional.empty(),
        Map.of("Widget", widget, "WidgetPage", page), List.of(list, delete), List.of(), Optional.empty());
  }

  private static Field field(String name, TypeRef type) {
    return new Field(name, name, type, false, "", Optional.empty(), Optional.empty());
  }

  private static Param param(String name, Param.Location in) {
    return new Param(name, TypeRef.parse(name.equals("page") || name.equals("limit") ? "integer" : "string"), "", false, in,
        name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), List.of(), Optional.empty(), Map.of(), Map.of(), Map.of());
  }
}
