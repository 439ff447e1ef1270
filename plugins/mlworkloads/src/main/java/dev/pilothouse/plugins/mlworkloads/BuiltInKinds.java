package dev.pilothouse.plugins.mlworkloads;

import dev.pilothouse.sdk.kube.GroupVersionKind;

/** The Kubernetes kinds the ML pages read alongside their own: the pods, workloads and events behind them. */
public final class BuiltInKinds {

    public static final GroupVersionKind PODS = GroupVersionKind.core("v1", "Pod", "pods");
    public static final GroupVersionKind EVENTS = GroupVersionKind.core("v1", "Event", "events");
    public static final GroupVersionKind DEPLOYMENTS = new GroupVersionKind("apps", "v1", "Deployment", "deployments");
    public static final GroupVersionKind STATEFUL_SETS = new GroupVersionKind("apps", "v1", "StatefulSet",
            "statefulsets");
    public static final GroupVersionKind REPLICA_SETS = new GroupVersionKind("apps", "v1", "ReplicaSet", "replicasets");

    private BuiltInKinds() {
    }
}
