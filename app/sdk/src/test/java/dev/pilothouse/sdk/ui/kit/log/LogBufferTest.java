package dev.pilothouse.sdk.ui.kit.log;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogBufferTest {

    private static List<LogBuffer.Line> lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> new LogBuffer.Line("", 0, "line " + i)).toList();
    }

    @Test
    void keepsTheNewestLinesUpToTheLimitAndCountsWhatItDropped() {
        LogBuffer buffer = new LogBuffer(100);
        assertThat(buffer.append(lines(0, 80))).isZero();
        assertThat(buffer.append(lines(80, 150))).isEqualTo(50);
        assertThat(buffer.lines()).hasSize(100);
        assertThat(buffer.lines().getFirst().text()).isEqualTo("line 50");
        assertThat(buffer.lines().getLast().text()).isEqualTo("line 149");
        assertThat(buffer.dropped()).isEqualTo(50);
    }

    @Test
    void aHugeBurstStaysBounded() {
        LogBuffer buffer = new LogBuffer(1_000);
        for (int i = 0; i < 100; i++) {
            buffer.append(lines(i * 1_000, (i + 1) * 1_000));
        }
        assertThat(buffer.lines()).hasSize(1_000);
        assertThat(buffer.lines().getFirst().text()).isEqualTo("line 99000");
    }

    @Test
    void findsMatchesCaseInsensitivelyWithTheirRanges() {
        LogBuffer buffer = new LogBuffer(10);
        buffer.append(List.of(new LogBuffer.Line("", 0, "INFO ready"), new LogBuffer.Line("", 0, "ERROR OOM, error again")));
        assertThat(buffer.matches("error")).containsExactly(1);
        assertThat(LogBuffer.ranges("ERROR OOM, error again", "error")).containsExactly(new int[] {0, 5}, new int[] {11, 16});
        assertThat(buffer.matches("")).isEmpty();
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> new LogBuffer(0)).hasMessageContaining("positive");
    }
}
