package dev.pilothouse.core.action;

import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Mutation;

/**
 * A plan's requests as text for people: method, API path, content type and body of every request, in order. The
 * confirmation sheet shows it, and so will the headless {@code act} command. Patch bodies appear exactly as sent;
 * the body of a new object is indented for reading (whitespace only: {@link JsonLayout}).
 */
public final class PlanPreview {

    private PlanPreview() {
    }

    /** All requests of the plan, separated by blank lines. */
    public static String describe(ActionPlan plan) {
        StringBuilder text = new StringBuilder();
        for (Mutation m : plan.mutations()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(describe(m));
        }
        return text.toString();
    }

    /** One request, after a comment line saying what it changes. */
    public static String describe(Mutation mutation) {
        return switch (mutation) {
            case Mutation.HttpCall c -> c.method() + " " + c.service() + c.path() + (c.body().isEmpty() ? "" : "\n" + c.body());
            case Mutation.Patch p -> "# " + patchType(p) + " of " + p.target().display()
                    + (p.subresource().isEmpty() ? "" : ", subresource " + p.subresource()) + "\n"
                    + http(KubeRequest.of(p), p.body());
            case Mutation.Create c -> "# create " + created(c.target()) + "\n"
                    + http(KubeRequest.of(c), JsonLayout.indent(c.body()));
            case Mutation.Delete d -> "# delete " + d.target().display() + "\n" + http(KubeRequest.of(d), "");
        };
    }

    /** True when the plan creates an object, whose body is long enough to want room. */
    public static boolean hasLongBodies(ActionPlan plan) {
        return plan.mutations().stream().anyMatch(m -> m instanceof Mutation.Create);
    }

    private static String http(KubeRequest request, String shownBody) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.path());
        if (!request.contentType().isEmpty()) {
            text.append("\nContent-Type: ").append(request.contentType());
        }
        if (!shownBody.isEmpty()) {
            text.append("\n\n").append(shownBody);
        }
        return text.toString();
    }

    private static String created(ActionTarget target) {
        if (!target.name().isEmpty()) {
            return target.display();
        }
        String kind = target.gvk().kind().toLowerCase(java.util.Locale.ROOT);
        return "a " + kind + (target.namespace().isEmpty() ? "" : " in namespace " + target.namespace())
                + " (the server completes its generateName)";
    }

    private static String patchType(Mutation.Patch p) {
        return switch (p.type()) {
            case MERGE -> "merge patch";
            case JSON -> "JSON patch";
            case STRATEGIC_MERGE -> "strategic merge patch";
        };
    }
}
