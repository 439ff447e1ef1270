package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.alerts.Silence;
import dev.pilothouse.sdk.kube.Row;

/** One silence of one cluster. */
record SilenceRow(String uid, String namespace, String name, Silence silence) implements Row {

    static SilenceRow of(Silence s) {
        return new SilenceRow(s.cluster() + "/" + s.id(), "", s.id(), s);
    }
}
