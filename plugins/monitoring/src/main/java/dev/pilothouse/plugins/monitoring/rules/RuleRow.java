package dev.pilothouse.plugins.monitoring.rules;

import dev.pilothouse.sdk.alerts.Rule;
import dev.pilothouse.sdk.alerts.RuleGroup;
import dev.pilothouse.sdk.kube.Row;

/** One rule of one group of one cluster. */
record RuleRow(String uid, String namespace, String name, String cluster, RuleGroup group, Rule rule) implements Row {

    static RuleRow of(RuleGroup group, Rule rule, int index) {
        return new RuleRow(group.cluster() + "/" + group.file() + "/" + group.name() + "/" + index, "", rule.name(),
                group.cluster(), group, rule);
    }
}
