package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.ui.kit.Formats;

import java.time.Instant;
import java.util.List;

/** One of {@code status.conditions}, as the readiness table of an agent or server page shows it. */
record ConditionLine(String type, String status, String reason, String message, Instant since) implements Row {

    /** Conditions whose False means trouble; others (warnings such as StdioReplicaCapped) are read as reported. */
    private static final List<String> POSITIVE = List.of("Ready", "Accepted", "ResolvedRefs", "Programmed");

    static List<ConditionLine> of(KubeObject o) {
        return o.objects("status", "conditions").stream().map(c -> new ConditionLine(c.string("type"),
                c.string("status"), c.string("reason"), c.string("message"),
                c.instant("lastTransitionTime").orElse(null))).toList();
    }

    static List<Column<ConditionLine>> columns() {
        return List.of(
                Column.<ConditionLine>builder("type", "Condition", ConditionLine::type).width(150).build(),
                Column.<ConditionLine>builder("status", "Status", ConditionLine::status).width(80)
                        .tone(ConditionLine::tone).build(),
                Column.<ConditionLine>builder("reason", "Reason", ConditionLine::reason).width(170).build(),
                Column.<ConditionLine>builder("message", "Message", ConditionLine::message).width(420).build(),
                Column.<ConditionLine>builder("age", "Since", ConditionLine::since)
                        .text(c -> Formats.age(c.since(), Instant.now())).width(70).build());
    }

    private CellTone tone() {
        if (!POSITIVE.contains(type)) {
            return CellTone.DEFAULT;
        }
        return switch (status) {
            case "True" -> CellTone.SUCCESS;
            case "False" -> CellTone.DANGER;
            default -> CellTone.WARNING;
        };
    }

    @Override
    public String uid() {
        return type;
    }

    @Override
    public String namespace() {
        return "";
    }

    @Override
    public String name() {
        return type;
    }
}
