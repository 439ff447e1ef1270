package dev.pilothouse.core.action;

import dev.pilothouse.core.kube.ClientTuning;
import dev.pilothouse.core.kube.KubeClusterService;
import dev.pilothouse.core.kube.Kubeconfig;
import dev.pilothouse.core.kube.KubeconfigLoader;
import dev.pilothouse.demo.AccessPolicy;
import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionResult;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The action engine against the emulated API server, reached through a kubeconfig like any real cluster: the
 * requests it sends change the objects as the server applies them, and every refusal (read-only mode, RBAC, the
 * server) comes back as an ActionException that says why.
 */
class ActionRunnerTest {

    static final GroupVersionKind WORKFLOW = new GroupVersionKind("argoproj.io", "v1alpha1", "Workflow", "workflows");
    static final GroupVersionKind PIPELINE_RUN = new GroupVersionKind("tekton.dev", "v1", "PipelineRun", "pipelineruns");
    static final GroupVersionKind CONFIG_MAP = GroupVersionKind.core("v1", "ConfigMap", "configmaps");

    /** An action that plans a fixed list of mutations, so each test states exactly what is sent. */
    record FixedAction(String verb, Function<PlanContext, List<Mutation>> mutations) implements Action {
        @Override
        public String id() {
            return "test-" + verb;
        }

        @Override
        public String label() {
            return "Test " + verb;
        }

        @Override
        public DangerLevel danger() {
            return DangerLevel.LOW;
        }

        @Override
        public Set<GroupVersionKind> kinds() {
            return Set.of(WORKFLOW, PIPELINE_RUN, CONFIG_MAP);
        }

        @Override
        public AccessRequirement access() {
            return new AccessRequirement(verb, "");
        }

        @Override
        public Availability availability(KubeObject object) {
            return Availability.yes();
        }

        @Override
        public ActionPlan plan(PlanContext context) {
            return new ActionPlan(label() + " " + context.target().display(), mutations.apply(context), null, null);
        }
    }

    static Action patch(PatchType type, String body) {
        return new FixedAction("patch", c -> List.of(new Mutation.Patch(c.target(), type, body, "")));
    }

    /** Records what it was asked to confirm and answers as told. */
    static final class RecordingConfirmer implements Confirmer {
        final List<ActionPlan> plans = new ArrayList<>();
        boolean answer = true;

        @Override
        public CompletableFuture<Boolean> confirm(Action action, ActionTarget target, ActionPlan plan) {
            plans.add(plan);
            return CompletableFuture.completedFuture(answer);
        }
    }

    @TempDir
    Path dir;

    private EmulatedCluster cluster;
    private KubeClusterService service;
    private ActionRunner runner;
    private boolean readOnly;
    private final RecordingConfirmer confirmer = new RecordingConfirmer();

    @BeforeEach
    void start() throws Exception {
        cluster = EmulatedCluster.start("act", 0);
        cluster.seed(List.of(crd(WORKFLOW, false), crd(PIPELINE_RUN, true),
                new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build()));
        cluster.seed(List.of(object("""
                apiVersion: argoproj.io/v1alpha1
                kind: Workflow
                metadata:
                  name: train-llama
                  namespace: ml
                  labels: {workflows.argoproj.io/phase: Running}
                spec:
                  entrypoint: main
                  arguments:
                    parameters: [{name: lr, value: "0.001"}]
                  templates: [{name: main, container: {image: trainer:1.4}}]
                status:
                  phase: Running
                  startedAt: "2026-03-02T10:00:00Z"
                  nodes:
                    train-llama-approve: {id: train-llama-approve, type: Suspend, phase: Running}
                """), object("""
                apiVersion: tekton.dev/v1
                kind: PipelineRun
                metadata:
                  name: build-and-train-r8x2k
                  namespace: ml
                spec:
                  pipelineRef: {name: build-and-train}
                status:
                  conditions:
                  - {type: Succeeded, status: Unknown, reason: Running}
                """), new ConfigMapBuilder().withNewMetadata().withName("serving").withNamespace("ml").endMetadata()
                .addToData("replicas", "2").build()));
        Path kubeconfig = Files.writeString(dir.resolve("k.yaml"), cluster.kubeconfigYaml());
        Kubeconfig k = new KubeconfigLoader(new ClientTuning(2_000, 10_000)).load(List.of(kubeconfig));
        service = new KubeClusterService(k.contexts(), Clock.systemUTC(), (kind, e) -> { });
        auditLog = dev.pilothouse.core.audit.AuditLog.open(dir.resolve("audit"));
        runner = new ActionRunner(service, ServiceCalls.none(), () -> readOnly, Clock.systemUTC())
                .auditedBy(ActionAudit.of(auditLog));
    }

