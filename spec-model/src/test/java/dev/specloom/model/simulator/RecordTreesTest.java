package dev.specloom.model.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Records to plain trees and back: snake_case keys, absent optionals, enums, sealed kinds, raw JSON values. */
class RecordTreesTest {
  static final Descriptor.Operation LIST = new Descriptor.Operation("list_things", "GET", List.of("/things"),
      Optional.empty(), List.of(new Descriptor.Param("limit", "limit", Descriptor.Location.QUERY, false, Optional.empty(),
          Optional.of(10L))), Map.of(), Optional.of(new Descriptor.CursorToken("things", Optional.of("limit"),
          Optional.of("has_more"), "cursor", "next_cursor")), "ThingPage", Optional.of("data"));

  @Test
  void aTreeHasSnakeCaseKeysAndLeavesEmptyOptionalsOut() {
    Map<String, Object> param = new LinkedHashMap<>();
    param.put("name", "limit");
    param.put("wire", "limit");
    param.put("in", "query");
    param.put("required", false);
    param.put("default_value", 10L);
    Map<String, Object> paging = new LinkedHashMap<>();
    paging.put("kind", "cursor_token");
    paging.put("items", "things");
    paging.put("limit_param", "limit");
    paging.put("has_more_field", "has_more");
    paging.put("cursor_param", "cursor");
    paging.put("cursor_field", "next_cursor");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "list_things");
    expected.put("method", "GET");
    expected.put("paths", List.of("/things"));
    expected.put("params", List.of(param));
    expected.put("query", Map.of());
    expected.put("pagination", paging);
    expected.put("returns", "ThingPage");
    expected.put("returns_from", "data");
    assertEquals(expected, RecordTrees.toTree(LIST));
  }

  @Test
  void aTreeReadsBackAsTheSameRecord() {
    assertEquals(LIST, RecordTrees.fromTree(RecordTrees.toTree(LIST), Descriptor.Operation.class));
    Sandbox.Behaviour b = new Sandbox.Behaviour(Sandbox.Kind.LIST, "thing", "id", Optional.empty(), Map.of("q", "name"),
        Optional.of("limit"), Optional.of("page"), Optional.empty(), Optional.empty(), List.of(),
        Map.of("object", "list"), List.of(new Sandbox.Case(Map.of("record.status", "open"), List.of(), Map.of())),
        Map.of(), Optional.of(Map.of("ids", List.of("${record.id}", 1L, 2.5, true))), List.of(), Optional.empty(),
        Optional.of(201), Optional.empty(), Optional.empty(), List.of(), Optional.of(new Sandbox.ListOrder("created", true)));
    assertEquals(b, RecordTrees.fromTree(RecordTrees.toTree(b), Sandbox.Behaviour.class));
  }
}
