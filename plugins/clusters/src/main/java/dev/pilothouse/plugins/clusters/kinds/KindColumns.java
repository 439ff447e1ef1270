package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.Formats;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/** Columns every kind shares. */
public final class KindColumns {

    private KindColumns() {
    }

    /** kubectl's AGE: short text, newest first when sorted ascending, unknown times last. */
    public static <R extends Row> Column<R> age(Function<R, Instant> created) {
        return Column.<R>builder("age", "Age", created::apply)
                .text(r -> Formats.age(created.apply(r), Instant.now()))
                .comparator(Comparator.comparing(created, Comparator.nullsLast(Comparator.reverseOrder())))
                .align(Column.Align.RIGHT).width(60).build();
    }
}
