package dev.pilothouse.demo.lab.simulated.promql;

import dev.pilothouse.demo.lab.simulated.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits a PromQL query into tokens: identifiers, numbers, durations, strings, operators and punctuation. */
final class Lexer {

  // Longest first, so that ">=" is not read as ">" then "=".
  private static final String[] OPERATORS = {"==", "!=", ">=", "<=", "=~", "!~", "+", "-", "*", "/", "%", "^",
      ">", "<", "="};
  private static final String PUNCTUATION = "(){}[],:@";
  private static final String DURATION_UNITS = "smhdwy";

  private final String query;
  private int i;

  private Lexer(String query) {
    this.query = query;
  }

  static List<Token> tokens(String query) {
    return new Lexer(query).all();
  }

  private List<Token> all() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (i >= query.length()) {
        tokens.add(new Token(Kind.END, "", i));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipSpaceAndComments() {
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < query.length() && query.charAt(i) != '\n') {
          i++;
        }
      } else {
        return;
      }
    }
  }

  private Token next() {
    int start = i;
    char c = query.charAt(i);
    if (Character.isDigit(c) || (c == '.' && i + 1 < query.length() && Character.isDigit(query.charAt(i + 1)))) {
      return numberOrDuration(start);
    }
    if (isIdentifierStart(c)) {
      while (i < query.length() && isIdentifierPart(query.charAt(i))) {
        i++;
      }
      return new Token(Kind.IDENTIFIER, query.substring(start, i), start);
    }
    if (c == '"' || c == '\'' || c == '`') {
      return string(start, c);
    }
    for (String op : OPERATORS) {
      if (query.startsWith(op, i)) {
        i += op.length();
        return new Token(Kind.OPERATOR, op, start);
      }
    }
    if (PUNCTUATION.indexOf(c) >= 0) {
      i++;
      return new Token(Kind.PUNCTUATION, String.valueOf(c), start);
    }
    throw PromqlException.invalid("parse error at char " + (start + 1) + ": unexpected character '" + c + "'");
  }

  private Token numberOrDuration(int start) {
    if (query.startsWith("0x", i) || query.startsWith("0X", i)) {
      i += 2;
      while (i < query.length() && Character.digit(query.charAt(i), 16) >= 0) {
        i++;
      }
      return new Token(Kind.NUMBER, query.substring(start, i), start);
    }
    while (i < query.length() && Character.isDigit(query.charAt(i))) {
      i++;
    }
    if (i < query.length() && DURATION_UNITS.indexOf(query.charAt(i)) >= 0 && !isNumberExponent()) {
      return duration(start);
    }
    if (i < query.length() && query.charAt(i) == '.') {
      i++;
      while (i < query.length() && Character.isDigit(query.charAt(i))) {
        i++;
      }
    }
    if (isNumberExponent()) {
      i++;
      if (i < query.length() && (query.charAt(i) == '+' || query.charAt(i) == '-')) {
        i++;
      }
      while (i < query.length() && Character.isDigit(query.charAt(i))) {
        i++;
      }
    }
    if (i < query.length() && isIdentifierPart(query.charAt(i))) {
      throw PromqlException.invalid("parse error at char " + (start + 1) + ": bad number or duration \""
          + query.substring(start, i + 1) + "\"");
    }
    return new Token(Kind.NUMBER, query.substring(start, i), start);
  }

  private boolean isNumberExponent() {
    return i + 1 < query.length() && (query.charAt(i) == 'e' || query.charAt(i) == 'E')
        && (Character.isDigit(query.charAt(i + 1)) || query.charAt(i + 1) == '+' || query.charAt(i + 1) == '-');
  }

  /** A duration such as 5m, 1h30m or 250ms: digits and units, repeated. */
  private Token duration(int start) {
    while (i < query.length() && Character.isLetterOrDigit(query.charAt(i))) {
      i++;
    }
    return new Token(Kind.DURATION, query.substring(start, i), start);
  }

  private Token string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    i++;
    while (i < query.length()) {
      char c = query.charAt(i++);
      if (c == quote) {
        return new Token(Kind.STRING, value.toString(), start);
      }
      if (c == '\\' && quote != '`' && i < query.length()) {
        char escaped = query.charAt(i++);
        switch (escaped) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'r' -> value.append('\r');
          case '\\', '"', '\'' -> value.append(escaped);
          // Prometheus rejects other escapes; keeping them (a regex's "\.") is the lenient reading of the intent.
          default -> value.append('\\').append(escaped);
        }
      } else {
        value.append(c);
      }
    }
    throw PromqlException.invalid("parse error at char " + (start + 1) + ": unterminated quoted string");
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }
}
