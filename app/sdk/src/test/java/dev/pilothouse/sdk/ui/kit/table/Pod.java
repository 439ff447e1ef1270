package dev.pilothouse.sdk.ui.kit.table;

import dev.pilothouse.sdk.kube.Row;

import java.util.Comparator;

/** A row for the list tests. */
record Pod(String uid, String namespace, String name, String status, int restarts) implements Row {

    static final Comparator<Pod> BY_STATUS = Comparator.comparing(Pod::status);
    static final Comparator<Pod> BY_RESTARTS = Comparator.comparingInt(Pod::restarts);

    static Pod of(int i, String status) {
        return new Pod("uid-" + i, "ns-" + (i % 3), "pod-" + i, status, 0);
    }

    Pod with(String newStatus, int newRestarts) {
        return new Pod(uid, namespace, name, newStatus, newRestarts);
    }
}
