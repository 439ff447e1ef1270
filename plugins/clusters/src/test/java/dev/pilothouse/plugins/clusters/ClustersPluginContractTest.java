package dev.pilothouse.plugins.clusters;

import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.testkit.PluginContract;

class ClustersPluginContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new ClustersPlugin();
    }
}
