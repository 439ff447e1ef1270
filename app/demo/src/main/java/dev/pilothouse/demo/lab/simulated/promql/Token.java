package dev.pilothouse.demo.lab.simulated.promql;

/**
 * One token of a PromQL query.
 *
 * @param kind     what it is
 * @param text     its text as written; for a string, its unquoted value
 * @param position where it starts (0-based character index), for error messages
 */
record Token(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER, NUMBER, DURATION, STRING, OPERATOR, PUNCTUATION, END
  }

  boolean is(Kind k, String t) {
    return kind == k && text.equals(t);
  }

  boolean isOperator(String t) {
    return is(Kind.OPERATOR, t);
  }

  boolean isPunctuation(String t) {
    return is(Kind.PUNCTUATION, t);
  }

  /** An identifier, compared ignoring case, as PromQL keywords are. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  String describe() {
    return kind == Kind.END ? "end of input" : kind == Kind.STRING ? "string \"" + text + "\"" : "\"" + text + "\"";
  }
}
