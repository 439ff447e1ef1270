package dev.pilothouse.desktop.theme;

import dev.pilothouse.core.plugin.ContributionRegistry;
import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.ThemeContribution;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies themes at run time and remembers the choice. The AtlantaFX sheet becomes the user-agent stylesheet;
 * Pilothouse's token-only sheets are added to each scene.
 */
public final class ThemeManager {

    /** The theme used when nothing is remembered. */
    public static final String DEFAULT_THEME = "light";

    private final List<ThemeContribution> themes;
    private final Settings settings;
    private final List<Scene> scenes = new ArrayList<>();
    private final ReadOnlyObjectWrapper<ThemeContribution> current = new ReadOnlyObjectWrapper<>();

    public ThemeManager(ContributionRegistry registry, Settings settings) {
        this.themes = registry.themes().stream().map(Registered::contribution).toList();
        this.settings = settings;
    }

    public List<ThemeContribution> themes() {
        return themes;
    }

    public Optional<ThemeContribution> find(String id) {
        return themes.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The remembered theme, else the default, else the first contributed. */
    public ThemeContribution remembered() {
        return find(settings.get("theme", DEFAULT_THEME)).or(() -> find(DEFAULT_THEME))
                .orElseGet(() -> themes.isEmpty() ? null : themes.getFirst());
    }

    /** Applies a theme to every registered scene; remembers it when asked. */
    public void apply(ThemeContribution theme, boolean remember) {
        if (theme == null) {
            return;
        }
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
        for (Scene scene : scenes) {
            style(scene, theme);
        }
        current.set(theme);
        if (remember) {
            settings.put("theme", theme.id());
        }
    }

    /** Styles a scene now and on every later theme change (dialogs register too). */
    public void register(Scene scene) {
        scenes.add(scene);
        if (current.get() != null) {
            style(scene, current.get());
        }
    }

    public void unregister(Scene scene) {
        scenes.remove(scene);
    }

    private static void style(Scene scene, ThemeContribution theme) {
        scene.getStylesheets().setAll(theme.stylesheets());
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), theme.dark());
    }

    /** Switches between the light and the dark variant of the current family (or light/dark). */
    public void toggleDark() {
        ThemeContribution now = current.get();
        boolean toDark = now == null || !now.dark();
        String target = toDark ? "dark" : "light";
        if (now != null && now.id().startsWith("nord")) {
            target = toDark ? "nord-dark" : "nord-light";
        }
        find(target).ifPresent(t -> apply(t, true));
    }

    public ReadOnlyObjectProperty<ThemeContribution> current() {
        return current.getReadOnlyProperty();
    }
}
