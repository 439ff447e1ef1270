package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.Failures;
import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.sdk.cluster.ClusterException;
import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.HealthBadge;
import dev.pilothouse.sdk.ui.kit.StatePane;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One agent or tool server: its facts (kind, where, endpoint, transport, which authentication), readiness
 * conditions, tools, who uses it or what it uses, and the pods it runs as with their restarts. It is read again
 * every few seconds while open, because "is it still crash-looping?" is the question somebody opening it has.
 */
public final class AgentPage extends VBox {

    static final Duration REFRESH = Duration.seconds(5);

    private final Located<AgentRow> located;
    private final ToolServerKind kind;
    private final Supplier<AgentIndex> index;
    private final AgentPageLoader loader;
    private final HealthBadge badge = new HealthBadge();
    private final Label message = new Label();
    private final Label stale = new Label();
    private boolean disposed;
    /** Whether a read succeeded: later failures keep its content under a banner. */
    private boolean shownOnce;
    private final GridPane facts = new GridPane();
    private final StatePane state;
    private final TableSection<ConditionLine> conditions = new TableSection<>("agent-conditions", "Readiness",
            ConditionLine.columns());
    private final TableSection<ToolLine> tools = new TableSection<>("agent-tools", "Tools", ToolLine.columns());
    private final TableSection<ToolUse> uses;
    private final TableSection<ToolUse> usedBy;
    private final TableSection<PodLine> pods = new TableSection<>("agent-pods", "Workload", PodLine.columns());
    private final Timeline timer = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
    private boolean loading;

