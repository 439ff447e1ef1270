package dev.pilothouse.themes;

import atlantafx.base.theme.Dracula;
import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.ui.ThemeContribution;

import java.util.List;

/**
 * The built-in themes: AtlantaFX base themes with Pilothouse's own sheet on top. The sheet uses AtlantaFX colour
 * tokens only, so one sheet fits every base theme.
 */
public final class ThemesPlugin implements Plugin {

    /** Pilothouse's own style sheet, shared by every theme. */
    public static final String APP_SHEET = stylesheet("pilothouse.css");

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("themes", "Themes", "0.1.0", "Primer light and dark, Nord and Dracula.");
    }

    @Override
    public void contribute(Contributions c) {
        c.theme(theme("light", "Primer Light", new PrimerLight()))
                .theme(theme("dark", "Primer Dark", new PrimerDark()))
                .theme(theme("nord-light", "Nord Light", new NordLight()))
                .theme(theme("nord-dark", "Nord Dark", new NordDark()))
                .theme(theme("dracula", "Dracula", new Dracula()));
    }

    private static ThemeContribution theme(String id, String name, Theme base) {
        String userAgent = ThemesPlugin.class.getResource(base.getUserAgentStylesheet()).toExternalForm();
        return new ThemeContribution(id, name, base.isDarkMode(), userAgent, List.of(APP_SHEET));
    }

    private static String stylesheet(String name) {
        var url = ThemesPlugin.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing style sheet " + name);
        }
        return url.toExternalForm();
    }
}
