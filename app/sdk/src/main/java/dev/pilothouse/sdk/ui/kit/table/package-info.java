/**
 * The lists behind resource tables: {@link dev.pilothouse.sdk.ui.kit.table.BatchList} (edits fired as one change),
 * {@link dev.pilothouse.sdk.ui.kit.table.SortedRows} (filtered and sorted rows kept up to date change by change) and
 * what keeps a table's selection on the same object while rows are replaced.
 */
package dev.pilothouse.sdk.ui.kit.table;
