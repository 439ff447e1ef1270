package dev.pilothouse.plugins.clusters.events;

import dev.pilothouse.plugins.clusters.kinds.EventRow;

/** A line of the grouped events tree: an involved object's group, or one of its events. */
sealed interface EventLine {

    /** The header line of an involved object. */
    record Group(EventGroup group) implements EventLine {
    }

    /** One event, under its object's group. */
    record Event(EventRow row) implements EventLine {
    }
}
