package dev.pilothouse.plugins.mlworkloads.actions;

import dev.pilothouse.sdk.action.ActionException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow parameters given to resubmit, one {@code NAME=VALUE} per line (the {@code -p NAME=VALUE} of argo
 * resubmit). Lines, not commas, separate them: ML parameters are often lists or JSON, full of commas.
 */
final class ParameterOverrides {

    private ParameterOverrides() {
    }

    /** The overrides in the order given; a later line for the same name wins. */
    static Map<String, String> parse(String text) throws ActionException {
        Map<String, String> overrides = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw new ActionException("parameters: line " + number + ": expected NAME=VALUE, got '"
                        + line.strip() + "'");
            }
            overrides.remove(name);
            overrides.put(name, line.substring(eq + 1));
        }
        return overrides;
    }
}
