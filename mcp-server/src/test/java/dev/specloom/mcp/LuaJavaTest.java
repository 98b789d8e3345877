package dev.specloom.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specloom.lua.bridge.LuaValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

class LuaJavaTest {
  @Test
  void sequencesAreListsOtherTablesObjects() {
    LuaValue v = LuaValues.of(Map.of("ids", List.of("a", "b"), "n", 2, "ratio", 0.5, "ok", true, "ts", 1_742_040_000_000L));
    assertEquals(Map.of("ids", List.of("a", "b"), "n", 2, "ratio", 0.5, "ok", true, "ts", 1_742_040_000_000L), LuaJava.toJava(v));
  }

  @Test
  void anEmptyTableIsAnObjectAndASparseOneKeepsItsKeys() {
    assertEquals(Map.of(), LuaJava.toJava(new LuaTable()));
    LuaTable sparse = new LuaTable();
    sparse.rawset(1, LuaValue.valueOf("x"));
    sparse.rawset(3, LuaValue.valueOf("y"));
    assertEquals(Map.of("1", "x", "3", "y"), LuaJava.toJava(sparse));
  }
}
