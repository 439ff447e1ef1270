package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.AlertState;
import dev.pilothouse.sdk.alerts.Severity;
import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;
import java.util.List;

/**
 * The alerts of one cluster that share alertname, namespace and severity: one row of the alerts table.
 *
 * @param uid      cluster, name, namespace and severity joined
 * @param cluster  the context
 * @param name     the alertname
 * @param namespace the namespace label, or ""
 * @param severity the severity
 * @param alerts   the instances, oldest first
 * @param since    when the oldest became active (null if unknown)
 * @param firing   how many instances fire
 * @param pending  how many are pending
 * @param suppressed how many are silenced or inhibited
 */
public record AlertGroup(String uid, String cluster, String name, String namespace, Severity severity,
                         List<Alert> alerts, Instant since, long firing, long pending, long suppressed)
        implements Row {

    public AlertGroup {
        alerts = List.copyOf(alerts);
    }

    /**
     * A group of these alerts. The counts are taken once here: table cells, the filter and the header read them
     * for thousands of groups on every refresh.
     */
    public static AlertGroup of(String uid, String cluster, String name, String namespace, Severity severity,
                                List<Alert> alerts, Instant since) {
        long firing = 0;
        long pending = 0;
        long suppressed = 0;
        for (Alert a : alerts) {
            if (a.state() == AlertState.FIRING) {
                firing++;
            } else if (a.state() == AlertState.PENDING) {
                pending++;
            }
            if (a.suppressed()) {
                suppressed++;
            }
        }
        return new AlertGroup(uid, cluster, name, namespace, severity, alerts, since, firing, pending, suppressed);
    }

    /** Whether every instance is silenced or inhibited. */
    public boolean allSuppressed() {
        return suppressed() == alerts.size();
    }

    /** "3 firing · 1 pending". */
    public String stateText() {
        long f = firing();
        long p = pending();
        return f > 0 && p > 0 ? f + " firing · " + p + " pending" : f > 0 ? f + " firing" : p + " pending";
    }

    /** The first instance's summary. */
    public String summary() {
        return alerts.isEmpty() ? "" : alerts.getFirst().summary();
    }
}
