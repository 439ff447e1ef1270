package dev.pilothouse.sdk.action;

import java.util.List;
import java.util.Objects;

/**
 * A parameter an action asks for (the number of replicas, the revision to undo to).
 *
 * @param name         key used on the command line ({@code replicas=3}) and in runbooks
 * @param label        label of the form field
 * @param type         value type, for validation and the form control
 * @param required     whether a value must be given
 * @param defaultValue value used when none is given, empty if none
 * @param choices      allowed values for {@link Type#CHOICE}
 */
public record ActionParameter(String name, String label, Type type, boolean required, String defaultValue,
                              List<String> choices) {

    /** Value types of parameters. */
    public enum Type { STRING, INTEGER, PERCENT, DURATION, CHOICE }

    public ActionParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null ? name : label;
        defaultValue = defaultValue == null ? "" : defaultValue;
        choices = List.copyOf(choices);
    }

    public static ActionParameter required(String name, String label, Type type) {
        return new ActionParameter(name, label, type, true, "", List.of());
    }

    public static ActionParameter optional(String name, String label, Type type, String defaultValue) {
        return new ActionParameter(name, label, type, false, defaultValue, List.of());
    }
}