    private dev.pilothouse.core.audit.AuditLog auditLog;

    /** The audit records written so far, as "action outcome: message | method path body". */
    private List<String> auditTrail() throws Exception {
        var report = dev.pilothouse.core.audit.AuditVerifier.verify(dir.resolve("audit"));
        assertThat(report.intact()).as(report.summary()).isTrue();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        dev.pilothouse.core.audit.AuditExport.copy(dir.resolve("audit"), java.time.LocalDate.EPOCH, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    @AfterEach
    void stop() throws Exception {
        auditLog.close();
        service.close();
        cluster.close();
    }

    private static ActionTarget target(GroupVersionKind gvk, String name) {
        return new ActionTarget("demo-act", gvk, "ml", name);
    }

    private ActionResult run(Action action, ActionTarget target) throws Exception {
        return runner.run(action, target, Map.of(), confirmer).get(20, TimeUnit.SECONDS);
    }

    private void assertRefused(Action action, ActionTarget target, String message) {
        assertThatThrownBy(() -> run(action, target))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(ActionRunner.unwrap(e))
                        .isInstanceOf(dev.pilothouse.sdk.action.ActionException.class)
                        .hasMessageContaining(message));
    }

    private GenericKubernetesResource read(GroupVersionKind gvk, String name) {
        return cluster.adminClient().genericKubernetesResources(context(gvk)).inNamespace("ml").withName(name).get();
    }

    @Test
    void terminateMergePatchesTheRunningWorkflowAndReportsTheNewResourceVersion() throws Exception {
        ActionResult result = run(patch(PatchType.MERGE, "{\"spec\":{\"shutdown\":\"Terminate\"}}"),
                target(WORKFLOW, "train-llama"));

        GenericKubernetesResource after = read(WORKFLOW, "train-llama");
        assertThat(spec(after)).containsEntry("shutdown", "Terminate").containsEntry("entrypoint", "main");
        assertThat(result.responses()).containsExactly("patched workflow/ml/train-llama (resourceVersion "
                + after.getMetadata().getResourceVersion() + ")");
        assertThat(confirmer.plans).hasSize(1);
        assertThat(auditTrail()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"context\":\"demo-act\"", "\"target\":{\"kind\":\"Workflow\",\"namespace\":\"ml\","
                        + "\"name\":\"train-llama\"}", "\"method\":\"PATCH\"",
                        "\"body\":\"{\\\"spec\\\":{\\\"shutdown\\\":\\\"Terminate\\\"}}\"",
                        "\"status\":\"succeeded\""));
    }

    @Test
    void cancelMergePatchesThePipelineRunSpecThroughItsStatusSubresourceCrd() throws Exception {
        run(patch(PatchType.MERGE, "{\"spec\":{\"status\":\"Cancelled\"}}"), target(PIPELINE_RUN, "build-and-train-r8x2k"));

        GenericKubernetesResource after = read(PIPELINE_RUN, "build-and-train-r8x2k");
        assertThat(spec(after)).containsEntry("status", "Cancelled");
        assertThat(after.getAdditionalProperties().get("status")).as("status is left to the controller")
                .isEqualTo(Map.of("conditions", List.of(Map.of("type", "Succeeded", "status", "Unknown",
                        "reason", "Running"))));
    }

    @Test
    void resubmitCreatesANewWorkflowWhoseNameTheServerGenerates() throws Exception {
        Action resubmit = new FixedAction("create", c -> List.of(new Mutation.Create(
                new ActionTarget(c.target().cluster(), WORKFLOW, "ml", ""), """
                {"apiVersion":"argoproj.io/v1alpha1","kind":"Workflow","metadata":{"generateName":"train-llama-",\
                "labels":{"workflows.argoproj.io/resubmitted-from-workflow":"train-llama"}},"spec":{"entrypoint":"main",\
                "templates":[{"name":"main","container":{"image":"trainer:1.4"}}]}}""")));

        ActionResult result = run(resubmit, target(WORKFLOW, "train-llama"));

        List<GenericKubernetesResource> created = cluster.adminClient().genericKubernetesResources(context(WORKFLOW))
                .inNamespace("ml").withLabel("workflows.argoproj.io/resubmitted-from-workflow", "train-llama").list()
                .getItems();
        assertThat(created).hasSize(1);
        String name = created.getFirst().getMetadata().getName();
        assertThat(name).startsWith("train-llama-").hasSize("train-llama-".length() + 5);
        assertThat(result.responses()).containsExactly("created workflow/ml/" + name + " (resourceVersion "
                + created.getFirst().getMetadata().getResourceVersion() + ")");
        assertThat(spec(read(WORKFLOW, "train-llama"))).as("the original is untouched").doesNotContainKey("shutdown");
    }

