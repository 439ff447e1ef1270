package dev.pilothouse.core.plugin;

import dev.pilothouse.sdk.Contributions;
import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.sdk.PluginDescriptor;
import dev.pilothouse.sdk.Version;
import dev.pilothouse.sdk.VersionRange;
import dev.pilothouse.sdk.command.Command;
import dev.pilothouse.sdk.ui.NavSection;
import dev.pilothouse.sdk.ui.ViewContribution;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PluginHostTest {

    private static Plugin plugin(String id, java.util.function.Consumer<Contributions> contribute) {
        return new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return PluginDescriptor.of(id, id, "1.0.0", "test plugin " + id);
            }

            @Override
            public void contribute(Contributions contributions) {
                contribute.accept(contributions);
            }
        };
    }

    private static ViewContribution view(String id) {
        return ViewContribution.of(id, id, NavSection.CLUSTER, 1, ctx -> null);
    }

    @Test
    void aPluginWhoseContributeThrowsIsMarkedFailedAndTheOthersLoad() {
        Plugin good = plugin("good", c -> c.view(view("pods")));
        Plugin bad = plugin("bad", c -> {
            c.view(view("half-done"));
            throw new IllegalStateException("boom");
        });
        PluginHost host = PluginHost.of(List.of(bad, good), Set.of());

        assertThat(host.plugins()).extracting(PluginRecord::id, PluginRecord::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bad", PluginState.FAILED),
                        org.assertj.core.groups.Tuple.tuple("good", PluginState.ACTIVE));
        assertThat(host.plugins().getFirst().problem()).contains("contribute()").contains("boom");
        assertThat(host.registry().views()).extracting(r -> r.contribution().id())
                .as("nothing of the failed plugin leaks into the registry").containsExactly("pods");
    }

    @Test
    void aPluginWhoseDescriptorThrowsIsRecordedUnderItsClassName() {
        Plugin broken = new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                throw new UnsupportedOperationException("no");
            }

            @Override
            public void contribute(Contributions contributions) {
            }
        };
        PluginHost host = PluginHost.of(List.of(broken), Set.of());
        assertThat(host.plugins().getFirst().state()).isEqualTo(PluginState.FAILED);
        assertThat(host.plugins().getFirst().id()).contains("PluginHostTest");
    }

    @Test
    void aDuplicateViewIdIsChargedToTheSecondPlugin() {
        PluginHost host = PluginHost.of(List.of(plugin("first", c -> c.view(view("pods"))),
                plugin("second", c -> c.view(view("pods")))), Set.of());
        PluginRecord second = host.plugins().get(1);
        assertThat(second.state()).isEqualTo(PluginState.FAILED);
        assertThat(second.problem()).contains("view id 'pods'").contains("'first'");
    }

    @Test
    void aPluginForAnotherSdkMajorVersionIsIncompatible() {
        Plugin future = new Plugin() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("future", "Future", Version.parse("1.0"), VersionRange.parse("[2.0,3.0)"),
                        Set.of(), "needs SDK 2");
            }

            @Override
            public void contribute(Contributions contributions) {
                throw new AssertionError("must not be called");
            }
        };
        PluginHost host = PluginHost.of(List.of(future), Set.of());
        assertThat(host.plugins().getFirst().state()).isEqualTo(PluginState.INCOMPATIBLE);
        assertThat(host.plugins().getFirst().problem()).contains("[2.0.0,3.0.0)");
    }

    @Test
    void disabledPluginsContributeNothing() {
        PluginHost host = PluginHost.of(List.of(plugin("off", c -> c.view(view("x")))), Set.of("off"));
        assertThat(host.plugins().getFirst().state()).isEqualTo(PluginState.DISABLED);
        assertThat(host.registry().views()).isEmpty();
    }

    @Test
    void aCallbackThatThrowsLaterMarksThePluginFailedAndReturnsTheFallback() {
        PluginHost host = PluginHost.of(List.of(plugin("p", c -> c.command(Command.of("p.cmd", "Cmd", "", ctx -> { })))),
                Set.of());
        List<PluginRecord> changes = new java.util.ArrayList<>();
        host.onChange(changes::add);
        String result = host.guard("p", "creating view x", () -> {
            throw new IllegalStateException("kaput");
        }, "fallback");
        assertThat(result).isEqualTo("fallback");
        assertThat(host.plugins().getFirst().state()).isEqualTo(PluginState.FAILED);
        assertThat(host.plugins().getFirst().problem()).isEqualTo("creating view x threw: IllegalStateException: kaput");
        assertThat(changes).hasSize(1);
    }

    @Test
    void findsResourceKindsAndActionsByName() {
        PluginHost host = PluginHost.of(List.of(), Set.of());
        assertThat(host.registry().resourceKindNamed("po")).isEmpty();
        assertThat(host.registry().action("rollout-restart")).isEmpty();
    }
}
