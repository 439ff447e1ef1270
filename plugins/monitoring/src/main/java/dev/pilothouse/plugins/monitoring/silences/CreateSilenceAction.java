package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionParameter;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.alerts.Matcher;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code silence-create}: a new Alertmanager silence. Parameters: {@code matchers} ({@code alertname="X", ...}),
 * {@code duration} ({@code 2h}, {@code 30m}, {@code 1d}), {@code comment} and {@code author}.
 */
public final class CreateSilenceAction implements Action {

    /** The longest silence offered: longer ones hide problems rather than quiet a known one. */
    static final Duration MAX = Duration.ofDays(14);

    @Override
    public String id() {
        return "silence-create";
    }

    @Override
    public String label() {
        return "Silence";
    }

    @Override
    public DangerLevel danger() {
        return DangerLevel.LOW;
    }

    @Override
    public Set<GroupVersionKind> kinds() {
        return Set.of(SilenceKind.GVK);
    }

    @Override
    public List<ActionParameter> parameters() {
        return List.of(ActionParameter.required("matchers", "Matchers", ActionParameter.Type.STRING),
                ActionParameter.optional("duration", "Duration", ActionParameter.Type.DURATION, "2h"),
                ActionParameter.required("comment", "Comment", ActionParameter.Type.STRING),
                ActionParameter.required("author", "Author", ActionParameter.Type.STRING));
    }

    @Override
    public AccessRequirement access() {
        return new AccessRequirement("create", "");
    }

    @Override
    public Availability availability(KubeObject object) {
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        List<Matcher> matchers;
        try {
            matchers = MatcherText.parse(context.parameters().getOrDefault("matchers", ""));
        } catch (IllegalArgumentException e) {
            throw new ActionException("matchers: " + e.getMessage());
        }
        Duration duration = Durations.parse("duration", context.parameters().getOrDefault("duration", "2h"));
        if (duration.compareTo(MAX) > 0) {
            throw new ActionException("duration: at most 14d; a longer silence hides problems instead of quieting a "
                    + "known one");
        }
        String comment = context.parameters().getOrDefault("comment", "").strip();
        String author = context.parameters().getOrDefault("author", "").strip();
        if (comment.isEmpty()) {
            throw new ActionException("comment: say why (the next on-call engineer will read it)");
        }
        if (author.isEmpty()) {
            throw new ActionException("author: say who silences");
        }
        Instant start = context.now();
        String body = SilenceJson.body(matchers, start, start.plus(duration), author, comment);
        return new ActionPlan("Silence " + MatcherText.format(matchers) + " for " + Durations.format(duration)
                + " in " + context.target().cluster(),
                List.of(new Mutation.HttpCall(context.target(), "alertmanager", "POST", "/api/v2/silences", body)),
                null, null);
    }
}
