package dev.pilothouse.plugins.clusters.events;

import dev.pilothouse.plugins.clusters.kinds.EventKind;
import dev.pilothouse.plugins.clusters.kinds.EventRow;
import dev.pilothouse.plugins.clusters.table.KindTableView;
import dev.pilothouse.sdk.action.ActionTarget;
import dev.pilothouse.sdk.ui.ViewContext;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.List;

/**
 * Events, warnings first, as a table or grouped by the object they concern ("Group by object", Alt+G; remembered
 * like the view's filter and sort). The groups follow the same namespace and text filter as the table.
 */
public final class EventsView extends KindTableView<EventRow> {

    static final String GROUP_SETTING = "events.groupByObject";
    /**
     * Handled by the view rather than as the button's mnemonic: a mnemonic on a toggle button only fires its action,
     * without toggling it.
     */
    private static final KeyCombination GROUP_KEY = new KeyCodeCombination(KeyCode.G, KeyCombination.ALT_DOWN);

    private final ToggleButton groupByObject = new ToggleButton("Group by object");
    private final GroupedEventsTree tree = new GroupedEventsTree(this::openEvent);

    public EventsView(ViewContext context) {
        super(context, "events", "Events", "events", List.of(EventKind.kind()), "type");
        groupByObject.setId("events-group-by-object");
        groupByObject.setMnemonicParsing(false);
        groupByObject.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        groupByObject.setTooltip(new Tooltip("One line per involved object, its events under it (Alt+G)"));
        groupByObject.setSelected(context.settings().getBoolean(GROUP_SETTING, false));
        groupByObject.selectedProperty().addListener((o, was, grouped) -> {
            context.settings().put(GROUP_SETTING, String.valueOf(grouped));
            showGrouping();
        });
        addToHeader(groupByObject);
        node().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (GROUP_KEY.match(e)) {
                groupByObject.setSelected(!groupByObject.isSelected());
                e.consume();
            }
        });
        // The shown rows change at most once per frame (live rows are applied in bulk): regroup then, if grouped.
        shownRows().addListener((ListChangeListener<EventRow>) c -> {
            if (groupByObject.isSelected()) {
                tree.show(shownRows());
            }
        });
        showGrouping();
    }

    private void showGrouping() {
        if (groupByObject.isSelected()) {
            tree.show(shownRows());
            showInsteadOfTable(tree.node());
        } else {
            showInsteadOfTable(null);
        }
    }

    private void openEvent(EventRow row) {
        context().ui().showDetail(new ActionTarget(context().activeCluster().get(), EventKind.GVK, row.namespace(),
                row.name()));
    }

    @Override
    public void activate() {
        if (groupByObject.isSelected()) {
            tree.node().requestFocus();
        } else {
            super.activate();
        }
    }
}
