package dev.pilothouse.themes;

import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.ui.ThemeContribution;
import dev.pilothouse.testkit.PluginContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ThemesPluginContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new ThemesPlugin();
    }

    private static List<ThemeContribution> themes() {
        List<ThemeContribution> themes = new ArrayList<>();
        Contributions recorder = (Contributions) Proxy.newProxyInstance(Contributions.class.getClassLoader(),
                new Class<?>[] {Contributions.class}, (proxy, method, args) -> {
                    if (method.getName().equals("theme")) {
                        themes.add((ThemeContribution) args[0]);
                    }
                    return proxy;
                });
        new ThemesPlugin().contribute(recorder);
        return themes;
    }

    @Test
    void offersLightAndDarkWithReachableStyleSheets() throws IOException {
        List<ThemeContribution> themes = themes();
        assertThat(themes).extracting(ThemeContribution::id).contains("light", "dark");
        assertThat(themes).filteredOn(ThemeContribution::dark).isNotEmpty();
        for (ThemeContribution t : themes) {
            for (String sheet : t.stylesheets()) {
                try (InputStream in = URI.create(sheet).toURL().openStream()) {
                    assertThat(in.readAllBytes()).as(sheet).isNotEmpty();
                }
            }
            try (InputStream in = URI.create(t.userAgentStylesheet()).toURL().openStream()) {
                assertThat(in.readAllBytes()).as(t.userAgentStylesheet()).isNotEmpty();
            }
        }
    }

    @Test
    void pilothouseStylesUseTokensNeverHexColours() throws IOException {
        String css;
        try (InputStream in = URI.create(ThemesPlugin.APP_SHEET).toURL().openStream()) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Pattern.compile("#[0-9a-fA-F]{3,8}\\b").matcher(css).find()).as("hex colour in pilothouse.css").isFalse();
        assertThat(Pattern.compile("rgba?\\(").matcher(css).find()).as("rgb() colour in pilothouse.css").isFalse();
    }
}
