package dev.pilothouse.desktop.builtin;

import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.testkit.PluginContract;

class ShellPluginContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new ShellPlugin(new ShellServices());
    }

    @Override
    protected boolean discoveredByServiceLoader() {
        return false;
    }
}
