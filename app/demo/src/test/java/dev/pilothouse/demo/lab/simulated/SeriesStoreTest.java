package dev.pilothouse.demo.lab.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pilothouse.demo.lab.simulated.promql.Expr.VectorSelector;
import dev.pilothouse.demo.lab.simulated.promql.Labels;
import dev.pilothouse.demo.lab.simulated.promql.Parser;
import dev.pilothouse.demo.lab.simulated.promql.SeriesPoints;
import dev.pilothouse.demo.lab.simulated.promql.Value.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {

  private static final Labels A = Labels.of("__name__", "a", "pod", "p");
  private static final Labels B = Labels.of("__name__", "b", "pod", "p");

  private static VectorSelector selector(String promql) {
    return (VectorSelector) Parser.parse(promql);
  }

  @Test
  void aSelectionHoldsThePointsAfterFromUpToAndIncludingTo() {
    SeriesStore store = new SeriesStore(10);
    for (int t = 1; t <= 5; t++) {
      store.record(t * 1000L, List.of(new Sample(A, t)));
    }

    List<SeriesPoints> selected = store.select(selector("a"), 2000, 4000);

    assertThat(selected).singleElement().satisfies(s -> {
      assertThat(s.times()).containsExactly(3000, 4000);
      assertThat(s.values()).containsExactly(3, 4);
    });
  }

  @Test
  void aSeriesMissingFromALaterRecordIsStaleThere() {
    SeriesStore store = new SeriesStore(10);
    store.record(1000, List.of(new Sample(A, 1), new Sample(B, 1)));
    store.record(2000, List.of(new Sample(B, 2)));

    assertThat(store.select(selector("a"), 0, 2000).getFirst().values()).containsExactly(1, Double.NaN);
  }

  @Test
  void recordingAtTheLastTimeAgainAddsToIt() {
    SeriesStore store = new SeriesStore(10);
    store.record(1000, List.of(new Sample(A, 1)));
    store.record(1000, List.of(new Sample(B, 2)));

    assertThat(store.select(selector("{pod=\"p\"}"), 0, 1000)).hasSize(2)
        .allSatisfy(s -> assertThat(s.values()).doesNotContain(Double.NaN));
  }

  @Test
  void theOldestTimeIsDroppedWhenTheRingIsFull() {
    SeriesStore store = new SeriesStore(3);
    for (int t = 1; t <= 5; t++) {
      store.record(t * 1000L, List.of(new Sample(A, t)));
    }

    assertThat(store.select(selector("a"), 0, 10_000).getFirst().times()).containsExactly(3000, 4000, 5000);
  }

  @Test
  void anEarlierTimeIsRefused() {
    SeriesStore store = new SeriesStore(3);
    store.record(2000, List.of(new Sample(A, 1)));

    assertThatThrownBy(() -> store.record(1000, List.of(new Sample(A, 1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelValuesListEachValueOnce() {
    SeriesStore store = new SeriesStore(3);
    store.record(1000, List.of(new Sample(A, 1), new Sample(B, 1),
        new Sample(Labels.of("__name__", "a", "pod", "q"), 1)));

    assertThat(store.labelValues("pod", List.of())).containsExactly("p", "q");
    assertThat(store.labelValues("__name__", List.of(selector("{pod=\"q\"}")))).containsExactly("a");
  }
}
