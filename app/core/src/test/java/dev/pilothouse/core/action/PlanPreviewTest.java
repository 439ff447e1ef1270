package dev.pilothouse.core.action;

import dev.pilothouse.sdk.action.ActionPlan;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.action.Mutation;
import dev.pilothouse.sdk.action.PatchType;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview shows each request as it will be sent: method, API path, content type and body. */
class PlanPreviewTest {

    private static final GroupVersionKind WORKFLOW = new GroupVersionKind("argoproj.io", "v1alpha1", "Workflow", "workflows");
    private static final ActionTarget RUNNING = new ActionTarget("prod", WORKFLOW, "ml", "train-llama");

    private static ActionPlan plan(Mutation... mutations) {
        return new ActionPlan("summary", List.of(mutations), null, null);
    }

    @Test
    void aPatchShowsItsMethodPathContentTypeAndTheBodyExactly() {
        String body = "{\"spec\":{\"shutdown\":\"Terminate\"}}";
        assertThat(PlanPreview.describe(plan(new Mutation.Patch(RUNNING, PatchType.MERGE, body, "")))).isEqualTo("""
                # merge patch of workflow/ml/train-llama
                PATCH /apis/argoproj.io/v1alpha1/namespaces/ml/workflows/train-llama
                Content-Type: application/merge-patch+json

                {"spec":{"shutdown":"Terminate"}}""");
    }

    @Test
    void aSubresourcePatchOfACoreKindUsesTheCoreApiPath() {
        ActionTarget pod = new ActionTarget("prod", GroupVersionKind.core("v1", "Pod", "pods"), "ml", "vllm-0");
        assertThat(PlanPreview.describe(new Mutation.Patch(pod, PatchType.JSON, "[]", "status"))).isEqualTo("""
                # JSON patch of pod/ml/vllm-0, subresource status
                PATCH /api/v1/namespaces/ml/pods/vllm-0/status
                Content-Type: application/json-patch+json

                []""");
    }

    @Test
    void aCreateShowsTheCollectionPathAndTheBodyIndentedWithEveryValueAsSent() {
        String body = "{\"apiVersion\":\"argoproj.io/v1alpha1\",\"metadata\":{\"generateName\":\"train-\",\"labels\":{}},"
                + "\"spec\":{\"arguments\":{\"parameters\":[{\"name\":\"lr\",\"value\":1.10}]},\"note\":\"a, b: {c}\"}}";
        assertThat(PlanPreview.describe(new Mutation.Create(new ActionTarget("prod", WORKFLOW, "ml", ""), body)))
                .isEqualTo("""
                        # create a workflow in namespace ml (the server completes its generateName)
                        POST /apis/argoproj.io/v1alpha1/namespaces/ml/workflows
                        Content-Type: application/json

                        {
                          "apiVersion": "argoproj.io/v1alpha1",
                          "metadata": {
                            "generateName": "train-",
                            "labels": {}
                          },
                          "spec": {
                            "arguments": {
                              "parameters": [
                                {
                                  "name": "lr",
                                  "value": 1.10
                                }
                              ]
                            },
                            "note": "a, b: {c}"
                          }
                        }""");
        assertThat(PlanPreview.hasLongBodies(plan(new Mutation.Create(RUNNING, body)))).isTrue();
    }

    @Test
    void indentingChangesOnlyWhitespaceBetweenTokens() {
        String json = "{\"a\":\"x\\\"y\\\\\",\"b\":[1,{\"c\":null}],\"d\":\"\\u00e9 , : { [\"}";
        assertThat(outsideStringsWithoutWhitespace(JsonLayout.indent(json))).isEqualTo(json);
        assertThat(JsonLayout.indent("  {\n \"a\" : 1 }")).isEqualTo("{\n  \"a\": 1\n}");
    }

    @Test
    void silencesKeepTheirServiceRequestLine() {
        ActionTarget silence = new ActionTarget("prod", new GroupVersionKind(ActionRunner.HOST_GROUP, "v1", "Silence",
                "silences"), "", "new");
        assertThat(PlanPreview.describe(new Mutation.HttpCall(silence, "alertmanager", "POST", "/api/v2/silences", "{}")))
                .isEqualTo("POST alertmanager/api/v2/silences\n{}");
    }

    private static String outsideStringsWithoutWhitespace(String json) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString && c == '\\') {
                out.append(c).append(json.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            if (inString || !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
