package dev.pilothouse.demo.simulator;

import dev.pilothouse.demo.scenario.EventFactory;
import dev.pilothouse.demo.scenario.Times;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records events the way client-go's recorder does: a repeat of the same reason and message about the same object
 * bumps the existing event's count and lastTimestamp instead of creating a new one.
 */
final class EventRecorder {

  private final SimulationContext ctx;

  EventRecorder(SimulationContext ctx) {
    this.ctx = ctx;
  }

  void record(HasMetadata object, String type, String reason, String message, String component,
      @Nullable String host) {
    String namespace = object.getMetadata().getNamespace() == null ? "default" : object.getMetadata().getNamespace();
    ctx.attempt("record event " + reason, () -> {
      Event existing = ctx.client.v1().events().inNamespace(namespace)
          .withField("involvedObject.uid", object.getMetadata().getUid())
          .withField("reason", reason)
          .list().getItems().stream()
          .filter(e -> Objects.equals(e.getMessage(), message))
          .findFirst().orElse(null);
      if (existing != null) {
        existing.setCount((existing.getCount() == null ? 1 : existing.getCount()) + 1);
        existing.setLastTimestamp(Times.format(ctx.now));
        ctx.client.v1().events().inNamespace(namespace).resource(existing).update();
      } else {
        Event event = EventFactory.event(object, type, reason, message, component, host, null, 1, ctx.now, ctx.now,
            ctx.random);
        ctx.client.v1().events().inNamespace(namespace).resource(event).create();
      }
    });
  }
}
