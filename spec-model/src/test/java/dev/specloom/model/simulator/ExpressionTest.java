package dev.specloom.model.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.specloom.model.simulator.Expression.Call;
import dev.specloom.model.simulator.Expression.Comparison;
import dev.specloom.model.simulator.Expression.FirstSet;
import dev.specloom.model.simulator.Expression.Literal;
import dev.specloom.model.simulator.Expression.Lookup;
import dev.specloom.model.simulator.Expression.Now;
import dev.specloom.model.simulator.Expression.Path;
import dev.specloom.model.simulator.Expression.Plus;
import dev.specloom.model.simulator.Expression.Root;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parsed form of every kind of term, and where a bad expression stops the parser. */
class ExpressionTest {
  @Test
  void termsSumsAlternativesAndComparisons() {
    assertEquals(new Plus(new Now(), new Call(Expression.Function.DAYS, new Literal(30L), null)),
        Expression.parse("now + days(30)"));
    assertEquals(new Path(Root.REQUEST, List.of("lines", "0", "amount")), Expression.parse("request.lines.0.amount"));
    assertEquals(new Path(Root.RECORD, List.of()), Expression.parse("record"));
    assertEquals(new FirstSet(List.of(new Path(Root.REQUEST, List.of("amount")),
            new Call(Expression.Function.SUM, new Path(Root.RECORD, List.of("lines")), new Literal("amount")))),
        Expression.parse("request.amount | sum(record.lines, 'amount')"));
    assertEquals(new Lookup("price", new Path(Root.REQUEST, List.of("price")), List.of("unit_amount")),
        Expression.parse("price[request.price].unit_amount"));
    assertEquals(new Comparison(new Path(Root.REQUEST, List.of("amount")), Expression.Operator.GT, new Literal(2.5)),
        Expression.parse(" request.amount >  2.5 "));
    assertEquals(new Call(Expression.Function.NOT, new Call(Expression.Function.HAS, new Path(Root.REQUEST, List.of("x")),
        null), null), Expression.parse("not(has(request.x))"));
    assertEquals(new Literal(true), Expression.parse("true"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "recrd.id                 | unknown name 'recrd.id' in ${recrd.id}                 | 0",
      "lowr(request.x)          | unknown function 'lowr' in ${lowr(request.x)}          | 0",
      "has(record.id            | expected ')' in ${has(record.id}                        | 13",
      "record.id == 'x' y       | unexpected 'y' in ${record.id == 'x' y}                | 17",
      "'open                    | unclosed quote in ${'open}                             | 0",
      "price[request.id.name    | expected ']' in ${price[request.id.name}               | 21"})
  void aBadExpressionSaysWhatAndWhere(String source, String message, int offset) {
    ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(source));
    assertEquals(message, e.getMessage());
    assertEquals(offset, e.offset());
  }

  @Test
  void templatesKeepTextAndParseEveryExpression() {
    Template t = Template.of(Map.of("url", "/v1/${request.id}/lines", "count", "${count(record.lines)}", "n", 3L));
    Template.Obj o = (Template.Obj) t;
    assertEquals(new Template.Text(List.of("/v1/", new Path(Root.REQUEST, List.of("id")), "/lines")), o.fields().get("url"));
    assertEquals(new Template.Whole(new Call(Expression.Function.COUNT, new Path(Root.RECORD, List.of("lines")), null)),
        o.fields().get("count"));
    assertEquals(new Template.Fixed(3L), o.fields().get("n"));
    assertEquals(new Template.Fixed("no ${ expression"), Template.of("no ${ expression"));
    assertThrows(ExpressionException.class, () -> Template.of(List.of("ok", "${nope}")));
  }
}
