package dev.pilothouse.desktop.metrics;

import dev.pilothouse.core.metrics.ClusterAccess;
import dev.pilothouse.core.metrics.EndpointKind;
import dev.pilothouse.core.metrics.EndpointOrigin;
import dev.pilothouse.core.metrics.MetricsEndpoints;
import dev.pilothouse.core.settings.SettingsStore;
import dev.pilothouse.sdk.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoints configured in Settings > Metrics: checked, stored as paths and names only, applied at start. */
class EndpointSettingsTest {

    @TempDir
    Path dir;

    private SettingsStore store;
    private Settings app;
    private MetricsEndpoints endpoints;

    @BeforeEach
    void open() {
        store = SettingsStore.open(dir.resolve("config"));
        app = store.app();
        endpoints = new MetricsEndpoints(ClusterAccess.none(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        endpoints.close();
        store.close();
    }

    private EndpointSettings settings() {
        return new EndpointSettings(app, name -> name.equals("PROM_TOKEN") ? "s3cret" : null);
    }

    @Test
    void aSavedEndpointIsConfiguredAndStoredWithoutItsSecret() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "file-s3cret\n");
        settings().save("prod", EndpointKind.PROMETHEUS, Map.of("url", "https://prom.example.com/",
                "auth.type", "bearer", "auth.tokenFile", token.toString(), "tenant", "team-a"), endpoints);

        assertThat(endpoints.status("prod", EndpointKind.PROMETHEUS).origin()).isEqualTo(EndpointOrigin.CONFIGURED);
        assertThat(endpoints.status("prod", EndpointKind.PROMETHEUS).url()).isEqualTo("https://prom.example.com");
        assertThat(settings().read("prod", EndpointKind.PROMETHEUS)).containsEntry("auth.tokenFile", token.toString())
                .containsEntry("tenant", "team-a");
        store.flush();
        assertThat(Files.readString(store.file())).doesNotContain("file-s3cret").contains(token.toString());
    }

    @Test
    void aWrongFieldIsNamedAndNothingIsStored() {
        assertThatThrownBy(() -> settings().save("prod", EndpointKind.ALERTMANAGER, Map.of("url",
                "https://am.example.com", "auth.type", "bearer", "auth.tokenFile", dir.resolve("gone").toString()),
                endpoints))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metrics.prod.alertmanager.auth.tokenFile:");
        assertThat(settings().read("prod", EndpointKind.ALERTMANAGER)).isEmpty();
        assertThat(endpoints.status("prod", EndpointKind.ALERTMANAGER).origin()).isNull();
    }

    @Test
    void anEmptyUrlRemovesTheConfigurationSoDetectionAppliesAgain() {
        settings().save("prod", EndpointKind.PROMETHEUS, Map.of("url", "http://127.0.0.1:9090"), endpoints);
        settings().save("prod", EndpointKind.PROMETHEUS, Map.of("url", " "), endpoints);

        assertThat(settings().read("prod", EndpointKind.PROMETHEUS)).isEmpty();
        assertThat(endpoints.status("prod", EndpointKind.PROMETHEUS).origin()).isNotEqualTo(EndpointOrigin.CONFIGURED);
    }

    @Test
    void atStartStoredEndpointsAreAppliedAndOnesThatNoLongerHoldAreReported() {
        settings().save("prod", EndpointKind.PROMETHEUS, Map.of("url", "https://prom.example.com",
                "auth.type", "bearer", "auth.tokenEnv", "PROM_TOKEN"), endpoints);
        app.put("metrics.staging.prometheus.url", "https://staging.example.com");
        app.put("metrics.staging.prometheus.auth.tokenEnv", "UNSET_VARIABLE");
        MetricsEndpoints fresh = new MetricsEndpoints(ClusterAccess.none(), Clock.systemUTC());
        List<String> problems = new ArrayList<>();

        settings().applyAll(List.of("prod", "staging", "dev"), fresh, problems);

        assertThat(fresh.status("prod", EndpointKind.PROMETHEUS).origin()).isEqualTo(EndpointOrigin.CONFIGURED);
        assertThat(fresh.status("staging", EndpointKind.PROMETHEUS).origin()).isNull();
        assertThat(problems).singleElement().asString()
                .startsWith("Settings > Metrics: metrics.staging.prometheus.auth.tokenEnv:");
        fresh.close();
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThatThrownBy(() -> settings().save("prod", EndpointKind.PROMETHEUS, Map.of("url", "http://x",
                "token", "s3cret"), endpoints)).hasMessage("metrics.prod.prometheus.token: not a setting");
    }
}
