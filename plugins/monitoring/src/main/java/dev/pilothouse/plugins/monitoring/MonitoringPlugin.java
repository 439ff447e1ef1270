package dev.pilothouse.plugins.monitoring;

import dev.pilothouse.plugins.monitoring.alerts.AlertsView;
import dev.pilothouse.plugins.monitoring.cost.CostView;
import dev.pilothouse.plugins.monitoring.gpus.GpusView;
import dev.pilothouse.plugins.monitoring.rules.RulesView;
import dev.pilothouse.plugins.monitoring.silences.CreateSilenceAction;
import dev.pilothouse.plugins.monitoring.silences.ExpireSilenceAction;
import dev.pilothouse.plugins.monitoring.silences.SilencesView;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Permission;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.ViewContribution;

import java.util.List;

/** Alerts and metrics: alert triage across clusters, alerting rules, Alertmanager silences. */
public final class MonitoringPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("monitoring", "Alerts and metrics", "0.1.0",
                "Alerts from Prometheus and Alertmanager merged across clusters, rules, silences, GPU and cost metrics.",
                Permission.QUERY_METRICS, Permission.PROPOSE_ACTIONS);
    }

    @Override
    public void contribute(Contributions c) {
        c.view(new ViewContribution("alerts", "Alerts", NavSection.OBSERVE, "⚠", 10,
                        List.of("firing", "pending", "alertmanager", "prometheus", "triage", "on-call"), AlertsView::new))
                .view(new ViewContribution("rules", "Rules", NavSection.OBSERVE, "≡", 20,
                        List.of("alerting rules", "recording rules", "promql"), RulesView::new))
                .view(new ViewContribution("silences", "Silences", NavSection.OBSERVE, "◌", 30,
                        List.of("mute", "alertmanager"), SilencesView::new))
                .view(new ViewContribution("gpus", "GPUs", NavSection.OBSERVE, "▦", 40,
                        List.of("dcgm", "nvidia", "utilisation", "gpu memory", "temperature", "xid"), GpusView::new))
                .view(new ViewContribution("cost", "Cost", NavSection.OBSERVE, "$", 50,
                        List.of("opencost", "spend", "gpu cost"), CostView::new))
                .action(new CreateSilenceAction())
                .action(new ExpireSilenceAction())
                .command(Command.of("monitoring.open-alerts", "Open alerts", "View", ctx -> ctx.navigate("alerts")));
    }
}
