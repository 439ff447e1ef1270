package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.sdk.kube.Column;
import dev.pilothouse.sdk.kube.Row;

import java.util.List;

/** A tool a server offers: discovered by kagent, or allowed by a ToolHive filter (then without a description). */
record ToolLine(String name, String description) implements Row {

    static List<Column<ToolLine>> columns() {
        return List.of(
                Column.<ToolLine>builder("tool", "Tool", ToolLine::name).width(240).build(),
                Column.<ToolLine>builder("description", "Description", ToolLine::description).width(560).build());
    }

    @Override
    public String uid() {
        return name;
    }

    @Override
    public String namespace() {
        return "";
    }
}
