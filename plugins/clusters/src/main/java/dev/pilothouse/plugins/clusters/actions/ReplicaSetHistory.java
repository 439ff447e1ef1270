package dev.pilothouse.plugins.clusters.actions;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * A Deployment's revisions: the ReplicaSets it controls, each with its {@code deployment.kubernetes.io/revision}.
 * Read as kubectl reads them (pkg/util/deployment/deployment.go listReplicaSets: list by the Deployment's selector,
 * keep only those whose controller owner reference carries the Deployment's uid; Revision: a missing annotation is
 * revision 0, an unparsable one is skipped by the rollback).
 */
final class ReplicaSetHistory {

    private final KubeObject deployment;
    private final List<KubeObject> owned;

    private ReplicaSetHistory(KubeObject deployment, List<KubeObject> owned) {
        this.deployment = deployment;
        this.owned = owned;
    }

    /** Reads the ReplicaSets the Deployment controls through the plan's context. */
    static ReplicaSetHistory read(PlanContext context) {
        KubeObject deployment = context.object();
        List<KubeObject> listed = context.list(Workloads.REPLICA_SET, deployment.namespace(), selector(deployment));
        List<KubeObject> owned = new ArrayList<>();
        for (KubeObject rs : listed) {
            if (controlledBy(rs, deployment.uid())) {
                owned.add(rs);
            }
        }
        // kubectl visits the old ReplicaSets oldest first and the current one last; ties in revision (rare, after
        // manual edits) then resolve as they do in kubectl.
        Map<String, Object> template = PodTemplates.of(deployment);
        owned.sort(Comparator.<KubeObject, Boolean>comparing(rs -> PodTemplates.equalIgnoringHash(PodTemplates.of(rs),
                        template))
                .thenComparing(rs -> rs.creationTimestamp().orElse(Instant.EPOCH))
                .thenComparing(KubeObject::name));
        return new ReplicaSetHistory(deployment, List.copyOf(owned));
    }

    /**
     * The label selector of {@code spec.selector} in the API's text form ({@code app=llama,tier in (serving)}), as
     * metav1.LabelSelectorAsSelector renders it for the list call.
     */
    static String selector(KubeObject deployment) {
        StringJoiner parts = new StringJoiner(",");
        deployment.stringMap("spec", "selector", "matchLabels").entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
        for (KubeObject expression : deployment.objects("spec", "selector", "matchExpressions")) {
            String key = expression.string("key");
            List<String> values = stringList(expression, "values");
            switch (expression.string("operator")) {
                case "In" -> parts.add(key + " in (" + String.join(",", values.stream().sorted().toList()) + ")");
                case "NotIn" -> parts.add(key + " notin (" + String.join(",", values.stream().sorted().toList()) + ")");
                case "Exists" -> parts.add(key);
                case "DoesNotExist" -> parts.add("!" + key);
                default -> {
                    // The API server rejects other operators, so a stored Deployment never has one.
                }
            }
        }
        return parts.toString();
    }

    private static List<String> stringList(KubeObject object, String field) {
        return object.get(field).filter(List.class::isInstance).map(v -> ((List<?>) v).stream()
                .map(String::valueOf).toList()).orElse(List.of());
    }

    private static boolean controlledBy(KubeObject rs, String uid) {
        return rs.objects("metadata", "ownerReferences").stream()
                .anyMatch(ref -> ref.flag("controller") && uid.equals(ref.string("uid")));
    }

    /** The revision annotation as a number: absent counts as 0, unparsable as none. */
    static OptionalLong revision(KubeObject object) {
        String text = object.annotations().get(Workloads.REVISION);
        if (text == null) {
            return OptionalLong.of(0);
        }
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The ReplicaSets the Deployment controls, in kubectl's visiting order. */
    List<KubeObject> owned() {
        return owned;
    }

    /**
     * The ReplicaSet to roll back to: the one at {@code revision}, or with 0 the second-newest revision (kubectl's
     * deploymentRevision). Refuses with kubectl's messages when there is none.
     */
    KubeObject target(long revision) throws ActionException {
        if (revision < 0) {
            throw notFound(revision);
        }
        if (revision > 0) {
            return find(revision).orElseThrow(() -> notFound(revision));
        }
        KubeObject latest = null;
        KubeObject previous = null;
        long latestRevision = -1;
        long previousRevision = -1;
        for (KubeObject rs : owned) {
            OptionalLong parsed = revision(rs);
            if (parsed.isEmpty()) {
                continue;
            }
            long v = parsed.getAsLong();
            if (v > latestRevision) {
                previous = latest;
                previousRevision = latestRevision;
                latest = rs;
                latestRevision = v;
            } else if (v > previousRevision) {
                previous = rs;
                previousRevision = v;
            }
        }
        if (previous == null) {
            throw new ActionException("no rollout history found for deployment \"" + deployment.name() + "\"");
        }
        return previous;
    }

    private Optional<KubeObject> find(long revision) {
        return owned.stream().filter(rs -> revision(rs).equals(OptionalLong.of(revision))).findFirst();
    }

    private static ActionException notFound(long revision) {
        return new ActionException("unable to find specified revision " + revision + " in history");
    }
}
