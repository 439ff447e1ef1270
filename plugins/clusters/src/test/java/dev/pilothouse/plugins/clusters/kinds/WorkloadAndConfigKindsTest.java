package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.plugins.clusters.detail.SecretDataSectionAccess;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadAndConfigKindsTest {

    private static KubeObject obj(Map<String, Object> tree) {
        return KubeObject.of(tree);
    }

    private static Map<String, Object> meta(String kind) {
        return Map.of("name", "x", "namespace", "ml", "uid", kind + "-1", "generation", 2);
    }

    @Test
    void aStatefulSetMidUpdateIsProgressing() {
        WorkloadRow r = WorkloadKinds.statefulSet(obj(Map.of("kind", "StatefulSet", "metadata", meta("sts"),
                "spec", Map.of("replicas", 3),
                "status", Map.of("observedGeneration", 2, "readyReplicas", 3, "updatedReplicas", 1,
                        "currentRevision", "a", "updateRevision", "b"))));
        assertThat(r.health().state()).isEqualTo(HealthState.PROGRESSING);
        assertThat(r.health().reason()).isEqualTo("1 of 3 updated");
    }

    @Test
    void aDaemonSetMissingPodsIsDegraded() {
        WorkloadRow r = WorkloadKinds.daemonSet(obj(Map.of("kind", "DaemonSet", "metadata", meta("ds"),
                "status", Map.of("observedGeneration", 2, "desiredNumberScheduled", 8, "numberReady", 7,
                        "updatedNumberScheduled", 8, "numberAvailable", 7))));
        assertThat(r.health().state()).isEqualTo(HealthState.DEGRADED);
        assertThat(r.ready()).isEqualTo(7);
        assertThat(r.desired()).isEqualTo(8);
    }

    @Test
    void aJobThatHitItsBackoffLimitFailsWithTheControllersReason() {
        WorkloadRow r = WorkloadKinds.job(obj(Map.of("kind", "Job", "metadata", meta("job"),
                "status", Map.of("failed", 4, "conditions", List.of(Map.of("type", "Failed", "status", "True",
                        "reason", "BackoffLimitExceeded", "message", "Job has reached the specified backoff limit"))))));
        assertThat(r.health().state()).isEqualTo(HealthState.FAILED);
        assertThat(r.health().reason()).isEqualTo("BackoffLimitExceeded");
    }

    @Test
    void aSuspendedCronJobIsPausedAndHasNoReadyCount() {
        WorkloadRow r = WorkloadKinds.cronJob(obj(Map.of("kind", "CronJob", "metadata", meta("cj"),
                "spec", Map.of("suspend", true, "schedule", "0 3 * * *"))));
        assertThat(r.health().state()).isEqualTo(HealthState.PAUSED);
        assertThat(r.desired()).isNegative();
    }

    @Test
    void aSecretRowKnowsItsKeysButNeverItsValues() {
        ConfigKinds.DataRow r = ConfigKinds.dataRow(obj(Map.of("kind", "Secret", "type", "Opaque", "metadata", meta("s"),
                "data", Map.of("token", "c2VjcmV0", "user", "YWRtaW4="))), true);
        assertThat(r.keys()).containsExactly("token", "user");
        assertThat(r.toString()).doesNotContain("c2VjcmV0").doesNotContain("secret");
    }

    @Test
    void aLoadBalancerServiceShowsItsIngressAndNodePorts() {
        ConfigKinds.ServiceRow r = ConfigKinds.service(obj(Map.of("kind", "Service", "metadata", meta("svc"),
                "spec", Map.of("type", "LoadBalancer", "clusterIP", "10.0.0.5",
                        "ports", List.of(Map.of("port", 443, "nodePort", 31443, "protocol", "TCP"))),
                "status", Map.of("loadBalancer", Map.of("ingress", List.of(Map.of("ip", "34.1.2.3")))))));
        assertThat(r.external()).isEqualTo("34.1.2.3");
        assertThat(r.ports()).isEqualTo("443:31443/TCP");
    }

    @Test
    void revealedSecretValuesAreDecodedAndBinaryIsNotDumped() {
        assertThat(SecretDataSectionAccess.decode("aGVsbG8=")).isEqualTo("hello");
        assertThat(SecretDataSectionAccess.decode("AAEC")).isEqualTo("(3 bytes of binary data)");
        assertThat(SecretDataSectionAccess.decode("%%%")).isEqualTo("(not valid base64)");
    }
}