    /**
     * @param index the list's current rows, for the readiness of the servers and agents at the other end
     * @param back  returns to the list
     */
    public AgentPage(ViewContext context, Located<AgentRow> located, Supplier<AgentIndex> index, Runnable back) {
        this.located = located;
        this.kind = AgentIndex.kindOf(located).orElseThrow(() -> new IllegalArgumentException(
                "not an agent or MCP server: " + located.kind().gvk()));
        this.index = index;
        this.loader = new AgentPageLoader(context.clusters(), located.cluster(), kind, located.namespace(),
                located.name());
        uses = new TableSection<>("agent-uses", "Tool servers it uses", ToolUse.columns("Server"));
        usedBy = new TableSection<>("agent-used-by", kind == ToolServerKind.AGENT ? "Used as a tool by" : "Used by",
                ToolUse.columns("User"));
        setId("agent-page");
        setSpacing(8);
        setPadding(new Insets(16));
        setFocusTraversable(true);

        Button backButton = new Button("← Agents");
        backButton.setId("agent-back");
        backButton.setTooltip(new Tooltip("Back to the list (Esc)"));
        backButton.setOnAction(e -> back.run());
        Label title = new Label(located.name());
        title.setId("agent-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setMinWidth(Region.USE_PREF_SIZE);
        badge.setId("agent-health");
        badge.setHealth(located.health());
        HBox header = new HBox(12, backButton, title, badge);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Styles.VIEW_HEADER);

        message.setId("agent-message");
        message.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.DANGER));
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        showMessage(located.health());

        facts.setId("agent-facts");
        facts.setHgap(16);
        facts.setVgap(4);
        showFacts(null);

        VBox body = new VBox(18, facts, conditions);
        if (kind == ToolServerKind.AGENT) {
            body.getChildren().addAll(uses, usedBy);
        } else {
            body.getChildren().addAll(tools, usedBy);
        }
        body.getChildren().add(pods);
        body.setPadding(new Insets(4, 12, 12, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        state = new StatePane(scroll);
        state.showLoading("Reading " + located.name() + " from " + located.cluster() + "…");
        VBox.setVgrow(state, Priority.ALWAYS);
        stale.setId("agent-stale");
        stale.getStyleClass().addAll(Styles.BANNER, Styles.tone(CellTone.WARNING));
        stale.setWrapText(true);
        stale.setMaxWidth(Double.MAX_VALUE);
        stale.setMinHeight(Region.USE_PREF_SIZE);
        stale.setVisible(false);
        stale.setManaged(false);
        getChildren().addAll(header, stale, message, state);
        getProperties().put("dispose", (Runnable) this::dispose);

        timer.setCycleCount(Animation.INDEFINITE);
        refresh();
    }

    private void refresh() {
        // Closed, or hidden behind another view: no reads (the timer's next tick after coming back reads again).
        if (disposed || loading || getScene() == null && shownOnce) {
            return;
        }
        loading = true;
        boolean readAgents = index.get().rows().stream().anyMatch(r -> r.cluster().equals(located.cluster())
                && AgentIndex.kindOf(r).filter(k -> k == ToolServerKind.AGENT).isPresent());
        loader.load(readAgents).whenComplete((snapshot, error) -> Platform.runLater(() -> {
            loading = false;
            if (disposed) {
                return;
            }
            if (error != null && shownOnce && !gone(error)) {
                // A flaky connection: keep what was read, say since when, and keep trying.
                stale.setText("Could not read " + located.name() + " at " + java.time.LocalTime.now().withNano(0)
                        + ": " + Failures.message(error) + ". Showing it as last read; retrying.");
                stale.setVisible(true);
                stale.setManaged(true);
                return;
            }
            if (error != null) {
                timer.stop();
                String what = kind.label() + " " + located.namespace() + "/" + located.name();
                state.showError(gone(error) ? what + " no longer exists" : "Could not read " + what + " from "
                        + located.cluster(), Failures.message(error), this::retry);
                return;
            }
            stale.setVisible(false);
            stale.setManaged(false);
            shownOnce = true;
            show(snapshot);
            if (timer.getStatus() != Animation.Status.RUNNING) {
                timer.play();
            }
        }));
    }

    private void retry() {
        state.showLoading("Reading " + located.name() + " from " + located.cluster() + "…");
        refresh();
    }

    private static boolean gone(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && !(t instanceof ClusterException)) {
            t = t.getCause();
        }
        return t instanceof ClusterException c && c.httpStatus() == 404;
    }

    private void show(AgentPageLoader.Snapshot s) {
        KubeObject object = s.object();
        AgentRow row = located.kind().project(object);
        Health health = located.kind().health(row);
        badge.setHealth(health);
        showMessage(health);
        showFacts(object);
        showReadiness(object);
        AgentIndex rows = index.get();
        List<ToolUse> users = s.agentsError().isEmpty()
                ? ToolUses.usersOf(rows, located, s.agents()) : List.of();
        if (kind == ToolServerKind.AGENT) {
            List<ToolUse> used = ToolUses.of(rows, located.cluster(), object);
            uses.setCaption(brokenReferences(used));
            uses.show(used, "It uses no tools",
                    "Its spec.declarative.tools is empty: it answers from its model alone.");
        } else {
            showTools(object, s.agents());
        }
        showUsers(users, s.agentsError());
        showWorkload(s);
        if (!state.isShowingContent()) {
            state.showContent();
        }
    }

    /** Conditions; ToolHive leads with a phase and message, so those come first. */
    private void showReadiness(KubeObject object) {
        boolean toolHive = kind == ToolServerKind.TOOLHIVE_MCP_SERVER;
        String phase = object.string("status", "phase");
        String said = object.string("status", "message");
        conditions.setCaption(toolHive ? "Phase " + (phase.isEmpty() ? "not reported" : phase)
                + (said.isEmpty() ? "" : ": " + said) : "");
        conditions.show(ConditionLine.of(object), "No conditions reported", toolHive
                ? "The ToolHive operator reports its phase (above) and wrote no conditions."
                : "The controller has not written a status for it yet.");
    }

    /** The references kagent cannot follow, one sentence each, so they are read without scrolling the table. */
    private static String brokenReferences(List<ToolUse> uses) {
        List<String> lines = new ArrayList<>();
        for (ToolUse use : uses) {
            if (use.state().equals("missing")) {
                lines.add(use.kind() + " " + use.other() + " does not exist.");
            }
            if (!use.problem().isEmpty()) {
                lines.add(use.other() + ": " + use.problem());
            }
        }
        return String.join("\n", lines);
    }

    private void showMessage(Health health) {
        boolean show = health.state().unhealthy() && !health.message().isBlank();
        message.setText(health.message());
        message.setVisible(show);
        message.setManaged(show);
    }

    private void showFacts(KubeObject object) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", object == null ? kind.label() : kind.gvk().kind() + " (" + object.apiVersion() + ")");
        values.put("where", located.cluster() + " / " + located.namespace());
        values.put("endpoint", endpoint(object));
        values.put("transport", object == null ? located.row().transport() : transport(object));
        values.put("auth", object == null ? "…" : auth(object));
        facts.getChildren().clear();
        int r = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            Label key = new Label(label(e.getKey()));
            key.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(e.getValue());
            value.setId("agent-fact-" + e.getKey());
            value.setWrapText(true);
            facts.addRow(r++, key, value);
        }
    }

    private static String label(String key) {
        return switch (key) {
            case "kind" -> "Kind";
            case "where" -> "Cluster / namespace";
            case "endpoint" -> "Endpoint";
            case "transport" -> "Transport";
            case "auth" -> "Authentication";
            default -> key;
        };
    }

    private String endpoint(KubeObject object) {
        if (kind == ToolServerKind.AGENT) {
            // kagent serves every declarative agent over A2A from its controller, not from the agent's own address.
            return "A2A through the kagent controller: /api/a2a/" + located.namespace() + "/" + located.name();
        }
        String endpoint = object == null ? located.row().endpoint() : located.kind().project(object).endpoint();
        if (!endpoint.isEmpty()) {
            return endpoint;
        }
        return kind == ToolServerKind.TOOLHIVE_MCP_SERVER ? "not reported yet (status.url is empty)" : "not known";
    }

    private String transport(KubeObject object) {
        String transport = located.kind().project(object).transport();
        if (kind == ToolServerKind.TOOLHIVE_MCP_SERVER && "stdio".equals(transport)) {
            String proxy = object.string("spec", "proxyMode");
            return "stdio, served by the ToolHive proxy" + (proxy.isEmpty() ? "" : " as " + proxy);
        }
        return transport.isEmpty() ? "not set" : transport;
    }

    private String auth(KubeObject object) {
        List<String> auth = AuthSummary.of(kind, object);
        return auth.isEmpty() ? AuthSummary.none(kind) : "configured: " + String.join("; ", auth);
    }

    private void showTools(KubeObject object, List<KubeObject> agents) {
        switch (kind) {
            case REMOTE_MCP_SERVER -> {
                tools.setCaption("Discovered by kagent when it connected (status.discoveredTools).");
                List<ToolLine> discovered = object.objects("status", "discoveredTools").stream()
                        .map(t -> new ToolLine(t.string("name"), t.string("description"))).toList();
                tools.show(discovered, "No tools discovered", "kagent lists a RemoteMCPServer's tools once it has"
                        + " connected to it; until then agents cannot use it. " + readiness(object));
            }
            case TOOLHIVE_MCP_SERVER -> toolHiveTools(object);
            default -> {
                tools.setCaption("kagent's MCPServer reports no tools in its status: these are the tools its agents"
                        + " name.");
                List<ToolLine> named = ToolUses.namedTools(located, agents);
                tools.show(named, "No tools named", "No agent names a tool of this server.");
            }
        }
    }

    /** ToolHive does not report the tools a server offers; it reports which it lets through. */
    private void toolHiveTools(KubeObject object) {
        String toolConfig = object.string("spec", "toolConfigRef", "name");
        List<ToolLine> allowed = object.get("spec", "toolsFilter").filter(List.class::isInstance)
                .map(l -> ((List<?>) l).stream().map(String::valueOf)
                        .map(n -> new ToolLine(n, "allowed by spec.toolsFilter")).toList())
                .orElse(List.of());
        tools.setCaption("ToolHive does not report the tools a server offers, only the filter it applies."
                + (toolConfig.isEmpty() ? "" : " Tools are also filtered and renamed by MCPToolConfig " + toolConfig
                + "."));
        tools.show(allowed, "No tool filter", "spec.toolsFilter is not set, so every tool the server offers is"
                + " exposed.");
    }

    private static String readiness(KubeObject object) {
        return object.condition("Ready").map(c -> "Ready: " + c.string("status") + " " + c.string("reason")
                + (c.string("message").isEmpty() ? "" : " (" + c.string("message") + ")")).orElse("");
    }

    private void showUsers(List<ToolUse> users, String error) {
        if (!error.isEmpty()) {
            usedBy.showError("Could not read the agents of " + located.cluster(), error, this::refresh);
            return;
        }
        usedBy.show(users, kind == ToolServerKind.AGENT ? "No agent uses it as a tool" : "Nothing uses it",
                "No kagent Agent in " + located.cluster() + " refers to it"
                        + (kind == ToolServerKind.TOOLHIVE_MCP_SERVER ? ", and no RemoteMCPServer points at its URL."
                        : "."));
    }

    private void showWorkload(AgentPageLoader.Snapshot s) {
        if (kind == ToolServerKind.REMOTE_MCP_SERVER) {
            pods.setCaption("");
            String url = located.kind().project(s.object()).endpoint();
            String behind = index.get().serverAt(located.cluster(), Endpoints.key(url, located.namespace()))
                    .map(r -> " Its URL reaches " + r.row().kind() + " " + r.namespace() + "/" + r.name()
                            + ": open that one for its pods.").orElse("");
            pods.showEmpty("No workload", "A RemoteMCPServer runs nothing in the cluster: kagent connects to its URL."
                    + behind);
            return;
        }
        if (!s.workloadError().isEmpty()) {
            pods.setCaption("");
            pods.showError("Could not read its workload", s.workloadError(), this::refresh);
            return;
        }
        if (s.workloads().isEmpty()) {
            pods.setCaption("");
            pods.showEmpty("No Deployment or StatefulSet owned by it",
                    "None in " + located.namespace() + " names it as owner: the controller has not created one"
                            + " yet, or it runs elsewhere.");
            return;
        }
        pods.setCaption(String.join("\n", s.workloads().stream().map(Workload::summary).toList()));
        List<PodLine> all = s.workloads().stream().flatMap(w -> w.pods().stream()).toList();
        pods.show(all, "No pods", "Its workload has no pods: scaled to zero, or they have not been created yet.");
    }

    private void dispose() {
        disposed = true;
        timer.stop();
    }
}
