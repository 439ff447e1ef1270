package dev.pilothouse.demo.lab.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoFloatsTest {

  @Test
  void sampleValuesAreTheShortestPlainDecimal() {
    assertThat(GoFloats.plain(0.975)).isEqualTo("0.975");
    assertThat(GoFloats.plain(81_920)).isEqualTo("81920");
    assertThat(GoFloats.plain(1.6e7)).isEqualTo("16000000");
    assertThat(GoFloats.plain(0)).isEqualTo("0");
    assertThat(GoFloats.plain(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloats.plain(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloats.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void alertValuesUseAnExponent() {
    assertThat(GoFloats.exponent(79)).isEqualTo("7.9e+01");
    assertThat(GoFloats.exponent(0.955)).isEqualTo("9.55e-01");
    assertThat(GoFloats.exponent(1)).isEqualTo("1e+00");
    assertThat(GoFloats.exponent(0)).isEqualTo("0e+00");
    assertThat(GoFloats.exponent(-1234.5)).isEqualTo("-1.2345e+03");
  }

  @Test
  void templateValuesArePlainUnlessTinyOrHuge() {
    assertThat(GoFloats.value(79)).isEqualTo("79");
    assertThat(GoFloats.value(2.612345)).isEqualTo("2.612345");
    assertThat(GoFloats.value(0.00001)).isEqualTo("1e-05");
    assertThat(GoFloats.value(1e21)).isEqualTo("1e+21");
  }

  @Test
  void fourDigitsRoundAndDropTrailingZeros() {
    assertThat(GoFloats.fourDigits(97.5)).isEqualTo("97.5");
    assertThat(GoFloats.fourDigits(2.61234)).isEqualTo("2.612");
    assertThat(GoFloats.fourDigits(12_346)).isEqualTo("1.235e+04");
    assertThat(GoFloats.fourDigits(100)).isEqualTo("100");
  }
}
