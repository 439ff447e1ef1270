package dev.pilothouse.sdk.ui.kit.table;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An observable array list whose edits can be grouped into one change event, and whose bulk edits cost one pass.
 * A live table applies a frame of row changes at once: fired one by one, each change would cost every list and
 * control above it (sorted views, the table's selection and cells) its own pass, hundreds of times per frame.
 *
 * <p>FX thread only, like every list a control observes.
 *
 * @param <E> element type
 */
public final class BatchList<E> extends ModifiableObservableListBase<E> {

    private Object[] elements = new Object[16];
    private int size;

    public BatchList() {
    }

    public BatchList(Collection<? extends E> initial) {
        ensureCapacity(initial.size());
        for (E e : initial) {
            elements[size++] = e;
        }
    }

    /**
     * Runs the edits and fires everything they did as one change, when the outermost batch ends. Edit in ascending
     * positions (each edit at or after the end of the one before): JavaFX's change builder then only appends, and it
     * misreports some other orders, such as removing an element the same batch added before a later edit.
     */
    public void batch(Runnable edits) {
        beginChange();
        try {
            edits.run();
        } finally {
            endChange();
        }
    }

    /**
     * Replaces or removes the elements at the given positions in one pass over the list: {@code values.get(i)}
     * replaces the element at {@code positions[i]}, or removes it when null. Positions refer to the list before
     * the call and must be strictly ascending.
     */
    public void replaceOrRemove(int[] positions, List<? extends E> values) {
        if (positions.length != values.size()) {
            throw new IllegalArgumentException(positions.length + " positions for " + values.size() + " values");
        }
        if (positions.length == 0) {
            return;
        }
        beginChange();
        try {
            // Compacts in place: [0, write) is final, [read, size) is still to visit.
            int write = positions[0];
            int read = positions[0];
            for (int i = 0; i < positions.length; i++) {
                int at = positions[i];
                if (at < read || at >= size) {
                    throw new IllegalArgumentException("position " + at + " is out of order or out of range");
                }
                System.arraycopy(elements, read, elements, write, at - read);
                write += at - read;
                @SuppressWarnings("unchecked")
                E old = (E) elements[at];
                E value = values.get(i);
                if (value == null) {
                    nextRemove(write, old);
                } else {
                    elements[write] = value;
                    nextSet(write, old);
                    write++;
                }
                read = at + 1;
            }
            System.arraycopy(elements, read, elements, write, size - read);
            int newSize = write + size - read;
            Arrays.fill(elements, newSize, size, null);
            size = newSize;
            modCount++;
        } finally {
            endChange();
        }
    }

    @Override
    public E get(int index) {
        checkIndex(index, size);
        @SuppressWarnings("unchecked")
        E e = (E) elements[index];
        return e;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    protected void doAdd(int index, E element) {
        checkIndex(index, size + 1);
        ensureCapacity(size + 1);
        System.arraycopy(elements, index, elements, index + 1, size - index);
        elements[index] = element;
        size++;
    }

    @Override
    protected E doSet(int index, E element) {
        E old = get(index);
        elements[index] = element;
        return old;
    }

    @Override
    protected E doRemove(int index) {
        E old = get(index);
        System.arraycopy(elements, index + 1, elements, index, size - index - 1);
        elements[--size] = null;
        return old;
    }

    /** One array copy for the whole range (the base class would add element by element, shifting each time). */
    @Override
    public boolean addAll(int index, Collection<? extends E> added) {
        checkIndex(index, size + 1);
        if (added.isEmpty()) {
            return false;
        }
        Object[] incoming = added.toArray();
        beginChange();
        try {
            ensureCapacity(size + incoming.length);
            System.arraycopy(elements, index, elements, index + incoming.length, size - index);
            System.arraycopy(incoming, 0, elements, index, incoming.length);
            size += incoming.length;
            modCount++;
            nextAdd(index, index + incoming.length);
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public boolean addAll(Collection<? extends E> added) {
        return addAll(size, added);
    }

    /** One array copy for the whole range; {@code clear}, {@code setAll} and {@code remove(from, to)} come here. */
    @Override
    protected void removeRange(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + size);
        }
        if (from == to) {
            return;
        }
        beginChange();
        try {
            List<E> removed = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                removed.add(get(i));
            }
            System.arraycopy(elements, to, elements, from, size - to);
            Arrays.fill(elements, size - (to - from), size, null);
            size -= to - from;
            modCount++;
            nextRemove(from, removed);
        } finally {
            endChange();
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > elements.length) {
            elements = Arrays.copyOf(elements, Math.max(needed, elements.length + (elements.length >> 1)));
        }
    }

    private static void checkIndex(int index, int bound) {
        if (index < 0 || index >= bound) {
            throw new IndexOutOfBoundsException("index " + index + " of " + bound);
        }
    }
}
