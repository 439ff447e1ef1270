package dev.pilothouse.desktop.diagnostics;

import dev.pilothouse.core.diagnostics.Latency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @ParameterizedTest(name = "{0}/s reads {1}")
    @CsvSource({"NaN,–", "0,0", "0.25,0.3", "4.5,4.5", "12.4,12", "9999,9999", "12500,12.5k"})
    void ratesAreShortAndUnknownReadsAsADash(double perSecond, String shown) {
        assertThat(Figures.rate(perSecond)).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} s reads {1}")
    @CsvSource({"0.0004,400 µs", "0.0032,3.2 ms", "0.045,45 ms", "1.5,1.50 s"})
    void durationsPickAReadableUnit(double seconds, String shown) {
        assertThat(Figures.seconds(seconds)).isEqualTo(shown);
    }

    @Test
    void percentilesOfNothingReadAsADash() {
        assertThat(Figures.p99(Latency.NONE)).isEqualTo("–");
        assertThat(Figures.p50(new Latency(3, 0.002, 0.009))).isEqualTo("2.0 ms");
    }
}
