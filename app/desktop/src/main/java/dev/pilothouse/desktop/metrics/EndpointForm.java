package dev.pilothouse.desktop.metrics;

import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.core.metrics.EndpointStatus;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.sdk.ui.Styles;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The settings of one endpoint (Prometheus or Alertmanager) of one context: address, authentication by file or
 * environment variable (never a secret typed into the form), trust, tenant and timeout; what the console uses now
 * and whether it answers. Save checks every field first and names the one that is wrong.
 */
final class EndpointForm {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final Map<String, Set<String>> AUTH_FIELDS = Map.of(
            "none", Set.of(),
            "bearer", Set.of("auth.tokenFile", "auth.tokenEnv"),
            "basic", Set.of("auth.user", "auth.passwordFile", "auth.passwordEnv"),
            "clientCertificate", Set.of("auth.certFile", "auth.keyFile"));

    private final EndpointKind kind;
    private final EndpointSettings settings;
    private final MetricsEndpoints endpoints;
    private final Map<String, TextField> texts = new LinkedHashMap<>();
    private final Map<String, Node[]> rows = new LinkedHashMap<>();
    private final GridPane grid = new GridPane();
    private final ComboBox<String> authType = new ComboBox<>();
    private final Label authLabel = new Label("Authentication");
    private final CheckBox insecure = new CheckBox("Skip TLS verification (unsafe: anyone on the path can read and forge answers)");
    private final Label status = new Label();
    private final Label message = new Label();
    private final VBox root;
    private String context = "";

