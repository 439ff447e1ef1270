package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.Availability;
import dev.pilothouse.sdk.action.DangerLevel;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;

import java.util.List;
import java.util.Set;

/** {@code silence-expire}: ends a silence now; the target's name is the silence id. */
public final class ExpireSilenceAction implements Action {

    @Override
    public String id() {
        return "silence-expire";
    }

    @Override
    public String label() {
        return "Expire silence";
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
    public AccessRequirement access() {
        return new AccessRequirement("delete", "");
    }

    @Override
    public Availability availability(KubeObject object) {
        return Availability.yes();
    }

    @Override
    public ActionPlan plan(PlanContext context) throws ActionException {
        String id = context.target().name();
        if (!id.matches("[0-9a-fA-F-]{8,64}")) {
            throw new ActionException("not a silence id: '" + id + "'");
        }
        return new ActionPlan("Expire silence " + id + " in " + context.target().cluster() + "; its alerts notify again",
                List.of(new Mutation.HttpCall(context.target(), "alertmanager", "DELETE", "/api/v2/silence/" + id, "")),
                null, null);
    }
}