    @Test
    void aPatchPinnedToTheVersionItWasPlannedFromChangesAWorkflowsNodesWhichHaveNoStatusSubresource() throws Exception {
        Action approve = new FixedAction("patch", c -> List.of(new Mutation.Patch(c.target(), PatchType.MERGE,
                "{\"metadata\":{\"resourceVersion\":\"" + c.object().resourceVersion() + "\"},"
                        + "\"status\":{\"nodes\":{\"train-llama-approve\":{\"phase\":\"Succeeded\"}}}}", "")));

        run(approve, target(WORKFLOW, "train-llama"));

        Map<?, ?> status = (Map<?, ?>) read(WORKFLOW, "train-llama").getAdditionalProperties().get("status");
        assertThat(status.get("phase")).isEqualTo("Running");
        assertThat(status.get("nodes")).isEqualTo(Map.of("train-llama-approve", Map.of("id", "train-llama-approve",
                "type", "Suspend", "phase", "Succeeded")));
    }

    @Test
    void jsonAndStrategicPatchesAndSubresourcePatchesAreSentWithTheirContentTypes() throws Exception {
        run(patch(PatchType.JSON, "[{\"op\":\"add\",\"path\":\"/spec/suspend\",\"value\":true}]"),
                target(WORKFLOW, "train-llama"));
        assertThat(spec(read(WORKFLOW, "train-llama"))).containsEntry("suspend", true);

        run(patch(PatchType.STRATEGIC_MERGE, "{\"data\":{\"replicas\":\"3\"}}"), target(CONFIG_MAP, "serving"));
        assertThat(cluster.adminClient().configMaps().inNamespace("ml").withName("serving").get().getData())
                .containsEntry("replicas", "3");

        Action statusPatch = new FixedAction("patch", c -> List.of(new Mutation.Patch(c.target(), PatchType.MERGE,
                "{\"status\":{\"startTime\":\"2026-03-02T08:00:01Z\"}}", "status")));
        run(statusPatch, target(PIPELINE_RUN, "build-and-train-r8x2k"));
        assertThat(read(PIPELINE_RUN, "build-and-train-r8x2k").getAdditionalProperties().get("status")).asString()
                .contains("startTime=2026-03-02T08:00:01Z");
    }

