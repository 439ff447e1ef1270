package dev.pilothouse.plugins.mlworkloads;

import dev.pilothouse.sdk.Plugin;
import dev.pilothouse.testkit.PluginContract;

class MlWorkloadsPluginContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new MlWorkloadsPlugin();
    }
}
