package dev.specloom.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

/** The comparison operators and the lower/has/not functions that refusal guards and answers use. */
class ExpressionsTest {
  static final JsonNode REQUEST = WireCodec.form(WireCodec.pairs("amount_to_capture=7500&currency=USD&flag=x"));
  static final JsonNode RECORD = Expressions.JSON.objectNode().put("amount_capturable", 10000).put("status", "open")
      .put("enabled", true);
  static final Expressions.Scope SCOPE = new Expressions.Scope() {
    public JsonNode request() {
      return REQUEST;
    }

    public JsonNode record() {
      return RECORD;
    }

    public long now() {
      return 0;
    }

    public JsonNode lookup(String resource, String id) {
      return MissingNode.getInstance();
    }

    public String uuid(String prefix) {
      return prefix;
    }
  };

  boolean holds(String source) {
    return Expressions.holds(source, SCOPE);
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
    assertEquals("usd", Expressions.expression("lower(request.currency)", SCOPE).asText());
    assertTrue(Expressions.expression("lower(request.nothing)", SCOPE).isMissingNode());
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
