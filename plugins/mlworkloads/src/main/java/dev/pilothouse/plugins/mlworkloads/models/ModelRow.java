package dev.pilothouse.plugins.mlworkloads.models;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.Row;

/**
 * One row of the models list, whatever serves the model, so KServe, Seldon and plain Deployments merge into one table.
 *
 * @param uid            metadata.uid
 * @param namespace      namespace
 * @param name           metadata.name
 * @param kind           InferenceService, Model, Experiment or Deployment
 * @param model          the model served (for an Experiment: its default model; for a Deployment: from its labels)
 * @param ready          whether the controller reports the model ready to serve
 * @param available      available replicas, or -1 when the kind does not say
 * @param desired        desired replicas, or -1 when the kind does not say
 * @param url            where it is served; empty when not reported
 * @param latestRevision the newest revision (KServe revision, Deployment version); empty when none
 * @param canaryPercent  traffic share of the canary or candidates in percent, or -1 when there is no canary
 * @param lastFailure    the last failure the controller recorded, as "reason: message"; empty when none
 * @param health         health from the kind's status adapter (computed at projection: pure)
 */
public record ModelRow(String uid, String namespace, String name, String kind, String model, boolean ready,
                       int available, int desired, String url, String latestRevision, int canaryPercent,
                       String lastFailure, Health health) implements Row {

    /** Whether some traffic goes to a canary or experiment candidate. */
    public boolean canary() {
        return canaryPercent >= 0;
    }
}
