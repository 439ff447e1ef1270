package dev.pilothouse.sdk.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group of rules evaluated together.
 *
 * @param cluster        the context it belongs to
 * @param name           the group's name
 * @param file           the rule file it comes from
 * @param interval       its evaluation interval
 * @param lastEvaluation when it was last evaluated, if reported
 * @param rules          its rules in file order
 */
public record RuleGroup(String cluster, String name, String file, Duration interval, @Nullable Instant lastEvaluation,
                        List<Rule> rules) {

    public RuleGroup {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
        file = file == null ? "" : file;
        interval = interval == null ? Duration.ZERO : interval;
        rules = List.copyOf(rules);
    }

    /** The worst health among its rules. */
    public RuleHealth health() {
        RuleHealth worst = RuleHealth.OK;
        for (Rule rule : rules) {
            if (rule.health() == RuleHealth.ERR) {
                return RuleHealth.ERR;
            }
            if (rule.health() == RuleHealth.UNKNOWN) {
                worst = RuleHealth.UNKNOWN;
            }
        }
        return worst;
    }
}
