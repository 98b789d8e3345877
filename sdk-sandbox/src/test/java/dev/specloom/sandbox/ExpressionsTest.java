package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specloom.model.simulator.Expression;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison operators and the lower/has/not functions that refusal guards and answers use. */
class ExpressionsTest {
  static final Object REQUEST = WireCodec.form(WireCodec.pairs("amount_to_capture=7500&currency=USD&flag=x"));
  static final Map<String, Object> RECORD = new LinkedHashMap<>(Map.of("amount_capturable", 10000L, "status", "open",
      "enabled", true));
  static final Expressions.Scope SCOPE = new Expressions.Scope() {
    public Object request() {
      return REQUEST;
    }

    public Object record() {
      return RECORD;
    }

    public long now() {
      return 0;
    }

    public Object lookup(String resource, String id) {
      return null;
    }

    public String uuid(String prefix) {
      return prefix;
    }
  };

  boolean holds(String source) {
    return Expressions.holds(Expression.parse(source), SCOPE);
  }

  @Test
  void requestValuesCompareWithRecordNumbersAsNumbers() {
    assertFalse(holds("request.amount_to_capture > record.amount_capturable"), "\"7500\" > 10000 as text would hold");
    assertTrue(holds("request.amount_to_capture < record.amount_capturable"));
    assertTrue(holds("request.amount_to_capture <= 7500"));
    assertTrue(holds("record.amount_capturable >= 10000"));
    assertTrue(holds("record.status == 'open'"));
    assertTrue(holds("record.status != 'draft'"));
    assertTrue(holds("record.enabled == true"));
  }

  @Test
  void aComparisonWithAnUnsetSideIsFalse() {
    assertFalse(holds("request.nothing > 0"));
    assertFalse(holds("request.nothing == ''"));
    assertFalse(holds("request.nothing != 'x'"));
    assertTrue(holds("request.nothing | 0 == 0"), "an alternative fills the unset side");
  }

  @Test
  void lowerHasAndNot() {
    assertEquals("usd", Expressions.value(Expression.parse("lower(request.currency)"), SCOPE));
    assertNull(Expressions.value(Expression.parse("lower(request.nothing)"), SCOPE));
    assertTrue(holds("has(request.flag)"));
    assertTrue(holds("not(has(request.return_url))"));
    assertFalse(holds("not(record.enabled)"));
    assertFalse(holds("record.status"), "a value that is not boolean true does not hold");
  }

  @Test
  void trailingTextAfterAComparisonIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> holds("record.status == 'open' x"));
    assertEquals("unexpected 'x' in ${record.status == 'open' x}", e.getMessage());
  }
}
