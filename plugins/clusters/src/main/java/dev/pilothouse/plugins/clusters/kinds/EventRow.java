package dev.pilothouse.plugins.clusters.kinds;

import dev.pilothouse.sdk.kube.Row;

import java.time.Instant;

/**
 * The slim row of a core/v1 Event.
 *
 * @param uid        metadata.uid
 * @param namespace  namespace
 * @param name       name
 * @param warning    whether type is Warning
 * @param reason     reason
 * @param message    message
 * @param objectKind involvedObject.kind
 * @param objectName involvedObject.name
 * @param count      count (1 when not reported)
 * @param last       lastTimestamp, else eventTime, else creation time
 */
public record EventRow(String uid, String namespace, String name, boolean warning, String reason, String message,
                       String objectKind, String objectName, int count, Instant last) implements Row {
}
