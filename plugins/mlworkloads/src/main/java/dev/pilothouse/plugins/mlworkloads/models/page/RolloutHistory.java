package dev.pilothouse.plugins.mlworkloads.models.page;

import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A model's rollout history as lines to show: a KServe InferenceService's revisions and traffic split, a
 * Deployment's ReplicaSets by revision. Pure functions of the objects.
 */
final class RolloutHistory {

    /** One revision: its name, what it serves now, and facts (created, images, tag). */
    record Entry(String revision, String traffic, String facts, Instant created) {
    }

    private RolloutHistory() {
    }

    /** KServe: the traffic split first, then the rollout markers the controller keeps. */
    static List<Entry> ofInferenceService(KubeObject isvc) {
        List<Entry> entries = new ArrayList<>();
        KubeObject predictor = isvc.object("status", "components", "predictor").orElse(KubeObject.of(java.util.Map.of()));
        for (KubeObject t : predictor.objects("traffic")) {
            String revision = t.string("revisionName");
            List<String> facts = new ArrayList<>();
            if (!t.string("tag").isEmpty()) {
                facts.add("tag " + t.string("tag"));
            }
            if (t.flag("latestRevision")) {
                facts.add("latest");
            }
            facts.addAll(markers(predictor, revision));
            entries.add(new Entry(revision, t.number("percent") + " %", String.join(", ", facts), null));
        }
        for (String field : List.of("latestCreatedRevision", "latestReadyRevision", "latestRolledoutRevision",
                "previousRolledoutRevision")) {
            String revision = predictor.string(field);
            if (!revision.isEmpty() && entries.stream().noneMatch(e -> e.revision().equals(revision))) {
                entries.add(new Entry(revision, "0 %", String.join(", ", markers(predictor, revision)), null));
            }
        }
        long canary = isvc.number("spec", "predictor", "canaryTrafficPercent");
        if (isvc.hasNumber("spec", "predictor", "canaryTrafficPercent") && entries.isEmpty()) {
            entries.add(new Entry("(canary)", canary + " %", "the controller reports no revisions yet", null));
        }
        return entries;
    }

    private static List<String> markers(KubeObject predictor, String revision) {
        List<String> markers = new ArrayList<>();
        if (revision.equals(predictor.string("latestReadyRevision"))) {
            markers.add("latest ready");
        }
        if (revision.equals(predictor.string("latestRolledoutRevision"))) {
            markers.add("rolled out");
        }
        if (revision.equals(predictor.string("previousRolledoutRevision"))) {
            markers.add("previous rollout");
        }
        if (revision.equals(predictor.string("latestCreatedRevision"))
                && !revision.equals(predictor.string("latestReadyRevision"))) {
            markers.add("created, not ready");
        }
        return markers;
    }

    /** A Deployment: the ReplicaSets it owns, newest revision first, with their images and replicas. */
    static List<Entry> ofDeployment(KubeObject deployment, List<KubeObject> replicaSets) {
        List<Entry> entries = new ArrayList<>();
        String current = deployment.annotations().getOrDefault("deployment.kubernetes.io/revision", "");
        for (KubeObject rs : replicaSets) {
            boolean owned = rs.objects("metadata", "ownerReferences").stream()
                    .anyMatch(o -> o.string("uid").equals(deployment.uid()));
            if (!owned) {
                continue;
            }
            String revision = rs.annotations().getOrDefault("deployment.kubernetes.io/revision", "?");
            String images = String.join(", ", rs.objects("spec", "template", "spec", "containers").stream()
                    .map(c -> c.string("image")).toList());
            String traffic = rs.number("status", "readyReplicas") + "/" + rs.number("spec", "replicas") + " ready";
            entries.add(new Entry(revision + (revision.equals(current) ? " (current)" : ""), traffic, images,
                    rs.creationTimestamp().orElse(null)));
        }
        entries.sort(Comparator.comparing((Entry e) -> revisionNumber(e.revision())).reversed());
        return entries;
    }

    private static long revisionNumber(String revision) {
        String digits = revision.replaceAll("\\D.*", "");
        try {
            return digits.isEmpty() ? -1 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
