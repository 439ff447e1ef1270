package dev.pilothouse.plugins.mlworkloads.fleet;

import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The columns of a kind, lifted to {@link Located} rows, with the cluster in front. */
public final class LocatedColumns {

    private LocatedColumns() {
    }

    /** A cluster column followed by {@code columns}, each reading the located row's own row. */
    public static <R extends Row> List<Column<Located<R>>> of(List<Column<R>> columns) {
        List<Column<Located<R>>> lifted = new ArrayList<>();
        lifted.add(Column.<Located<R>>builder("cluster", "Cluster", Located::cluster).width(110).build());
        columns.forEach(c -> lifted.add(lift(c)));
        return lifted;
    }

    private static <R extends Row> Column<Located<R>> lift(Column<R> column) {
        return Column.<Located<R>>builder(column.id(), column.title(), l -> column.value(l.row()))
                .text(l -> column.text(l.row()))
                .tone(l -> column.tone(l.row()))
                .comparator(Comparator.comparing(Located::row, column.comparator()))
                .width(column.preferredWidth())
                .align(column.align())
                .build();
    }
}
