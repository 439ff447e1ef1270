package dev.pilothouse.demo.scenario;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** Core/v1 Events as the kubelet, scheduler and controllers record them (name {@code <object>.<16 hex>}). */
public final class EventFactory {

  private EventFactory() {}

  /**
   * An event about {@code object}.
   *
   * @param host the node, for kubelet events; null otherwise
   */
  public static Event event(HasMetadata object, String type, String reason, String message, String component,
      @Nullable String host, @Nullable String fieldPath, int count, Instant first, Instant last, Random random) {
    String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
    return new EventBuilder()
        .withNewMetadata()
          .withName(object.getMetadata().getName() + "." + Long.toHexString(random.nextLong() | Long.MIN_VALUE))
          .withNamespace(namespace)
          .withCreationTimestamp(Times.format(first))
        .endMetadata()
        .withNewInvolvedObject()
          .withApiVersion(object.getApiVersion())
          .withKind(object.getKind())
          .withName(object.getMetadata().getName())
          .withNamespace(object.getMetadata().getNamespace())
          .withUid(object.getMetadata().getUid())
          .withFieldPath(fieldPath)
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withNewSource().withComponent(component).withHost(host).endSource()
        .withReportingComponent(component)
        .withReportingInstance(host == null ? "" : host)
        .withCount(count)
        .withFirstTimestamp(Times.format(first))
        .withLastTimestamp(Times.format(last))
        .build();
  }
}
