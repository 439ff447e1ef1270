package dev.pilothouse.plugins.mlworkloads;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.Formats;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/** Columns the pipelines, models and agents lists share, so they look and sort alike. */
public final class MlColumns {

    private MlColumns() {
    }

    public static <R extends Row> Column<R> namespace() {
        return Column.<R>builder("namespace", "Namespace", Row::namespace).width(120).build();
    }

    public static <R extends Row> Column<R> name() {
        return Column.<R>builder("name", "Name", Row::name).width(230).build();
    }

    /** The health reason, toned by state; sorts worst first, then by namespace and name. */
    public static <R extends Row> Column<R> status(Function<R, Health> health) {
        return Column.<R>builder("status", "Status", r -> health.apply(r).reason())
                .tone(r -> health.apply(r).state().tone())
                .comparator(Comparator.comparing((R r) -> health.apply(r).state())
                        .thenComparing(Row::namespace).thenComparing(Row::name))
                .width(150).build();
    }

    /** Time since {@code time}, kubectl style; newest first, unknown last. */
    public static <R extends Row> Column<R> since(String id, String title, Function<R, Instant> time) {
        return Column.<R>builder(id, title, time::apply)
                .text(r -> Formats.age(time.apply(r), Instant.now()))
                .comparator(Comparator.comparing(time, Comparator.nullsLast(Comparator.reverseOrder())))
                .align(Column.Align.RIGHT).width(85).build();
    }

    /** A count shown blank when unknown (negative). */
    public static <R extends Row> Column<R> count(String id, String title, Function<R, Integer> count) {
        return Column.<R>builder(id, title, count::apply)
                .text(r -> count.apply(r) < 0 ? "" : String.valueOf(count.apply(r)))
                .align(Column.Align.RIGHT).width(70).build();
    }
}
