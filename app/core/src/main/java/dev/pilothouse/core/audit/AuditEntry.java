package dev.pilothouse.core.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the caller tells the audit log about one action; the log adds the time, the sequence number and the chain
 * hashes when it appends (see {@link AuditRecord}). Bodies and parameters must already be redacted: the log writes
 * them as given.
 *
 * @param localUser             the operating-system user who ran the console
 * @param kubeIdentity          the Kubernetes user name (SelfSubjectReview), empty when the server could not say
 * @param context               the kubeconfig context
 * @param action                the action id, for example {@code deployment.scale}
 * @param target                the object acted on
 * @param parameters            the action's parameters (written sorted by key)
 * @param requests              the requests sent (or that would have been sent, when refused), bodies exact
 * @param dryRun                true when the requests were sent as a server-side dry run
 * @param confirmedBy           how and by whom the action was confirmed (for example {@code ana (typed name)}),
 *                              empty when no confirmation was asked
 * @param outcome               how it ended
 * @param resourceVersionBefore the object's resourceVersion before, if known
 * @param resourceVersionAfter  the object's resourceVersion after, if known
 */
public record AuditEntry(String localUser, String kubeIdentity, String context, String action, AuditTarget target,
                         Map<String, String> parameters, List<SentRequest> requests, boolean dryRun,
                         String confirmedBy, AuditOutcome outcome, Optional<String> resourceVersionBefore,
                         Optional<String> resourceVersionAfter) {

    public AuditEntry {
        Objects.requireNonNull(localUser, "localUser");
        Objects.requireNonNull(kubeIdentity, "kubeIdentity");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(resourceVersionBefore, "resourceVersionBefore");
        Objects.requireNonNull(resourceVersionAfter, "resourceVersionAfter");
        // Sorted and immutable, so equal entries compare equal however the caller built the map.
        TreeMap<String, String> sorted = new TreeMap<>(CanonicalJson.CODE_POINT_ORDER);
        parameters.forEach((key, value) -> sorted.put(Objects.requireNonNull(key, "parameter name"),
                Objects.requireNonNull(value, () -> "value of parameter " + key)));
        parameters = Collections.unmodifiableMap(sorted);
        requests = List.copyOf(requests);
    }
}
