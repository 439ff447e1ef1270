package dev.pilothouse.plugins.monitoring.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertValueTest {

    @Test
    void printsPrometheusValuesTheWayAPersonReadsThem() {
        assertThat(AlertDetail.readable("7.9e+01")).isEqualTo("79");
        assertThat(AlertDetail.readable("9.512345e-01")).isEqualTo("0.9512");
        assertThat(AlertDetail.readable("1e+00")).isEqualTo("1");
        assertThat(AlertDetail.readable("3.5e+12")).isEqualTo("3.500e+12");
        assertThat(AlertDetail.readable("NaN")).isEqualTo("NaN");
        assertThat(AlertDetail.readable("not a number")).isEqualTo("not a number");
    }
}
