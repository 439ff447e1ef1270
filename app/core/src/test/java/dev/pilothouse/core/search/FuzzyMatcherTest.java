package dev.pilothouse.core.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FuzzyMatcherTest {

    @Test
    void charactersMustAppearInOrder() {
        assertThat(FuzzyMatcher.score("flt", "Fleet")).isPositive();
        assertThat(FuzzyMatcher.score("tlf", "Fleet")).isZero();
    }

    @Test
    void aSubstringBeatsAScatteredMatch() {
        assertThat(FuzzyMatcher.score("pod", "Pods")).isGreaterThan(FuzzyMatcher.score("pod", "Prometheus old data"));
    }

    @Test
    void wordStartsBeatMidWordMatches() {
        assertThat(FuzzyMatcher.score("dark", "Theme: Primer Dark")).isGreaterThan(FuzzyMatcher.score("ark", "Theme: Primer Dark"));
        assertThat(FuzzyMatcher.score("sc", "Switch to context")).isGreaterThan(FuzzyMatcher.score("sc", "Discovery"));
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(FuzzyMatcher.score("LLAMA", "ml-serving/llama-3-8b-7c9")).isPositive();
    }

    @Test
    void anEmptyQueryMatchesEverything() {
        assertThat(FuzzyMatcher.score("  ", "anything")).isEqualTo(1);
    }
}