    EndpointForm(EndpointKind kind, EndpointSettings settings, MetricsEndpoints endpoints) {
        this.kind = kind;
        this.settings = settings;
        this.endpoints = endpoints;
        String id = kind.name().toLowerCase(java.util.Locale.ROOT);
        grid.setHgap(8);
        grid.setVgap(6);
        String example = kind == EndpointKind.PROMETHEUS ? "https://prometheus.example.com"
                : "https://alertmanager.example.com";
        text(id, "url", "URL", example + " (empty: use the detected one)");
        authType.getItems().setAll("none", "bearer", "basic", "clientCertificate");
        authType.setValue("none");
        authType.setId(id + "-auth-type");
        authType.valueProperty().addListener((o, was, now) -> showAuthFields());
        authLabel.setLabelFor(authType);
        text(id, "auth.tokenFile", "Token file", "a file holding the bearer token");
        text(id, "auth.tokenEnv", "Token variable", "or an environment variable holding it");
        text(id, "auth.user", "User", "");
        text(id, "auth.passwordFile", "Password file", "a file holding the password");
        text(id, "auth.passwordEnv", "Password variable", "or an environment variable holding it");
        text(id, "auth.certFile", "Client certificate", "PEM file");
        text(id, "auth.keyFile", "Client key", "PEM file (PKCS#8 or PKCS#1)");
        text(id, "caFile", "CA file", "PEM file of the CAs to trust instead of the system's");
        text(id, "tenant", "Tenant", "X-Scope-OrgID for Mimir, Cortex or Thanos");
        text(id, "timeout", "Timeout", "10s");
        insecure.setId(id + "-insecure");
        Button save = new Button("Save");
        save.setId(id + "-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        Button test = new Button("Test");
        test.setId(id + "-test");
        test.setOnAction(e -> test());
        Button clear = new Button("Use detected");
        clear.setId(id + "-clear");
        clear.setOnAction(e -> clear());
        HBox buttons = new HBox(8, save, test, clear);
        buttons.setAlignment(Pos.CENTER_LEFT);
        status.setId(id + "-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        message.setId(id + "-message");
        message.setWrapText(true);
        Label heading = new Label(display(kind));
        heading.getStyleClass().add(Styles.TITLE_4);
        root = new VBox(8, heading, status, grid, buttons, message);
        showAuthFields();
    }

    private static String display(EndpointKind kind) {
        return kind == EndpointKind.PROMETHEUS ? "Prometheus" : "Alertmanager";
    }

    private void text(String id, String field, String label, String prompt) {
        TextField text = new TextField();
        text.setId(id + "-" + field.replace('.', '-'));
        text.setPromptText(prompt);
        GridPane.setHgrow(text, Priority.ALWAYS);
        Label l = new Label(label);
        l.setLabelFor(text);
        texts.put(field, text);
        rows.put(field, new Node[] {l, text});
    }

    Node node() {
        return root;
    }

    /** Shows the stored settings and the live status of this endpoint of {@code newContext}. */
    void show(String newContext) {
        context = newContext;
        Map<String, String> stored = settings.read(context, kind);
        texts.forEach((field, text) -> text.setText(stored.getOrDefault(field, "")));
        authType.setValue(stored.getOrDefault("auth.type", inferAuth(stored)));
        insecure.setSelected(Boolean.parseBoolean(stored.getOrDefault("insecureSkipTlsVerify", "false")));
        message.setText("");
        refreshStatus();
    }

    private static String inferAuth(Map<String, String> stored) {
        for (Map.Entry<String, Set<String>> e : AUTH_FIELDS.entrySet()) {
            if (e.getValue().stream().anyMatch(stored::containsKey)) {
                return e.getKey();
            }
        }
        return "none";
    }

    void refreshStatus() {
        if (context.isEmpty()) {
            status.setText("");
            return;
        }
        EndpointStatus s = endpoints.status(context, kind);
        StringBuilder text = new StringBuilder("Now: ");
        text.append(switch (s.state()) {
            case UNKNOWN -> "not looked for yet (detection runs when a view first needs it)";
            case DETECTING -> "looking for it among the cluster's services";
            case NOT_CONFIGURED -> "none" + (s.lastError().isEmpty() ? "" : " (" + s.lastError() + ")");
            case IDLE -> "not contacted yet";
            case LIVE -> "answering";
            case FAILING -> "failing since " + TIME.format(s.since()) + ": " + s.lastError();
        });
        if (s.origin() != null && !s.url().isEmpty()) {
            text.append(" · ").append(s.url()).append(" (")
                    .append(s.origin().name().toLowerCase(java.util.Locale.ROOT)).append(")");
        }
        if (s.lastSuccess() != null) {
            text.append(" · last answer ").append(TIME.format(s.lastSuccess()));
        }
        status.setText(text.toString());
    }

    /**
     * Lays the form out with the fields of the chosen authentication only: rows are added rather than hidden, since
     * a grid keeps the gap of a hidden row.
     */
    private void showAuthFields() {
        Set<String> visible = AUTH_FIELDS.getOrDefault(authType.getValue(), Set.of());
        grid.getChildren().clear();
        int row = 0;
        grid.addRow(row++, rows.get("url"));
        grid.addRow(row++, authLabel, authType);
        for (Map.Entry<String, Node[]> e : rows.entrySet()) {
            if (e.getKey().startsWith("auth.") && visible.contains(e.getKey())) {
                grid.addRow(row++, e.getValue());
            }
        }
        for (Map.Entry<String, Node[]> e : rows.entrySet()) {
            if (!e.getKey().startsWith("auth.") && !e.getKey().equals("url")) {
                grid.addRow(row++, e.getValue());
            }
        }
        grid.add(insecure, 1, row);
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> authVisible = AUTH_FIELDS.getOrDefault(authType.getValue(), Set.of());
        texts.forEach((field, text) -> {
            if (!field.startsWith("auth.") || authVisible.contains(field)) {
                fields.put(field, text.getText());
            }
        });
        fields.put("auth.type", texts.get("url").getText().isBlank() ? "" : authType.getValue());
        fields.put("insecureSkipTlsVerify", insecure.isSelected() ? "true" : "");
        return fields;
    }

    private void save() {
        try {
            settings.save(context, kind, fields(), endpoints);
            message.getStyleClass().remove(Styles.DANGER);
            message.setText(texts.get("url").getText().isBlank()
                    ? "Saved: no address configured, so the detected or preset one is used."
                    : "Saved. Press Test to try it.");
        } catch (IllegalArgumentException e) {
            if (!message.getStyleClass().contains(Styles.DANGER)) {
                message.getStyleClass().add(Styles.DANGER);
            }
            message.setText(e.getMessage());
        }
        refreshStatus();
    }

    private void clear() {
        texts.values().forEach(t -> t.setText(""));
        authType.setValue("none");
        insecure.setSelected(false);
        save();
    }

    private void test() {
        message.getStyleClass().remove(Styles.DANGER);
        message.setText("Testing…");
        CompletableFuture<?> call = kind == EndpointKind.PROMETHEUS
                ? endpoints.metricsService().query(context, "vector(1)")
                : endpoints.alertService().silences(context);
        String asked = context;
        call.whenComplete((ok, error) -> Platform.runLater(() -> {
            if (!asked.equals(context)) {
                return;
            }
            if (error == null) {
                message.setText(display(kind) + " answered.");
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                if (!message.getStyleClass().contains(Styles.DANGER)) {
                    message.getStyleClass().add(Styles.DANGER);
                }
                message.setText(display(kind) + " did not answer: " + cause.getMessage());
            }
            refreshStatus();
        }));
    }

    /** The field names shown, for tests. */
    List<String> fieldNames() {
        return List.copyOf(texts.keySet());
    }
}
