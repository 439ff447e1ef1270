package dev.pilothouse.testkit;

import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.Sdk;
import dev.pilothouse.sdk.action.Action;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.health.HealthCheck;
import dev.pilothouse.sdk.kube.ColumnProcessor;
import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.kube.ResourceKind;
import dev.pilothouse.sdk.kube.Row;
import dev.pilothouse.sdk.runbook.RunbookStepType;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.SettingsPage;
import dev.pilothouse.sdk.ui.StatusBarItem;
import dev.pilothouse.sdk.ui.ThemeContribution;
import dev.pilothouse.sdk.ui.ViewContribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The contract every plugin keeps. Each plugin module has a test class extending this one, so a plugin that breaks
 * the contract fails its own build.
 */
public abstract class PluginContract {

    /** A fresh instance of the plugin under test. */
    protected abstract Plugin plugin();

    @Test
    void describesItselfWithAValidCompatibleDescriptor() {
        PluginDescriptor d = plugin().descriptor();
        assertThat(d).isNotNull();
        assertThat(d.name()).isNotBlank();
        assertThat(d.description()).as("description of %s", d.id()).isNotBlank();
        assertThat(d.sdkVersions().contains(Sdk.VERSION)).as("SDK range %s contains %s", d.sdkVersions(), Sdk.VERSION).isTrue();
    }

    /** Whether the plugin is found by ServiceLoader; only the shell's own plugin, built by the composition root, is not. */
    protected boolean discoveredByServiceLoader() {
        return true;
    }

    @Test
    void isRegisteredForServiceLoaderDiscoveryExactlyWhenItShouldBe() {
        Class<? extends Plugin> type = plugin().getClass();
        List<String> found = ServiceLoader.load(Plugin.class, type.getClassLoader()).stream()
                .map(p -> p.type().getName()).toList();
        assertThat(found.contains(type.getName()))
                .as("META-INF/services/dev.pilothouse.sdk.Plugin lists %s: expected %s", type.getName(),
                        discoveredByServiceLoader())
                .isEqualTo(discoveredByServiceLoader());
    }

    @Test
    void contributesWithoutThrowingAndWithUniqueIds() {
        Recorder recorder = new Recorder();
        assertThatCode(() -> plugin().contribute(recorder)).doesNotThrowAnyException();
        assertThat(recorder.ids).doesNotHaveDuplicates();
        assertThat(recorder.count).as("a plugin contributes something").isPositive();
    }

    @Test
    void resourceKindsSurviveObjectsWithoutStatus() {
        Recorder recorder = new Recorder();
        plugin().contribute(recorder);
        KubeObject bare = KubeObject.of(Map.of("metadata", Map.of("name", "x", "namespace", "ns", "uid", "u-1")));
        for (ResourceKind<?> kind : recorder.kinds) {
            assertThatCode(() -> renderAll(kind, bare)).as("kind %s on an object with no spec or status", kind.gvk())
                    .doesNotThrowAnyException();
        }
    }

    private static <R extends Row> void renderAll(ResourceKind<R> kind, KubeObject object) {
        R row = kind.project(object);
        assertThat(row.uid()).isEqualTo("u-1");
        assertThat(kind.health(row)).isNotNull();
        for (Column<R> c : kind.columns()) {
            assertThat(c.text(row)).as("column %s text", c.id()).isNotNull();
            c.tone(row);
            c.comparator().compare(row, row);
        }
    }

    /** Records contributions and their ids. */
    private static final class Recorder implements Contributions {
        final List<String> ids = new ArrayList<>();
        final List<ResourceKind<?>> kinds = new ArrayList<>();
        int count;

        private Contributions add(String type, String id) {
            ids.add(type + ":" + id);
            count++;
            return this;
        }

        @Override
        public Contributions view(ViewContribution view) {
            return add("view", view.id());
        }

        @Override
        public Contributions resourceKind(ResourceKind<?> kind) {
            kinds.add(kind);
            return add("kind", kind.gvk().group() + "/" + kind.gvk().kind());
        }

        @Override
        public Contributions detailSection(DetailSection section) {
            return add("detail", section.id());
        }

        @Override
        public Contributions columnProcessor(ColumnProcessor processor) {
            return add("columns", processor.id());
        }

        @Override
        public Contributions action(Action action) {
            return add("action", action.id());
        }

        @Override
        public Contributions runbookStepType(RunbookStepType stepType) {
            return add("step", stepType.id());
        }

        @Override
        public Contributions healthCheck(HealthCheck check) {
            return add("health", check.id());
        }

        @Override
        public Contributions statusBarItem(StatusBarItem item) {
            return add("status", item.id());
        }

        @Override
        public Contributions settingsPage(SettingsPage page) {
            return add("settings", page.id());
        }

        @Override
        public Contributions command(Command command) {
            return add("command", command.id());
        }

        @Override
        public Contributions theme(ThemeContribution theme) {
            return add("theme", theme.id());
        }
    }

}
