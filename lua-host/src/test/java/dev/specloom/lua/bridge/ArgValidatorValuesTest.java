package dev.specloom.lua.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.junit.jupiter.api.Test;

/** An enum argument's other spellings become the value they stand for; a refused value names the one to use. */
class ArgValidatorValuesTest {
  static final FunctionSpec FN = new FunctionSpec("list_customers", List.of(), false, List.of(
      ArgSpec.of("status", ArgSpec.Kind.STRING).allowed("Active", "Past_Due")
          .values(Map.of("Past Due", "Past_Due"), Map.of("Overdue", "Past_Due"))));
  final ArgValidator validator = new ArgValidator(1 << 20, 1000);

  static LuaTable status(String value) {
    LuaTable t = new LuaTable();
    t.set("status", LuaValue.valueOf(value));
    return t;
  }

  @Test
  void anotherSpellingBecomesTheAllowedValue() {
    assertEquals(Map.of("status", "Past_Due"), validator.validate("crm.list_customers", FN, status("Past Due")));
    assertEquals(Map.of("status", "Active"), validator.validate("crm.list_customers", FN, status("Active")));
  }

  @Test
  void aRefusedValueNamesTheValueToUseInstead() {
    LuaError e = assertThrows(LuaError.class, () -> validator.validate("crm.list_customers", FN, status("Overdue")));
    assertEquals("crm.list_customers: 'status' cannot be 'Overdue'; use 'Past_Due' instead", e.getMessage());
  }
}
