package dev.pilothouse.core.diagnostics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentSamplesTest {

    @Test
    void anEmptyRingSummarisesToNone() {
        assertThat(new RecentSamples(8, 1_000).summary(0)).isEqualTo(Latency.NONE);
    }

    @Test
    void percentilesUseTheNearestRank() {
        RecentSamples samples = new RecentSamples(16, 1_000);
        for (int v = 10; v >= 1; v--) {
            samples.add(0, v);
        }
        assertThat(samples.summary(0)).isEqualTo(new Latency(10, 5, 10));
    }

    @Test
    void theRingKeepsOnlyTheNewestValuesUpToItsCapacity() {
        RecentSamples samples = new RecentSamples(4, 1_000);
        for (int v = 1; v <= 6; v++) {
            samples.add(0, v);
        }
        assertThat(samples.summary(0)).isEqualTo(new Latency(4, 4, 6));
    }

    @Test
    void valuesOlderThanTheWindowAreLeftOut() {
        RecentSamples samples = new RecentSamples(8, 1_000);
        samples.add(0, 100);
        samples.add(1_500, 1);
        assertThat(samples.summary(2_000)).isEqualTo(new Latency(1, 1, 1));
    }
}
