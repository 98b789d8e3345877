package dev.specloom.sandbox;

import dev.specloom.model.simulator.Descriptor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the function a method and path call; literal segments win over placeholders, then a function whose fixed
 * query the request carries (a connection check on a list's path), then declaration order.
 */
final class Router {
  private final List<Route> routes = new ArrayList<>();

  record Route(Descriptor.Operation fn, String method, String[] segments, long literals) {}

  record Match(Descriptor.Operation fn, Map<String, String> pathParams) {}

  Router(List<Descriptor.Operation> functions) {
    for (Descriptor.Operation f : functions) {
      for (String path : f.paths()) {
        String[] segments = split(path);
        long literals = java.util.Arrays.stream(segments).filter(s -> !s.startsWith("{")).count();
        routes.add(new Route(f, f.method(), segments, literals));
      }
    }
    routes.sort(Comparator.comparingLong((Route r) -> -r.literals()).thenComparing(r -> r.fn().query().isEmpty()));
  }

  /**
   * A function with a fixed query is the request that carries exactly that query: the connection check is
   * {@code GET /customer?limit=1}, while a list page of one sends its offset too and stays the list's.
   */
  private static boolean sendsOnly(Map<String, String> fixed, List<String[]> query) {
    return query.size() == fixed.size() && query.stream().allMatch(p -> p[1].equals(fixed.get(p[0])));
  }

  Match match(String method, String path, List<String[]> query) {
    String[] segments = split(path);
    for (Route r : routes) {
      if (!r.method().equals(method) || r.segments().length != segments.length) continue;
      if (!r.fn().query().isEmpty() && !sendsOnly(r.fn().query(), query)) continue;
      Map<String, String> params = new LinkedHashMap<>();
      boolean ok = true;
      for (int i = 0; i < segments.length && ok; i++) {
        String want = r.segments()[i];
        if (want.startsWith("{")) params.put(want.substring(1, want.length() - 1), URLDecoder.decode(segments[i], StandardCharsets.UTF_8));
        else ok = want.equals(segments[i]);
      }
      if (ok) return new Match(r.fn(), params);
    }
    return null;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
