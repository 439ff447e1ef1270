/**
 * Internal: the controllers the simulator plays (scheduler, kubelet, ReplicaSet, Deployment, garbage collector,
 * Argo Workflows and Rollouts, Tekton, KServe, the ToolHive operator and kagent), each a small reconcile step run
 * once per tick against the emulated API, through the cluster's admin client, so every change is an ordinary API
 * write that watches see.
 */
@NullMarked
package dev.pilothouse.demo.simulator;

import org.jspecify.annotations.NullMarked;
