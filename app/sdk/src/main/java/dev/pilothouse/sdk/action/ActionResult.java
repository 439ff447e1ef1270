package dev.pilothouse.sdk.action;

import java.util.List;

/**
 * What an executed action did.
 *
 * @param summary   the plan's summary, e.g. "Silence VLLMHighTimeToFirstToken for 2h"
 * @param responses one line per mutation, as the server answered it (e.g. {@code 200 {"silenceID":"…"}})
 */
public record ActionResult(String summary, List<String> responses) {

    public ActionResult {
        summary = summary == null ? "" : summary;
        responses = List.copyOf(responses);
    }
}