    @Test
    void aDeniedPermissionRefusesBeforePlanningWithTheReviewsReason() throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                rules:
                  - verbs: [get, list, watch]
                    allow: true
                  - verbs: [patch]
                    resources: [pipelineruns]
                    allow: true
                """);
        cluster.setAccessPolicy(AccessPolicy.fromYaml(policy));

        assertRefused(patch(PatchType.MERGE, "{\"spec\":{\"shutdown\":\"Terminate\"}}"), target(WORKFLOW, "train-llama"),
                "You may not patch workflows.argoproj.io in namespace ml (denied: no rule in policy.yaml matches): "
                        + "Test patch on workflow/ml/train-llama was not run.");
        assertThat(confirmer.plans).as("nothing was planned or shown").isEmpty();
        assertThat(spec(read(WORKFLOW, "train-llama"))).doesNotContainKey("shutdown");

        run(patch(PatchType.MERGE, "{\"spec\":{\"status\":\"Cancelled\"}}"), target(PIPELINE_RUN, "build-and-train-r8x2k"));
        assertThat(spec(read(PIPELINE_RUN, "build-and-train-r8x2k"))).as("what the policy allows still runs")
                .containsEntry("status", "Cancelled");
    }

    @Test
    void readOnlyModeRefusesFirstAndSendsNothing() throws Exception {
        readOnly = true;
        cluster.setAccessPolicy((user, verb, group, resource, sub, ns, name) -> {
            throw new AssertionError("read-only mode asked the cluster: " + verb + " " + resource);
        });

        assertRefused(patch(PatchType.MERGE, "{\"spec\":{\"shutdown\":\"Terminate\"}}"), target(WORKFLOW, "train-llama"),
                "Read-only mode is on: Test patch on workflow/ml/train-llama was not run.");
        assertThat(confirmer.plans).isEmpty();
        assertThat(auditTrail()).as("the refusal is recorded, with no request").singleElement()
                .satisfies(line -> assertThat(line).contains("\"status\":\"refused\"", "\"requests\":[]"));
    }

    @Test
    void anActionIsRefusedWhenTheAuditLogCannotRecordIt() {
        runner.auditedBy(ActionAudit.failed("the audit log at /x is in use by another Pilothouse"));
        assertRefused(patch(PatchType.MERGE, "{\"spec\":{\"shutdown\":\"Terminate\"}}"), target(WORKFLOW, "train-llama"),
                "Actions are off: the audit log cannot record them (the audit log at /x is in use by another "
                        + "Pilothouse). Test patch on workflow/ml/train-llama was not run.");
        assertThat(confirmer.plans).isEmpty();
    }

    @Test
    void theServersRefusalNamesTheObjectAndSaysWhatWasAlreadyDone() {
        Action twoPatches = new FixedAction("patch", c -> List.of(
                new Mutation.Patch(c.target(), PatchType.MERGE, "{\"spec\":{\"suspend\":true}}", ""),
                new Mutation.Patch(new ActionTarget("demo-act", WORKFLOW, "ml", "ghost"), PatchType.MERGE,
                        "{\"spec\":{\"suspend\":true}}", "")));
        assertRefused(twoPatches, target(WORKFLOW, "train-llama"), "HTTP 404: workflows.argoproj.io \"ghost\" not found");
        assertRefused(twoPatches, target(WORKFLOW, "train-llama"), "(already done before the failure: patched "
                + "workflow/ml/train-llama");

        String stale = "{\"metadata\":{\"resourceVersion\":\"1\"},\"spec\":{\"suspend\":null}}";
        assertRefused(patch(PatchType.MERGE, stale), target(WORKFLOW, "train-llama"),
                "HTTP 409: Operation cannot be fulfilled on workflows.argoproj.io \"train-llama\"");
        assertThat(spec(read(WORKFLOW, "train-llama"))).as("a conflict changes nothing").containsEntry("suspend", true);

        assertRefused(patch(PatchType.STRATEGIC_MERGE, "{\"spec\":{\"suspend\":false}}"), target(WORKFLOW, "train-llama"),
                "HTTP 415");
        assertRefused(patch(PatchType.JSON, "[{\"op\":\"test\",\"path\":\"/spec/entrypoint\",\"value\":\"other\"}]"),
                target(WORKFLOW, "train-llama"), "HTTP 422: the server rejected our request");
        assertThat(service.clusters().getFirst().status().state()).as("a refusal is not a connection problem")
                .isEqualTo(dev.pilothouse.sdk.cluster.ConnectionState.LIVE);
    }

    @Test
    void aMissingObjectIsReportedBeforeAnythingIsPlanned() {
        assertRefused(patch(PatchType.MERGE, "{}"), target(WORKFLOW, "ghost"), "Could not read workflow/ml/ghost");
        assertThat(confirmer.plans).isEmpty();
    }

    @Test
    void deletionAndCancelledConfirmationsChangeNothing() {
        Action delete = new FixedAction("delete", c -> List.of(new Mutation.Delete(c.target())));
        assertRefused(delete, target(WORKFLOW, "train-llama"), "Deleting objects (workflow/ml/train-llama) is not enabled");
        assertThat(confirmer.plans).as("refused before the confirmation").isEmpty();

        confirmer.answer = false;
        assertRefused(patch(PatchType.MERGE, "{\"spec\":{\"shutdown\":\"Stop\"}}"), target(WORKFLOW, "train-llama"),
                "Cancelled: Test patch workflow/ml/train-llama");
        assertThat(read(WORKFLOW, "train-llama")).isNotNull();
        assertThat(spec(read(WORKFLOW, "train-llama"))).doesNotContainKey("shutdown");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static ResourceDefinitionContext context(GroupVersionKind gvk) {
        return new ResourceDefinitionContext.Builder().withGroup(gvk.group()).withVersion(gvk.version())
                .withKind(gvk.kind()).withPlural(gvk.plural()).withNamespaced(true).build();
    }

    private static HasMetadata object(String yaml) {
        return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    }

    /** A CRD as the projects publish it, trimmed to what the server needs. Argo's Workflow has no status subresource. */
    private static CustomResourceDefinition crd(GroupVersionKind gvk, boolean statusSubresource) {
        var version = new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder()
                .withName(gvk.version()).withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema();
        if (statusSubresource) {
            version.withNewSubresources().withNewStatus().endStatus().endSubresources();
        }
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(gvk.qualifiedPlural()).endMetadata()
                .withNewSpec().withGroup(gvk.group()).withScope("Namespaced")
                .withNewNames().withKind(gvk.kind()).withPlural(gvk.plural())
                .withSingular(gvk.kind().toLowerCase(java.util.Locale.ROOT)).endNames()
                .withVersions(version.build())
                .endSpec().build();
    }
}
