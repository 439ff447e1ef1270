package dev.pilothouse.sdk.ui.kit;

import dev.pilothouse.sdk.health.Health;
import dev.pilothouse.sdk.health.HealthState;
import dev.pilothouse.sdk.ui.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** A small coloured badge showing a health state, with the reason as text and the message as tooltip. */
public final class HealthBadge extends Label {

    public HealthBadge() {
        getStyleClass().add(Styles.BADGE);
        setHealth(Health.UNKNOWN_HEALTH);
    }

    public HealthBadge(Health health) {
        this();
        setHealth(health);
    }

    /** Shows a health value. */
    public void setHealth(Health health) {
        for (HealthState s : HealthState.values()) {
            getStyleClass().remove(Styles.health(s));
        }
        getStyleClass().removeAll(Styles.allTones());
        getStyleClass().addAll(Styles.health(health.state()), Styles.tone(health.state().tone()));
        setText(health.reason().isEmpty() ? health.state().label() : health.reason());
        setTooltip(health.message().isEmpty() ? null : new Tooltip(health.message()));
    }
}
