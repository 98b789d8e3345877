package dev.specloom.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each function's values travel, worked out once (in the manner of Smithy's {@code HttpBindingIndex}): its
 * routes with their path placeholders, whether it sends a body, and its params by location with their wire names
 * parsed.
 */
public final class HttpBindingIndex {
  private final Map<String, Binding> byFunction = new LinkedHashMap<>();

  private HttpBindingIndex(Spec spec) {
    for (Function f : spec.functions()) byFunction.put(f.name(), binding(f));
  }

  public static HttpBindingIndex of(Spec spec) {
    return new HttpBindingIndex(spec);
  }

  /**
   * One path a function may take. The function's own path comes first ({@code when} empty); the others are taken
   * when param {@code when} is set. {@code placeholders} are the path's params, in order.
   */
  public record Route(String path, Optional<String> when, boolean emptyOnNotFound, List<String> placeholders) {}

  /** One param on the wire: its location and its parsed wire name. */
  public record WireParam(Param param, WireName wire) {}

  /**
   * A function's HTTP binding. {@code hasBody}: the call sends a request body (every method but GET, and DELETE
   * only when a param goes in the body). {@code selectors} are the params that choose another route.
   */
  public record Binding(Function function, List<Route> routes, boolean hasBody, List<String> selectors,
      List<WireParam> params) {

    /** The params sent in {@code in}, in spec order. */
    public List<WireParam> in(Param.Location in) {
      return params.stream().filter(p -> p.param().in() == in).toList();
    }

    /** Whether any param is kept on the client side (a filter the provider does not offer). */
    public boolean filtersOnClient() {
      return params.stream().anyMatch(p -> p.param().in() == Param.Location.CLIENT);
    }

    /** Whether some route answers 404 for "nothing found" (a search), which becomes an empty page. */
    public boolean emptyOnNotFound() {
      return routes.stream().anyMatch(Route::emptyOnNotFound);
    }
  }

  public Binding of(Function f) {
    return byFunction.get(f.name());
  }

  private static Binding binding(Function f) {
    List<Route> routes = new ArrayList<>();
    routes.add(new Route(f.http().path(), Optional.empty(), false, Placeholders.in(f.http().path())));
    for (Function.Route r : f.http().routes()) {
      routes.add(new Route(r.path(), Optional.of(r.when()), r.emptyOnNotFound(), Placeholders.in(r.path())));
    }
    String method = f.http().method();
    boolean hasBody = !method.equals("GET")
        && (!method.equals("DELETE") || f.params().stream().anyMatch(p -> p.in() == Param.Location.BODY));
    List<WireParam> params = f.params().stream().map(p -> new WireParam(p, WireName.parse(p.wire()))).toList();
    return new Binding(f, List.copyOf(routes), hasBody, f.http().routes().stream().map(Function.Route::when).toList(),
        params);
  }
}
