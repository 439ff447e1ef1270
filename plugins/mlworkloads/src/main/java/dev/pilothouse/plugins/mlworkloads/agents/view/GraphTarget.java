package dev.pilothouse.plugins.mlworkloads.agents.view;

import dev.pilothouse.plugins.mlworkloads.agents.AgentRow;
import dev.pilothouse.plugins.mlworkloads.fleet.Located;
import dev.pilothouse.sdk.action.ActionTarget;

/** What a box of the agents graph stands for, so opening it does the right thing. */
public sealed interface GraphTarget {

    /** An agent or server of the list: opens its page. */
    record Listed(Located<AgentRow> row) implements GraphTarget {
    }

    /** A reference to something that does not exist: there is nothing to open, only the explanation. */
    record Missing(String explanation) implements GraphTarget {
    }

    /** A Service used as a tool server, which this view does not check: the detail pane shows it. */
    record Unchecked(ActionTarget target) implements GraphTarget {
    }
}
