package dev.pilothouse.sdk.ui.kit.table;

import dev.pilothouse.sdk.kube.Row;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies every change an observable list fires to a plain copy, as a table's skin and selection model would read
 * it (an update takes the newer version of the same row in place): if the copy always equals the list, the changes
 * described exactly what happened. Also counts the changes.
 */
final class ChangeReplay<E> implements ListChangeListener<E> {

    final List<E> copy;
    int changes;
    final List<String> subChanges = new ArrayList<>();

    ChangeReplay(ObservableList<E> list) {
        copy = new ArrayList<>(list);
        list.addListener(this);
    }

    @Override
    public void onChanged(Change<? extends E> c) {
        changes++;
        while (c.next()) {
            if (c.wasPermutated()) {
                List<E> before = new ArrayList<>(copy.subList(c.getFrom(), c.getTo()));
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    copy.set(c.getPermutation(i), before.get(i - c.getFrom()));
                }
                subChanges.add("permutation");
            } else if (c.wasUpdated()) {
                // A newer version of the same row, in place.
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    E now = c.getList().get(i);
                    if (now instanceof Row row) {
                        assertThat(row.uid()).as("an update keeps the object").isEqualTo(((Row) copy.get(i)).uid());
                    }
                    copy.set(i, now);
                }
                subChanges.add("update " + c.getFrom() + (c.getTo() - c.getFrom() > 1 ? " +" + (c.getTo() - c.getFrom()) : ""));
            } else {
                List<E> removedHere = copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize());
                assertThat(removedHere).as("the removed rows are the ones at that position")
                        .containsExactlyElementsOf(c.getRemoved());
                removedHere.clear();
                copy.addAll(c.getFrom(), c.getAddedSubList());
                subChanges.add((c.wasReplaced() ? "replace " : c.wasAdded() ? "add " : "remove ") + c.getFrom()
                        + (c.getTo() - c.getFrom() > 1 || c.getRemovedSize() > 1
                        ? " +" + c.getAddedSize() + " -" + c.getRemovedSize() : ""));
            }
        }
        assertThat(copy).as("replaying the change gives the list").containsExactlyElementsOf(c.getList());
    }
}
