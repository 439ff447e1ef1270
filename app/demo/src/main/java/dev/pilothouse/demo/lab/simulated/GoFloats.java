package dev.pilothouse.demo.lab.simulated;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Numbers written the way Prometheus (a Go program) writes them, so that the simulated answers read like real
 * ones: sample values as {@code strconv.FormatFloat(v, 'f', -1, 64)}, alert values as {@code 'e'}, template values
 * as {@code %v} and {@code %.4g}.
 */
final class GoFloats {

  private GoFloats() {
  }

  /** Shortest decimal without exponent: 0.975, 81920, NaN, +Inf (query API sample values). */
  static String plain(double v) {
    String special = special(v);
    return special != null ? special : decimal(v).toPlainString();
  }

  /** Shortest with exponent: 7.9e+01 (the alerts API's value). */
  static String exponent(double v) {
    if (v == 0) {
      return "0e+00";
    }
    String special = special(v);
    return special != null ? special : exponent(decimal(v));
  }

  /** {@code %v}: plain unless the exponent is below -4 or at least 21 ({@code {{ $value }}} in a template). */
  static String value(double v) {
    String special = special(v);
    if (special != null) {
      return special;
    }
    BigDecimal d = decimal(v);
    int exp = exponentOf(d);
    return exp < -4 || exp >= 21 ? exponent(d) : d.toPlainString();
  }

  /** {@code %.4g}: four significant digits, trailing zeros dropped (humanize, humanizePercentage). */
  static String fourDigits(double v) {
    String special = special(v);
    if (special != null) {
      return special;
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int exp = exponentOf(d);
    return exp < -4 || exp >= 4 ? exponent(d) : d.toPlainString();
  }

  private static @Nullable String special(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return "0";
    }
    return null;
  }

  /** The shortest decimal that reads back as {@code v} (Java's Double.toString is shortest too). */
  private static BigDecimal decimal(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros();
  }

  private static int exponentOf(BigDecimal d) {
    return d.precision() - d.scale() - 1;
  }

  private static String exponent(BigDecimal d) {
    String digits = d.unscaledValue().abs().toString();
    int exp = exponentOf(d);
    StringBuilder out = new StringBuilder(d.signum() < 0 ? "-" : "").append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    return out.append(abs < 10 ? "0" : "").append(abs).toString();
  }
}
