package dev.pilothouse.plugins.monitoring.alerts;

import dev.pilothouse.plugins.monitoring.Errors;
import dev.pilothouse.plugins.monitoring.silences.SilenceForm;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.alerts.Alert;
import dev.pilothouse.sdk.alerts.Rule;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.ui.Styles;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The right-hand side of the alerts view: the selected group's instances and, for the selected instance, its
 * summary, labels, annotations, rule expression, the Kubernetes objects it concerns, its runbook and a silence form.
 */
final class AlertDetail {

    private static final GroupVersionKind POD = GroupVersionKind.core("v1", "Pod", "pods");
    private static final GroupVersionKind NODE = GroupVersionKind.core("v1", "Node", "nodes");
    private static final GroupVersionKind NAMESPACE = GroupVersionKind.core("v1", "Namespace", "namespaces");
    private static final GroupVersionKind DEPLOYMENT = new GroupVersionKind("apps", "v1", "Deployment", "deployments");

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ViewContext context;
    private final ListView<Alert> instances = new ListView<>();
    private final VBox body = new VBox(10);
    private final VBox root;
    private Alert shown;
    private Label stateLine = new Label();

    AlertDetail(ViewContext context) {
        this.context = context;
        instances.setId("alert-instances");
        instances.setPrefHeight(130);
        instances.setMinHeight(64); // two rows at least, however long the detail below grows
        instances.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Alert a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : (a.suppressed() ? "🔇 " : "") + a.state().name().toLowerCase()
                        + "  " + identifying(a));
            }
        });
        instances.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showAlert(b));
        body.setPadding(new Insets(8, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        Label title = new Label("Instances");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        root = new VBox(6, title, instances, scroll);
        root.setPadding(new Insets(8));
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        show(null);
    }

    Node node() {
        return root;
    }

    void show(AlertGroup group) {
        if (group == null) {
            shown = null;
            instances.getItems().clear();
            body.getChildren().setAll(muted("Select an alert to see its labels, rule, objects and runbook."));
            return;
        }
        Alert previous = instances.getSelectionModel().getSelectedItem();
        instances.getItems().setAll(group.alerts());
        instances.setPrefHeight(Math.min(130, 8 + 26 * Math.max(2, group.alerts().size())));
        int keep = previous == null ? 0 : Math.max(0, group.alerts().stream().map(Alert::fingerprint).toList()
                .indexOf(previous.fingerprint()));
        instances.getSelectionModel().select(keep);
    }

    private void showAlert(Alert alert) {
        if (alert == null) {
            return;
        }
        if (shown != null && shown.cluster().equals(alert.cluster())
                && shown.fingerprint().equals(alert.fingerprint())) {
            // The same alert, refreshed: update what changes, and keep the rest (a half-typed silence comment,
            // the chart's range) as the user left it.
            stateLine.setText(stateText(alert));
            shown = alert;
            return;
        }
        shown = alert;
        body.getChildren().clear();
        Label name = new Label(alert.name());
        name.getStyleClass().add(Styles.TITLE_3);
        body.getChildren().addAll(name, wrapped(alert.summary()));
        String description = alert.annotations().getOrDefault("description", "");
        if (!description.isEmpty() && !description.equals(alert.summary())) {
            body.getChildren().add(muted(description));
        }
        stateLine = muted(stateText(alert));
        body.getChildren().add(stateLine);
        VBox chart = new VBox(muted("Loading the rule…"));
        chart.setId("alert-chart-holder");
        body.getChildren().addAll(section("Around the firing time"), chart);
        body.getChildren().addAll(section("Objects"), objects(alert));
        body.getChildren().addAll(section("Runbook"), runbook(alert));
        body.getChildren().addAll(section("Labels"), chips(alert.labels()));
        Map<String, String> annotations = new TreeMap<>(alert.annotations());
        annotations.keySet().removeAll(java.util.Set.of("summary", "description", "runbook_url"));
        if (!annotations.isEmpty()) {
            body.getChildren().addAll(section("Annotations"), chips(annotations));
        }
        TextArea expression = new TextArea("Loading the rule…");
        expression.setId("alert-expression");
        expression.setEditable(false);
        expression.setWrapText(true);
        expression.setPrefRowCount(3);
        body.getChildren().addAll(section("Rule"), expression);
        loadRule(alert, expression, chart);
        body.getChildren().addAll(section("Silence"), new SilenceForm(context, alert).node());
    }

    private void loadRule(Alert alert, TextArea target, VBox chart) {
        context.alerts().rules(alert.cluster()).whenComplete((groups, error) -> Platform.runLater(() -> {
            if (shown == null || !shown.fingerprint().equals(alert.fingerprint())) {
                return; // the user moved on while the rules loaded
            }
            if (error != null) {
                target.setText("The rule could not be read: " + Errors.message(error));
                chart.getChildren().setAll(muted("No chart: the rule could not be read."));
                return;
            }
            for (RuleGroup g : groups) {
                for (Rule r : g.rules()) {
                    if (r.alerting() && r.name().equals(alert.name())) {
                        target.setText(r.query().strip() + "\n\nfor " + r.forDuration().toSeconds() + " s · group "
                                + g.name() + (r.lastError().isEmpty() ? "" : " · last error: " + r.lastError()));
                        showChart(alert, r, chart);
                        return;
                    }
                }
            }
            target.setText("No rule named " + alert.name() + " in this cluster's Prometheus (the alert came from "
                    + "elsewhere, e.g. Alertmanager's API).");
            chart.getChildren().setAll(muted("No chart: this cluster's Prometheus has no rule named "
                    + alert.name() + "."));
        }));
    }

    private void showChart(Alert alert, Rule rule, VBox holder) {
        if (!context.metrics().available(alert.cluster())) {
            holder.getChildren().setAll(muted("No chart: no Prometheus is connected for " + alert.cluster() + "."));
            return;
        }
        holder.getChildren().setAll(AlertChart.of(alert, rule, context.metrics(), Clock.systemDefaultZone()));
    }

    private static String stateText(Alert alert) {
        StringBuilder s = new StringBuilder(alert.state().name().toLowerCase());
        if (alert.activeAt() != null) {
            Instant now = Instant.now();
            s.append(" since ").append(SINCE.format(alert.activeAt())).append(" (")
                    .append(Formats.age(alert.activeAt(), now)).append(" ago)");
        }
        if (!alert.value().isEmpty()) {
            s.append(" · value ").append(readable(alert.value()));
        }
        if (!alert.silencedBy().isEmpty()) {
            s.append(" · silenced by ").append(String.join(", ", alert.silencedBy()));
        }
        if (!alert.inhibitedBy().isEmpty()) {
            s.append(" · inhibited");
        }
        return s.toString();
    }

    /** Prometheus prints values as "7.9e+01"; a person reads "79". */
    static String readable(String value) {
        try {
            double v = Double.parseDouble(value);
            if (!Double.isFinite(v)) {
                return value;
            }
            String s = String.format(java.util.Locale.ROOT, "%.4g", v);
            if (s.contains("e")) {
                return s;
            }
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private Node objects(Alert alert) {
        FlowPane pane = new FlowPane(6, 6);
        Map<String, ActionTarget> targets = new LinkedHashMap<>();
        String ns = alert.namespace();
        String cluster = alert.cluster();
        if (!ns.isEmpty() && alert.labels().containsKey("pod")) {
            targets.put("Pod " + alert.labels().get("pod"), new ActionTarget(cluster, POD, ns, alert.labels().get("pod")));
        }
        if (!ns.isEmpty() && alert.labels().containsKey("deployment")) {
            targets.put("Deployment " + alert.labels().get("deployment"),
                    new ActionTarget(cluster, DEPLOYMENT, ns, alert.labels().get("deployment")));
        }
        String node = alert.labels().getOrDefault("node", alert.labels().getOrDefault("Hostname", ""));
        if (!node.isEmpty()) {
            targets.put("Node " + node, new ActionTarget(cluster, NODE, "", node));
        }
        if (!ns.isEmpty()) {
            targets.put("Namespace " + ns, new ActionTarget(cluster, NAMESPACE, "", ns));
        }
        if (targets.isEmpty()) {
            return muted("The alert's labels name no namespace, pod, deployment or node.");
        }
        targets.forEach((text, target) -> {
            Button open = new Button(text);
            open.getStyleClass().add(Styles.FLAT);
            open.setOnAction(e -> context.ui().showDetail(target));
            pane.getChildren().add(open);
        });
        return pane;
    }

    private Node runbook(Alert alert) {
        if (alert.runbookUrl().isEmpty()) {
            return muted("No runbook_url annotation.");
        }
        Hyperlink link = new Hyperlink(alert.runbookUrl());
        link.setId("alert-runbook");
        link.setOnAction(e -> {
            // Plugins cannot open a browser portably from here; the link is copied for the user to paste.
            ClipboardContent content = new ClipboardContent();
            content.putString(alert.runbookUrl());
            Clipboard.getSystemClipboard().setContent(content);
            context.ui().notify("Runbook link copied: " + alert.runbookUrl());
        });
        return link;
    }

    private static String identifying(Alert a) {
        Map<String, String> labels = new TreeMap<>(a.labels());
        labels.keySet().removeAll(java.util.Set.of("alertname", "severity", "namespace", "team"));
        return labels.entrySet().stream().limit(4).map(e -> e.getKey() + "=" + e.getValue())
                .reduce((x, y) -> x + " " + y).orElse(a.name());
    }

    private static Node chips(Map<String, String> labels) {
        FlowPane pane = new FlowPane(6, 6);
        new TreeMap<>(labels).forEach((k, v) -> {
            Label chip = new Label(k + "=" + v);
            chip.getStyleClass().add("ph-chip");
            pane.getChildren().add(chip);
        });
        return pane;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
