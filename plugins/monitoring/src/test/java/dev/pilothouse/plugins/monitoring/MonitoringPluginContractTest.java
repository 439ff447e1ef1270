package dev.pilothouse.plugins.monitoring;

import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.testkit.PluginContract;

class MonitoringPluginContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new MonitoringPlugin();
    }
}
