package dev.pilothouse.plugins.monitoring.silences;

import dev.pilothouse.sdk.action.ActionException;
import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PlanContext;
import dev.pilothouse.sdk.alerts.Matcher;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Silences are planned as the exact Alertmanager requests, and bad input is refused naming the field. */
class SilenceActionsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T01:30:00Z");

    private static PlanContext context(String name, Map<String, String> parameters) {
        ActionTarget target = SilenceKind.target("prod", name);
        return new PlanContext() {
            public ActionTarget target() {
                return target;
            }

            public KubeObject object() {
                return KubeObject.of(Map.of());
            }

            public Map<String, String> parameters() {
                return parameters;
            }

            public List<KubeObject> list(GroupVersionKind gvk, String namespace, String labelSelector) {
                return List.of();
            }

            public Instant now() {
                return NOW;
            }
        };
    }

    @Test
    void createPlansOnePostWithTheExactBody() throws Exception {
        ActionPlan plan = new CreateSilenceAction().plan(context("new", Map.of(
                "matchers", "alertname=\"VLLMHighTimeToFirstToken\", pod=~\"llama-.*\"", "duration", "2h",
                "comment", "scaling out, \"INC-42\"", "author", "ana")));

        Mutation.HttpCall call = (Mutation.HttpCall) plan.mutations().getFirst();
        assertThat(call.service()).isEqualTo("alertmanager");
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v2/silences");
        assertThat(call.body()).isEqualTo("{\"matchers\":["
                + "{\"name\":\"alertname\",\"value\":\"VLLMHighTimeToFirstToken\",\"isRegex\":false,\"isEqual\":true},"
                + "{\"name\":\"pod\",\"value\":\"llama-.*\",\"isRegex\":true,\"isEqual\":true}],"
                + "\"startsAt\":\"2026-11-23T01:30:00Z\",\"endsAt\":\"2026-11-23T03:30:00Z\","
                + "\"createdBy\":\"ana\",\"comment\":\"scaling out, \\\"INC-42\\\"\"}");
        assertThat(plan.summary()).contains("for 2h", "prod");
    }

    @Test
    void createRefusesBadInputNamingTheField() {
        CreateSilenceAction action = new CreateSilenceAction();
        assertThatThrownBy(() -> action.plan(context("new", Map.of("matchers", "alertname=X", "comment", "c",
                "author", "a")))).isInstanceOf(ActionException.class).hasMessageContaining("matchers: at character 11");
        assertThatThrownBy(() -> action.plan(context("new", Map.of("matchers", "a=\"1\"", "duration", "soon",
                "comment", "c", "author", "a")))).hasMessageContaining("duration: 'soon'");
        assertThatThrownBy(() -> action.plan(context("new", Map.of("matchers", "a=\"1\"", "duration", "30d",
                "comment", "c", "author", "a")))).hasMessageContaining("at most 14d");
        assertThatThrownBy(() -> action.plan(context("new", Map.of("matchers", "a=\"1\"", "comment", " ",
                "author", "a")))).hasMessageContaining("comment:");
        assertThatThrownBy(() -> action.plan(context("new", Map.of("matchers", "a=~\".*\"", "comment", "c",
                "author", "a")))).hasMessageContaining("empty value");
    }

    @Test
    void expirePlansOneDeleteOfThatSilence() throws Exception {
        ActionPlan plan = new ExpireSilenceAction().plan(context("0b5e64a3-5d1e-4a6b-9c3f-1f2e3d4c5b6a", Map.of()));

        Mutation.HttpCall call = (Mutation.HttpCall) plan.mutations().getFirst();
        assertThat(call.method()).isEqualTo("DELETE");
        assertThat(call.path()).isEqualTo("/api/v2/silence/0b5e64a3-5d1e-4a6b-9c3f-1f2e3d4c5b6a");
        assertThatThrownBy(() -> new ExpireSilenceAction().plan(context("../../x", Map.of())))
                .hasMessageContaining("not a silence id");
    }

    @Test
    void matchersRoundTripThroughTheirText() {
        List<Matcher> parsed = MatcherText.parse("{alertname=\"A\", pod!=\"b\\\"c\", ns=~\"ml-.*\", x!~\"y\"}");

        assertThat(parsed).containsExactly(new Matcher("alertname", "A", false, true),
                new Matcher("pod", "b\"c", false, false), new Matcher("ns", "ml-.*", true, true),
                new Matcher("x", "y", true, false));
        assertThat(MatcherText.parse(MatcherText.format(parsed))).isEqualTo(parsed);
        assertThatThrownBy(() -> MatcherText.parse("pod=~\"(\"")).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> MatcherText.parse("")).hasMessageContaining("at least one matcher");
    }
}
