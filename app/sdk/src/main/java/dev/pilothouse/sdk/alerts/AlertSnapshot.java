package dev.pilothouse.sdk.alerts;

import java.util.List;

/**
 * A cluster's alerts as read just now, with what could not be read. Alerts come from Prometheus and Alertmanager;
 * when one of them does not answer the other's alerts are still worth showing, but not as if they were the whole
 * picture: without Prometheus pending alerts are unknown, without Alertmanager silences are.
 *
 * @param alerts   the merged alerts of the sources that answered
 * @param problems one sentence per source that did not answer, naming it and the error; empty when all did
 */
public record AlertSnapshot(List<Alert> alerts, List<String> problems) {

    public AlertSnapshot {
        alerts = List.copyOf(alerts);
        problems = List.copyOf(problems);
    }

    /** Whether a source did not answer. */
    public boolean partial() {
        return !problems.isEmpty();
    }
}
