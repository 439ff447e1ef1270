package dev.pilothouse.demo.lab.simulated.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilothouse.demo.lab.simulated.promql.Expr.Aggregation;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Binary;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Call;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Cardinality;
import dev.pilothouse.demo.lab.simulated.promql.Expr.MatrixSelector;
import dev.pilothouse.demo.lab.simulated.promql.Expr.NumberLiteral;
import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import dev.pilothouse.demo.lab.simulated.promql.LabelMatcher.Type;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  @Test
  void aSelectorCarriesTheMetricNameAndEveryKindOfMatcher() {
    Expr expr = Parser.parse("vllm:num_requests_waiting{a=\"1\", b!=\"2\", c=~\"x|y\", d!~'z.*',}");

    assertThat(expr).isInstanceOf(VectorSelector.class);
    List<LabelMatcher> matchers = ((VectorSelector) expr).matchers();
    assertThat(matchers).extracting(LabelMatcher::name).containsExactly("__name__", "a", "b", "c", "d");
    assertThat(matchers).extracting(LabelMatcher::type)
        .containsExactly(Type.EQUAL, Type.EQUAL, Type.NOT_EQUAL, Type.REGEX, Type.NOT_REGEX);
    assertThat(((VectorSelector) expr).metricName()).isEqualTo("vllm:num_requests_waiting");
  }

  @Test
  void aSelectorMayChooseMetricsByANameRegex() {
    VectorSelector selector = (VectorSelector) Parser.parse("{__name__=~\"DCGM_FI_DEV_GPU_UTIL|vllm:x\"}");

    assertThat(selector.metricName()).isEmpty();
    assertThat(selector.matches(Labels.of("__name__", "vllm:x"))).isTrue();
    assertThat(selector.matches(Labels.of("__name__", "vllm:xy"))).as("regexes are anchored").isFalse();
  }

  @Test
  void escapesInStringsAreUnderstood() {
    VectorSelector selector = (VectorSelector) Parser.parse("{__name__=~\"a\\\\.b\", c=\"say \\\"hi\\\"\"}");

    assertThat(selector.matchers().get(0).value()).isEqualTo("a\\.b");
    assertThat(selector.matchers().get(1).value()).isEqualTo("say \"hi\"");
  }

  @Test
  void aRangeTakesCompoundDurations() {
    Call call = (Call) Parser.parse("rate(x_total[1h30m])");

    assertThat(call.function()).isEqualTo(Function.RATE);
    assertThat(((MatrixSelector) call.arguments().getFirst()).range()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void anAggregationTakesItsGroupingBeforeOrAfterTheOperand() {
    Aggregation before = (Aggregation) Parser.parse("sum by (namespace, pod) (x)");
    Aggregation after = (Aggregation) Parser.parse("sum(x) by (namespace, pod)");
    Aggregation without = (Aggregation) Parser.parse("max without (gpu) (x)");
    Aggregation all = (Aggregation) Parser.parse("count(x)");

    assertThat(before.grouping()).isEqualTo(after.grouping());
    assertThat(before.grouping().labels()).containsExactly("namespace", "pod");
    assertThat(without.grouping().without()).isTrue();
    assertThat(all.grouping().labels()).isEmpty();
    assertThat(all.grouping().without()).isFalse();
  }

  @Test
  void multiplicationBindsTighterThanAdditionAndArithmeticTighterThanComparison() {
    Binary comparison = (Binary) Parser.parse("a / (b + c) > 0.95");
    Binary sum = (Binary) Parser.parse("a + b * c");

    assertThat(comparison.op()).isEqualTo(BinaryOp.GREATER);
    assertThat(((Binary) comparison.lhs()).op()).isEqualTo(BinaryOp.DIVIDE);
    assertThat(comparison.rhs()).isEqualTo(new NumberLiteral(0.95));
    assertThat(sum.op()).isEqualTo(BinaryOp.ADD);
    assertThat(((Binary) sum.rhs()).op()).isEqualTo(BinaryOp.MULTIPLY);
  }

  @Test
  void subtractionIsLeftAssociative() {
    Binary expr = (Binary) Parser.parse("a - b - c");

    assertThat(expr.lhs()).isInstanceOf(Binary.class);
    assertThat(expr.rhs()).isInstanceOf(VectorSelector.class);
  }

  @Test
  void vectorMatchingModifiersAreRead() {
    Binary expr = (Binary) Parser.parse("a * on (node) group_left (price) b");

    assertThat(expr.matching().on()).isTrue();
    assertThat(expr.matching().labels()).containsExactly("node");
    assertThat(expr.matching().cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(expr.matching().include()).containsExactly("price");
  }

  @Test
  void theLabRulesParse() {
    assertThat(Parser.parse("histogram_quantile(0.95, sum by (le, namespace, pod, model_name) "
        + "(rate(vllm:time_to_first_token_seconds_bucket[1m]))) > 2")).isInstanceOf(Binary.class);
    assertThat(Parser.parse("sum by (namespace, pod, model) (rate(nv_inference_request_failure[1m]))\n"
        + "  / sum by (namespace, pod, model) (rate(nv_inference_request_success[1m]) "
        + "+ rate(nv_inference_request_failure[1m])) > 0.05")).isInstanceOf(Binary.class);
    assertThat(Parser.parse("vector(1)")).isInstanceOf(Call.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "x offset 5m                            | the offset modifier",
      "x @ 1700000000                         | the @ modifier",
      "a and b                                | the set operator 'and'",
      "a or b                                 | the set operator 'or'",
      "a unless b                             | the set operator 'unless'",
      "topk(3, x)                             | the aggregation 'topk'",
      "quantile(0.9, x)                       | the aggregation 'quantile'",
      "label_replace(x, 'a', 'b', 'c', 'd')   | the function label_replace()",
      "rate(x[5m:1m])                         | the subquery",
      "'text'                                 | a string literal"})
  void validPromqlOutsideTheSubsetIsRefusedByName(String query, String construct) {
    assertThatThrownBy(() -> Parser.parse(query))
        .isInstanceOfSatisfying(PromqlException.class, e -> assertThat(e.unsupported()).isTrue())
        .hasMessageContaining("supports only a subset of PromQL")
        .hasMessageContaining(construct);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "sum(                        | unexpected end of input",
      "rate(x)                     | expected type range vector in call to function \"rate\"",
      "x[5m] + 1                   | binary expression must contain only scalar and instant vector types",
      "1 > 2                       | comparisons between scalars must use BOOL modifier",
      "no_such_function(x)         | unknown function with name \"no_such_function\"",
      "x{a=\"b\"                   | unexpected end of input",
      "{a=~\".*\"}                 | at least one non-empty matcher",
      "x[0s]                       | duration must be greater than 0",
      "x{a=~\"(\"}                 | invalid regular expression",
      "histogram_quantile(x, y)    | expected type scalar",
      "sum by (a) (x[5m])          | expected type instant vector in aggregation expression",
      "x y                         | unexpected \"y\", expected end of input"})
  void invalidPromqlIsAParseErrorThatSaysWhatIsWrong(String query, String message) {
    assertThatThrownBy(() -> Parser.parse(query))
        .isInstanceOfSatisfying(PromqlException.class, e -> assertThat(e.unsupported()).isFalse())
        .hasMessageContaining(message);
  }
}
