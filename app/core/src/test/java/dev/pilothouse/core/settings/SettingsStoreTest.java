package dev.pilothouse.core.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void valuesSurviveAReopen() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            store.app().put("theme", "dark");
            store.plugin("clusters").put("pods.filter", "llama");
        }
        try (SettingsStore store = SettingsStore.open(dir)) {
            assertThat(store.app().get("theme", "light")).isEqualTo("dark");
            assertThat(store.plugin("clusters").get("pods.filter", "")).isEqualTo("llama");
        }
    }

    @Test
    void pluginSettingsDoNotCollide() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            store.plugin("a").put("k", "1");
            store.plugin("b").put("k", "2");
            assertThat(store.plugin("a").get("k", "")).isEqualTo("1");
            assertThat(store.app().get("k")).isEmpty();
        }
    }

    @Test
    void aCorruptFileIsKeptAsideAndReportedNotOverwritten() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ this is not json");
        try (SettingsStore store = SettingsStore.open(dir)) {
            assertThat(store.loadProblem()).contains("settings.json").contains("not valid settings JSON");
            assertThat(store.app().get("theme")).isEmpty();
        }
        assertThat(dir.resolve("settings.json.broken")).hasContent("{ this is not json");
    }

    @Test
    void removingAValueWithNullForgetsIt() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            store.app().put("x", "1");
            store.app().put("x", null);
            assertThat(store.app().get("x")).isEmpty();
        }
    }

    @Test
    void typedReadsFallBackOnGarbage() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            store.app().put("n", "twelve");
            assertThat(store.app().getInt("n", 5)).isEqualTo(5);
        }
    }
}
