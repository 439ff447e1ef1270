package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.sdk.cluster.ClusterException;
import dev.pilothouse.sdk.cluster.ClusterInfo;
import dev.pilothouse.sdk.cluster.ClusterService;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.LiveRows;
import dev.pilothouse.sdk.ui.UiServices;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.graph.DagView;
import dev.pilothouse.sdk.ui.kit.graph.GraphEdge;
import dev.pilothouse.sdk.ui.kit.graph.GraphNode;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents view against two fake clusters: c1 runs kagent and ToolHive (the objects of {@link TestObjects}, and
 * ops-agent's crash-looping pod), c2 runs kagent only.
 */
@ExtendWith(ApplicationExtension.class)
class AgentsViewTest {

    private static final String OPS_AGENT = "c1/ops/Agent.kagent.dev/ops-agent";
    private static final String GONE = "c1/ops/RemoteMCPServer.kagent.dev/gone-server";

    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final List<String> notified = new CopyOnWriteArrayList<>();
    private final Map<String, List<KubeObject>> objects = Map.of(
            "c1", List.of(TestObjects.k8sAgent(), TestObjects.promqlAgent(), TestObjects.opsAgent(),
                    TestObjects.toolServer(), TestObjects.githubMcp(), TestObjects.fetch(), TestObjects.fetchRemote(),
                    opsDeployment(), opsPod()),
            "c2", List.of(TestObjects.yaml("""
                    apiVersion: kagent.dev/v1alpha2
                    kind: Agent
                    metadata: {name: helper, namespace: ml, uid: c2-helper, generation: 1}
                    spec: {type: Declarative, declarative: {modelConfig: m}}
                    status:
                      observedGeneration: 1
                      conditions: [{type: Ready, status: "True", reason: DeploymentReady}]
                    """)));
    private AgentsView view;

    @Start
    void start(Stage stage) {
        view = new AgentsView(context());
        stage.setScene(new Scene((Parent) view.node(), 1200, 700));
        stage.show();
        view.activate();
    }

    @AfterEach
    void dispose() {
        fx(() -> {
            view.dispose();
            return null;
        });
    }

    @Test
    void listsAgentsAndServersOfBothClustersAndSaysWhereToolHiveIsMissing(FxRobot robot) {
        List<String> rows = fx(() -> view.list().allRows().stream().map(l -> l.cluster() + " " + l.name()).toList());

        assertThat(rows).containsExactlyInAnyOrder("c1 k8s-agent", "c1 promql-agent", "c1 ops-agent",
                "c1 kagent-tool-server", "c1 github-mcp", "c1 fetch", "c1 fetch-remote", "c2 helper");
        assertThat(robot.lookup("#agents-missing").queryAs(Label.class).getText())
                .isEqualTo("ToolHive is not installed in c2.");
        assertThat(robot.lookup("#agents-table").queryAs(TableView.class).isVisible()).isTrue();
        assertThat(robot.lookup("#agents-graph").tryQuery()).as("a table until asked").isEmpty();
    }

    @Test
    void altGShowsWhichAgentsUseWhichServersAndEnterOpensTheAgentsPage(FxRobot robot) {
        robot.clickOn("#agents-table");
        robot.press(KeyCode.ALT, KeyCode.G).release(KeyCode.G, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        DagView dag = robot.lookup("#agents-graph").queryAs(DagView.class);
        assertThat(settings).containsEntry(AgentsView.GRAPH_SETTING, "true");
        assertThat(fx(() -> dag.getModel().nodes().stream().map(GraphNode::label).toList())).containsExactly(
                "k8s-agent", "promql-agent", "ops-agent", "github-mcp", "kagent-tool-server", "fetch-remote", "fetch",
                "helper", "missing: gone-server", "plain-mcp");
        assertThat(fx(() -> dag.getModel().edges())).contains(
                new GraphEdge("c1/kagent/Agent.kagent.dev/k8s-agent",
                        "c1/kagent/RemoteMCPServer.kagent.dev/kagent-tool-server"),
                new GraphEdge(OPS_AGENT, "c1/toolhive-system/MCPServer.toolhive.stacklok.dev/fetch"),
                new GraphEdge(OPS_AGENT, GONE),
                new GraphEdge("c1/ops/RemoteMCPServer.kagent.dev/fetch-remote",
                        "c1/toolhive-system/MCPServer.toolhive.stacklok.dev/fetch"));

        fx(() -> {
            dag.setSelectedNode(OPS_AGENT);
            dag.requestFocus();
            return null;
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#agent-page").tryQuery()).isPresent();
        assertThat(text(robot, "#agent-title")).isEqualTo("ops-agent");
        assertThat(text(robot, "#agent-fact-where")).isEqualTo("c1 / ops");
        assertThat(text(robot, "#agent-fact-auth"))
                .isEqualTo("configured: header Authorization to gone-server (from Secret gone-token)");
        assertThat(fx(() -> cells(robot, "#agent-uses-table", "other", "state"))).containsExactly(
                "kagent/github-mcp PodsNotReady", "toolhive-system/fetch Running", "ops/gone-server missing",
                "kagent/k8s-agent DeploymentReady", "ops/plain-mcp not checked");
        assertThat(fx(() -> cells(robot, "#agent-pods-table", "pod", "status", "restarts", "node")))
                .containsExactly("ops-agent-6f7c9-x2k4q CrashLoopBackOff 7 gpu-1");
        assertThat(fx(() -> cells(robot, "#agent-conditions-table", "type", "status", "reason")))
                .containsExactly("Accepted False ReconcileFailed", "Ready False ReconcileFailed");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#agent-page").tryQuery()).isEmpty();
        assertThat(robot.lookup("#agents-graph").queryAs(DagView.class).isVisible()).isTrue();
    }

    @Test
    void aMissingServerExplainsItselfAndAServersPageSaysWhoUsesIt(FxRobot robot) {
        robot.clickOn("#agents-graph-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        DagView dag = robot.lookup("#agents-graph").queryAs(DagView.class);

        fx(() -> {
            dag.setSelectedNode(GONE);
            dag.requestFocus();
            return null;
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notified).containsExactly(
                "RemoteMCPServer ops/gone-server does not exist in c1, but agent ops/ops-agent uses it.");
        assertThat(robot.lookup("#agent-page").tryQuery()).isEmpty();

        fx(() -> {
            dag.setSelectedNode("c1/toolhive-system/MCPServer.toolhive.stacklok.dev/fetch");
            return null;
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#agent-fact-auth"))
                .isEqualTo("configured: OIDC (kubernetes); authorisation policy (ConfigMap fetch-authz)");
        assertThat(fx(() -> cells(robot, "#agent-used-by-table", "kind", "other", "problem")))
                .containsExactly("Agent ops/ops-agent kagent does not resolve ToolHive MCPServers, so it refuses"
                                + " this agent. Point a RemoteMCPServer at the ToolHive proxy's URL (the MCPServer's"
                                + " status.url) and use that instead.",
                        "RemoteMCPServer ops/fetch-remote ");
        assertThat(robot.lookup("#agent-pods").lookup(".ph-state-empty").tryQuery()).as("no owned workload, said so")
                .isPresent();
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** The text of some columns of each row of a table, joined by spaces. */
    @SuppressWarnings("unchecked")
    private static List<String> cells(FxRobot robot, String table, String... columns) {
        TableView<Object> t = robot.lookup(table).queryAs(TableView.class);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < t.getItems().size(); i++) {
            List<String> parts = new ArrayList<>();
            for (String id : columns) {
                var column = t.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
                Object row = column.getCellData(i);
                parts.add(cellText(id, row));
            }
            lines.add(String.join(" ", parts));
        }
        return lines;
    }

    private static String cellText(String column, Object row) {
        return switch (row) {
            case ToolUse u -> switch (column) {
                case "kind" -> u.kind();
                case "other" -> u.other();
                case "state" -> u.state();
                case "problem" -> u.problem();
                default -> u.tools();
            };
            case PodLine p -> switch (column) {
                case "pod" -> p.name();
                case "status" -> p.status();
                case "restarts" -> String.valueOf(p.restarts());
                default -> p.node();
            };
            case ConditionLine c -> switch (column) {
                case "type" -> c.type();
                case "status" -> c.status();
                default -> c.reason();
            };
            default -> String.valueOf(row);
        };
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KubeObject opsDeployment() {
        return TestObjects.yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: ops-agent
                  namespace: ops
                  uid: d-ops
                  ownerReferences:
                  - {apiVersion: kagent.dev/v1alpha2, kind: Agent, name: ops-agent, uid: a-ops, controller: true}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: ops-agent}}
                  template:
                    metadata: {labels: {app: ops-agent}}
                    spec: {containers: [{name: agent, image: kagent/app}]}
                status: {replicas: 1, readyReplicas: 0}
                """);
    }

    private static KubeObject opsPod() {
        return TestObjects.yaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ops-agent-6f7c9-x2k4q
                  namespace: ops
                  uid: p-ops
                  labels: {app: ops-agent}
                  creationTimestamp: "2026-03-01T10:00:00Z"
                spec:
                  nodeName: gpu-1
                  containers: [{name: agent, image: kagent/app}]
                status:
                  phase: Running
                  containerStatuses:
                  - name: agent
                    ready: false
                    restartCount: 7
                    state: {waiting: {reason: CrashLoopBackOff, message: back-off 5m0s restarting failed container}}
                """);
    }

    /** The objects of a cluster of one kind, matching the scope (namespace and a simple a=b selector). */
    private List<KubeObject> matching(String cluster, GroupVersionKind gvk, WatchScope scope) {
        return objects.getOrDefault(cluster, List.of()).stream()
                .filter(o -> o.apiVersion().equals(gvk.apiVersion()) && o.kind().equals(gvk.kind()))
                .filter(o -> scope.allNamespaces() || o.namespace().equals(scope.namespace()))
                .filter(o -> scope.labelSelector().isEmpty() || List.of(scope.labelSelector().split(",")).stream()
                        .allMatch(term -> term.split("=")[1].equals(o.labels().get(term.split("=")[0]))))
                .toList();
    }

    private ViewContext context() {
        Settings store = (Settings) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Settings.class},
                (p, m, a) -> switch (m.getName()) {
                    case "get" -> a.length == 1 ? Optional.ofNullable(settings.get((String) a[0]))
                            : settings.getOrDefault((String) a[0], (String) a[1]);
                    case "getBoolean" -> Boolean.parseBoolean(settings.getOrDefault((String) a[0], String.valueOf(a[1])));
                    case "put" -> {
                        settings.put((String) a[0], (String) a[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ClusterService clusters = (ClusterService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ClusterService.class}, (p, m, a) -> switch (m.getName()) {
                    case "clusters" -> List.of(new ClusterInfo("c1", "https://c1", "", null),
                            new ClusterInfo("c2", "https://c2", "", null));
                    case "list" -> CompletableFuture.completedFuture(
                            matching((String) a[0], (GroupVersionKind) a[1], (WatchScope) a[2]));
                    case "get" -> matching((String) a[0], (GroupVersionKind) a[1], WatchScope.namespace((String) a[2]))
                            .stream().filter(o -> o.name().equals(a[3])).findFirst()
                            .map(CompletableFuture::completedFuture)
                            .orElse(CompletableFuture.failedFuture(new ClusterException(a[3] + " not found", 404, null)));
                    case "reconnect" -> null;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        UiServices ui = (UiServices) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UiServices.class},
                (p, m, a) -> switch (m.getName()) {
                    case "notify" -> {
                        notified.add((String) a[0]);
                        yield null;
                    }
                    case "showDetail", "navigate" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ReadOnlyStringWrapper cluster = new ReadOnlyStringWrapper("c1");
        ReadOnlyStringWrapper namespace = new ReadOnlyStringWrapper("");
        ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(true);
        return (ViewContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ViewContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "clusters" -> clusters;
                    case "ui" -> ui;
                    case "activeCluster" -> cluster.getReadOnlyProperty();
                    case "namespace" -> namespace.getReadOnlyProperty();
                    case "readOnly" -> readOnly.getReadOnlyProperty();
                    case "settings" -> store;
                    case "liveRows" -> live((String) a[0], (ResourceKind<?>) a[1]);
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> "test context";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** The rows of one kind in one cluster; ToolHive's kind does not exist in c2. */
    @SuppressWarnings("unchecked")
    private LiveRows<AgentRow> live(String cluster, ResourceKind<?> kind) {
        ResourceKind<AgentRow> agents = (ResourceKind<AgentRow>) kind;
        boolean missing = cluster.equals("c2") && kind.gvk().group().equals("toolhive.stacklok.dev");
        ObservableList<AgentRow> rows = FXCollections.observableArrayList(
                matching(cluster, kind.gvk(), WatchScope.ALL).stream().map(agents::project).toList());
        WatchStatus status = missing ? new WatchStatus(WatchState.NOT_INSTALLED, null, "")
                : new WatchStatus(WatchState.SYNCED, Instant.now(), "");
        return new LiveRows<>() {
            @Override
            public ObservableList<AgentRow> rows() {
                return rows;
            }

            @Override
            public ReadOnlyObjectProperty<WatchStatus> status() {
                return new ReadOnlyObjectWrapper<>(status).getReadOnlyProperty();
            }

            @Override
            public void close() {
            }
        };
    }
}
