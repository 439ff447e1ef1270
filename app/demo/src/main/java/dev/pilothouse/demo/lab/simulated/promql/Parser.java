package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Expr.Aggregation;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Binary;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Call;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Cardinality;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Grouping;
import dev.pilothouse.demo.lab.simulated.promql.Expr.MatrixSelector;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Negation;
import dev.pilothouse.demo.lab.simulated.promql.Expr.NumberLiteral;
import dev.pilothouse.demo.lab.simulated.promql.Expr.Type;
import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorMatching;
import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import dev.pilothouse.demo.lab.simulated.promql.Token.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for the PromQL subset, with precedence climbing for binary operators. Valid PromQL
 * outside the subset fails with {@link PromqlException#unsupported} naming the construct; invalid PromQL and type
 * errors fail with {@link PromqlException#invalid}, like Prometheus' "parse error"s.
 */
public final class Parser {

  private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");
  private static final Set<String> MATCHER_OPERATORS = Set.of("=", "!=", "=~", "!~");
  private static final int POWER_PRECEDENCE = BinaryOp.POWER.precedence();
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");

  private final List<Token> tokens;
  private int next;

  private Parser(String query) {
    this.tokens = Lexer.tokens(query);
  }

  /** Parses a query; throws {@link PromqlException} when it is invalid or outside the subset. */
  public static Expr parse(String query) {
    Parser parser = new Parser(query);
    if (parser.peek().kind() == Kind.END) {
      throw PromqlException.invalid("empty query");
    }
    Expr expr = parser.binary(0);
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw parser.unexpected(rest, "end of input");
    }
    return expr;
  }

  // --- binary operators -------------------------------------------------------------------------------------

  private Expr binary(int minPrecedence) {
    Expr lhs = unary();
    while (true) {
      Token token = peek();
      if (token.kind() == Kind.IDENTIFIER && SET_OPERATORS.contains(token.text().toLowerCase(Locale.ROOT))) {
        throw PromqlException.unsupported("the set operator '" + token.text() + "'");
      }
      BinaryOp op = token.kind() == Kind.OPERATOR ? BinaryOp.ofSymbol(token.text()) : null;
      if (op == null || op.precedence() < minPrecedence) {
        return lhs;
      }
      next++;
      boolean returnBool = false;
      if (peek().isKeyword("bool")) {
        if (!op.comparison()) {
          throw invalid(peek(), "bool modifier can only be used on comparison operators");
        }
        next++;
        returnBool = true;
      }
      VectorMatching matching = matching();
      Expr rhs = binary(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
      lhs = checked(new Binary(op, lhs, rhs, returnBool, matching), token);
    }
  }

  /** {@code on (a) group_left (b)} and friends, after a binary operator. */
  private VectorMatching matching() {
    if (!peek().isKeyword("on") && !peek().isKeyword("ignoring")) {
      if (peek().isKeyword("group_left") || peek().isKeyword("group_right")) {
        throw invalid(peek(), peek().text() + " needs on (...) or ignoring (...) before it");
      }
      return VectorMatching.DEFAULT;
    }
    boolean on = take().isKeyword("on");
    List<String> labels = labelList();
    Cardinality cardinality = Cardinality.ONE_TO_ONE;
    List<String> include = List.of();
    if (peek().isKeyword("group_left") || peek().isKeyword("group_right")) {
      cardinality = take().isKeyword("group_left") ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
      include = peek().isPunctuation("(") ? labelList() : List.of();
    }
    return new VectorMatching(cardinality, labels, on, include);
  }

  private Expr checked(Binary binary, Token operator) {
    Type lhs = binary.lhs().type();
    Type rhs = binary.rhs().type();
    if (lhs == Type.RANGE_VECTOR || rhs == Type.RANGE_VECTOR) {
      throw invalid(operator, "binary expression must contain only scalar and instant vector types");
    }
    boolean scalars = lhs == Type.SCALAR && rhs == Type.SCALAR;
    if (scalars && binary.op().comparison() && !binary.returnBool()) {
      throw invalid(operator, "comparisons between scalars must use BOOL modifier");
    }
    boolean vectors = lhs == Type.INSTANT_VECTOR && rhs == Type.INSTANT_VECTOR;
    if (!vectors && binary.matching() != VectorMatching.DEFAULT) {
      throw invalid(operator, "vector matching only allowed between instant vectors");
    }
    return binary;
  }

  private Expr unary() {
    Token token = peek();
    if (token.isOperator("-") || token.isOperator("+")) {
      next++;
      // Unary minus binds less tightly than ^: -2^2 is -4.
      Expr operand = binary(POWER_PRECEDENCE);
      if (operand.type() == Type.RANGE_VECTOR) {
        throw invalid(token, "unary expression only allowed on expressions of type scalar or instant vector");
      }
      if (token.isOperator("+")) {
        return operand;
      }
      return operand instanceof NumberLiteral n ? new NumberLiteral(-n.value()) : new Negation(operand);
    }
    return postfix(primary());
  }

  // --- primaries ------------------------------------------------------------------------------------------------

  /** A range {@code [5m]} after a selector, and the modifiers the subset does not support. */
  private Expr postfix(Expr expr) {
    if (peek().isPunctuation("[")) {
      Token bracket = take();
      Duration range = duration(peek());
      if (range.isZero()) {
        throw invalid(peek(), "duration must be greater than 0");
      }
      next++;
      // The lexer reads ":1m" as an identifier, since metric names may contain colons.
      if (peek().isPunctuation(":") || peek().kind() == Kind.IDENTIFIER && peek().text().startsWith(":")) {
        throw PromqlException.unsupported("the subquery " + bracket.text() + "...:...]");
      }
      expect("]");
      if (!(expr instanceof VectorSelector selector)) {
        throw invalid(bracket, "ranges only allowed for vector selectors");
      }
      expr = new MatrixSelector(selector, range);
    }
    if (peek().isKeyword("offset")) {
      throw PromqlException.unsupported("the offset modifier");
    }
    if (peek().isPunctuation("@")) {
      throw PromqlException.unsupported("the @ modifier");
    }
    return expr;
  }

  private Expr primary() {
    Token token = take();
    switch (token.kind()) {
      case NUMBER -> {
        return new NumberLiteral(number(token));
      }
      case STRING -> throw PromqlException.unsupported("a string literal as a value");
      case DURATION -> throw invalid(token, "a duration is only allowed in a range [...]");
      case PUNCTUATION -> {
        if (token.isPunctuation("(")) {
          Expr inner = binary(0);
          expect(")");
          return inner;
        }
        if (token.isPunctuation("{")) {
          return selector("", token);
        }
        throw unexpected(token, "an expression");
      }
      case IDENTIFIER -> {
        return identifier(token);
      }
      default -> throw unexpected(token, "an expression");
    }
  }

  private Expr identifier(Token token) {
    String name = token.text();
    if (AggregationOp.UNSUPPORTED.contains(name.toLowerCase(Locale.ROOT))) {
      throw PromqlException.unsupported("the aggregation '" + name + "'");
    }
    var aggregation = AggregationOp.of(name);
    if (aggregation.isPresent() && (peek().isPunctuation("(") || peek().isKeyword("by")
        || peek().isKeyword("without"))) {
      return aggregation(aggregation.get(), token);
    }
    if (peek().isPunctuation("(")) {
      return call(token);
    }
    if (name.equalsIgnoreCase("inf") || name.equalsIgnoreCase("nan")) {
      return new NumberLiteral(number(token));
    }
    if (Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset")
        .contains(name.toLowerCase(Locale.ROOT))) {
      throw unexpected(token, "an expression");
    }
    if (peek().isPunctuation("{")) {
      return selector(name, take());
    }
    return new VectorSelector(List.of(LabelMatcher.equal(Labels.NAME, name)));
  }

  private Expr aggregation(AggregationOp op, Token token) {
    Grouping grouping = grouping();
    expect("(");
    Expr operand = binary(0);
    if (peek().isPunctuation(",")) {
      throw invalid(peek(), op + " takes one argument");
    }
    expect(")");
    if (grouping == null) {
      grouping = grouping();
    }
    if (operand.type() != Type.INSTANT_VECTOR) {
      throw invalid(token, "expected type instant vector in aggregation expression, got " + operand.type());
    }
    return new Aggregation(op, grouping == null ? Grouping.ALL : grouping, operand);
  }

  /** {@code by (labels)} or {@code without (labels)}, or null when neither follows. */
  private @Nullable Grouping grouping() {
    if (peek().isKeyword("by") || peek().isKeyword("without")) {
      boolean without = take().isKeyword("without");
      return new Grouping(labelList(), without);
    }
    return null;
  }

  private List<String> labelList() {
    expect("(");
    List<String> labels = new ArrayList<>();
    while (!peek().isPunctuation(")")) {
      Token label = take();
      if (label.kind() != Kind.IDENTIFIER) {
        throw unexpected(label, "a label name");
      }
      labels.add(label.text());
      if (!peek().isPunctuation(")")) {
        expect(",");
      }
    }
    expect(")");
    return List.copyOf(labels);
  }

  private Expr call(Token name) {
    Function function = Function.of(name.text()).orElseThrow(() -> knownFunction(name.text())
        ? PromqlException.unsupported("the function " + name.text() + "()")
        : invalid(name, "unknown function with name \"" + name.text() + "\""));
    expect("(");
    List<Expr> arguments = new ArrayList<>();
    while (!peek().isPunctuation(")")) {
      arguments.add(binary(0));
      if (!peek().isPunctuation(")")) {
        expect(",");
      }
    }
    expect(")");
    List<Type> parameters = function.parameters();
    if (arguments.size() != parameters.size()) {
      throw invalid(name, "expected " + parameters.size() + " argument(s) in call to \"" + function + "\", got "
          + arguments.size());
    }
    for (int i = 0; i < arguments.size(); i++) {
      if (arguments.get(i).type() != parameters.get(i)) {
        throw invalid(name, "expected type " + parameters.get(i) + " in call to function \"" + function
            + "\", got " + arguments.get(i).type());
      }
    }
    return new Call(function, List.copyOf(arguments));
  }

  /** Whether PromQL has a function of that name (so that its absence here is the subset's limit, not a typo). */
  private static boolean knownFunction(String name) {
    return Set.of("absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min",
        "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deriv", "exp", "floor", "hour", "idelta",
        "label_join", "label_replace", "ln", "log2", "log10", "minute", "month", "predict_linear", "resets",
        "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "timestamp", "year", "sum_over_time",
        "count_over_time", "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time",
        "present_over_time", "holt_winters", "double_exponential_smoothing", "histogram_count", "histogram_sum",
        "histogram_fraction", "histogram_avg", "histogram_stddev", "histogram_stdvar", "sort_by_label",
        "sort_by_label_desc", "acos", "asin", "atan", "cos", "sin", "tan", "deg", "rad", "pi", "info").contains(name);
  }

  /** {@code {matchers}} after an optional metric name; the opening brace is already taken. */
  private Expr selector(String metricName, Token brace) {
    List<LabelMatcher> matchers = new ArrayList<>();
    if (!metricName.isEmpty()) {
      matchers.add(LabelMatcher.equal(Labels.NAME, metricName));
    }
    while (!peek().isPunctuation("}")) {
      Token label = take();
      if (label.kind() != Kind.IDENTIFIER && label.kind() != Kind.STRING) {
        throw unexpected(label, "a label name");
      }
      Token op = take();
      if (op.kind() != Kind.OPERATOR || !MATCHER_OPERATORS.contains(op.text())) {
        throw unexpected(op, "a label matching operator (=, !=, =~, !~)");
      }
      Token value = take();
      if (value.kind() != Kind.STRING) {
        throw unexpected(value, "a quoted label value");
      }
      matchers.add(LabelMatcher.of(label.text(), LabelMatcher.Type.of(op.text()), value.text()));
      if (!peek().isPunctuation("}")) {
        expect(",");
      }
    }
    expect("}");
    if (matchers.stream().allMatch(m -> m.matches(""))) {
      throw invalid(brace, "vector selector must contain at least one non-empty matcher");
    }
    return new VectorSelector(List.copyOf(matchers));
  }

  // --- tokens ---------------------------------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }

  private void expect(String punctuation) {
    Token token = take();
    if (!token.isPunctuation(punctuation)) {
      throw unexpected(token, "\"" + punctuation + "\"");
    }
  }

  private static double number(Token token) {
    String text = token.text();
    if (text.equalsIgnoreCase("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    if (text.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return Long.parseLong(text.substring(2), 16);
    }
    return Double.parseDouble(text);
  }

  /** Parses a Prometheus duration such as {@code 15s} or {@code 1h30m}, as rule files write them. */
  public static Duration parseDuration(String text) {
    return duration(new Token(Kind.DURATION, text.strip(), 0));
  }

  /** A Prometheus duration: digits and a unit (y, w, d, h, m, s, ms), repeated ({@code 1h30m}). */
  static Duration duration(Token token) {
    if (token.kind() != Kind.DURATION) {
      throw PromqlException.invalid("parse error at char " + (token.position() + 1) + ": expected a duration such "
          + "as 5m, got " + token.describe());
    }
    Duration total = Duration.ZERO;
    var matcher = DURATION_PART.matcher(token.text());
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total = total.plus(switch (matcher.group(2)) {
        case "y" -> Duration.ofDays(365 * amount);
        case "w" -> Duration.ofDays(7 * amount);
        case "d" -> Duration.ofDays(amount);
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMillis(amount);
      });
      end = matcher.end();
    }
    if (end != token.text().length()) {
      throw PromqlException.invalid("parse error at char " + (token.position() + 1) + ": bad duration \""
          + token.text() + "\"");
    }
    return total;
  }

  private PromqlException unexpected(Token token, String expected) {
    return invalid(token, "unexpected " + token.describe() + ", expected " + expected);
  }

  private static PromqlException invalid(Token token, String message) {
    return PromqlException.invalid("parse error at char " + (token.position() + 1) + ": " + message);
  }
}
