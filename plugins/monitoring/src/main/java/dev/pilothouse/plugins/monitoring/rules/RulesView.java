package dev.pilothouse.plugins.monitoring.rules;

import dev.pilothouse.plugins.monitoring.PolledTableView;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.alerts.RuleHealth;
import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.ui.ViewContext;
import dev.pilothouse.sdk.ui.kit.Formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@code rules} view: every alerting and recording rule, its group, health, last error and evaluation. */
public final class RulesView extends PolledTableView<RuleRow> {

    public RulesView(ViewContext context) {
        super(context, "rules", "Rules", "rules", columns(), RulesView::load);
    }

    private static CompletableFuture<List<RuleRow>> load(ViewContext context, String cluster) {
        return context.alerts().rules(cluster).thenApply(groups -> {
            List<RuleRow> rows = new ArrayList<>();
            for (RuleGroup g : groups) {
                for (int i = 0; i < g.rules().size(); i++) {
                    rows.add(RuleRow.of(g, g.rules().get(i), i));
                }
            }
            return rows;
        });
    }

    private static List<Column<RuleRow>> columns() {
        return List.of(
                Column.<RuleRow>builder("health", "Health", r -> r.rule().health())
                        .text(r -> r.rule().health().name().toLowerCase())
                        .tone(r -> r.rule().health() == RuleHealth.OK ? CellTone.SUCCESS
                                : r.rule().health() == RuleHealth.ERR ? CellTone.DANGER : CellTone.MUTED)
                        .width(70).build(),
                Column.<RuleRow>builder("name", "Rule", RuleRow::name).width(260).build(),
                Column.<RuleRow>builder("type", "Type", r -> r.rule().alerting() ? "alert" : "record").width(60).build(),
                Column.<RuleRow>builder("active", "Active", r -> r.rule().activeAlerts())
                        .text(r -> r.rule().alerting() ? String.valueOf(r.rule().activeAlerts()) : "")
                        .tone(r -> r.rule().activeAlerts() > 0 ? CellTone.WARNING : CellTone.DEFAULT)
                        .align(Column.Align.RIGHT).width(60).build(),
                Column.<RuleRow>builder("group", "Group", r -> r.group().name()).width(130).build(),
                Column.<RuleRow>builder("cluster", "Cluster", RuleRow::cluster).width(100).build(),
                Column.<RuleRow>builder("evaluated", "Evaluated", r -> r.rule().lastEvaluation())
                        .text(r -> r.rule().lastEvaluation() == null ? "" : Formats.age(r.rule().lastEvaluation(), Instant.now()) + " ago")
                        .comparator(java.util.Comparator.comparing((RuleRow r) -> r.rule().lastEvaluation(),
                                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                        .align(Column.Align.RIGHT).width(90).build(),
                Column.<RuleRow>builder("error", "Last error", r -> r.rule().lastError())
                        .tone(r -> CellTone.DANGER).width(220).build(),
                Column.<RuleRow>builder("query", "Expression", r -> r.rule().query().strip().replace('\n', ' '))
                        .width(480).build());
    }
}
