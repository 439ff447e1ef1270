package dev.pilothouse.sdk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionRangeTest {

    @ParameterizedTest
    @CsvSource({"1.0.0,true", "1.4.2,true", "0.9.9,false", "2.0.0,false", "1.0.0-beta,true"})
    void compatibleRangeSpansOneMajorVersion(String version, boolean contained) {
        assertThat(VersionRange.compatibleWith(Version.parse("1.0.0")).contains(Version.parse(version))).isEqualTo(contained);
    }

    @Test
    void parsesMavenStyleRanges() {
        VersionRange r = VersionRange.parse("[1.2,2.0)");
        assertThat(r.min()).isEqualTo(new Version(1, 2, 0));
        assertThat(r.toString()).isEqualTo("[1.2.0,2.0.0)");
    }

    @Test
    void rejectsMalformedRangesWithAMessageQuotingTheInput() {
        assertThatThrownBy(() -> VersionRange.parse("1.0")).hasMessageContaining("'1.0'");
        assertThatThrownBy(() -> Version.parse("one.two")).hasMessageContaining("'one.two'");
    }

    @Test
    void pluginIdsMustBeLowerCaseWords() {
        assertThatThrownBy(() -> PluginDescriptor.of("My Plugin", "x", "1.0", "d"))
                .hasMessageContaining("lower-case");
    }
}
