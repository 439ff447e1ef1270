package dev.pilothouse.sdk.kube;

import java.util.List;

/**
 * Transforms the columns of another plugin's resource table (adds, removes or reorders), the way Headlamp's table
 * processors do. Processors run in plugin order when a table is built; a processor that throws is skipped and
 * its plugin marked failed.
 */
public interface ColumnProcessor {

    /** A stable id, unique among processors. */
    String id();

    /** Whether this processor changes tables of the given kind. */
    boolean appliesTo(GroupVersionKind kind);

    /**
     * Returns the new column list. The default columns are given in order; return them unchanged to do nothing.
     *
     * @param kind    the kind whose table is built
     * @param columns the current columns
     * @param <R>     the kind's row type
     */
    <R extends Row> List<Column<R>> process(ResourceKind<R> kind, List<Column<R>> columns);
}
