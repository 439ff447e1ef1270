package dev.pilothouse.demo.lab.simulated.promql;

import org.jspecify.annotations.Nullable;

/** Arithmetic and comparison operators, with PromQL's precedence (higher binds tighter). */
public enum BinaryOp {
  ADD("+", 4, false), SUBTRACT("-", 4, false), MULTIPLY("*", 5, false), DIVIDE("/", 5, false),
  MODULO("%", 5, false), POWER("^", 6, false),
  EQUAL("==", 3, true), NOT_EQUAL("!=", 3, true), GREATER(">", 3, true), LESS("<", 3, true),
  GREATER_OR_EQUAL(">=", 3, true), LESS_OR_EQUAL("<=", 3, true);

  private final String symbol;
  private final int precedence;
  private final boolean comparison;

  BinaryOp(String symbol, int precedence, boolean comparison) {
    this.symbol = symbol;
    this.precedence = precedence;
    this.comparison = comparison;
  }

  static @Nullable BinaryOp ofSymbol(String symbol) {
    for (BinaryOp op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    return null;
  }

  int precedence() {
    return precedence;
  }

  boolean comparison() {
    return comparison;
  }

  boolean rightAssociative() {
    return this == POWER;
  }

  /** For arithmetic the result; for a comparison 1 when it holds, else 0. */
  double apply(double lhs, double rhs) {
    return switch (this) {
      case ADD -> lhs + rhs;
      case SUBTRACT -> lhs - rhs;
      case MULTIPLY -> lhs * rhs;
      case DIVIDE -> lhs / rhs;
      case MODULO -> lhs % rhs;
      case POWER -> Math.pow(lhs, rhs);
      case EQUAL -> lhs == rhs ? 1 : 0;
      case NOT_EQUAL -> lhs != rhs ? 1 : 0;
      case GREATER -> lhs > rhs ? 1 : 0;
      case LESS -> lhs < rhs ? 1 : 0;
      case GREATER_OR_EQUAL -> lhs >= rhs ? 1 : 0;
      case LESS_OR_EQUAL -> lhs <= rhs ? 1 : 0;
    };
  }

  @Override
  public String toString() {
    return symbol;
  }
}
