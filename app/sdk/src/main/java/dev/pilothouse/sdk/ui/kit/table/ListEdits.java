package dev.pilothouse.sdk.ui.kit.table;

/**
 * Receives what an update did to a list, in ascending positions, each valid after the ones before it: the shape
 * {@code ObservableListBase}'s change builder consumes cheaply (it appends instead of shifting earlier entries).
 *
 * @param <E> element type
 */
interface ListEdits<E> {

    /** The element at {@code at} was removed. */
    void removed(int at, E element);

    /** Elements were inserted at {@code [from, to)}. */
    void added(int from, int to);

    /** The element at {@code at} was replaced by a newer version of itself (a row with the same uid). */
    void updated(int at);
}
