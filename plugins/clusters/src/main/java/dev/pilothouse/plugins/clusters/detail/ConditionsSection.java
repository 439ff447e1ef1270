package dev.pilothouse.plugins.clusters.detail;

import dev.pilothouse.sdk.kube.CellTone;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.DetailContext;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.kit.Formats;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;

import java.time.Instant;
import java.util.List;

/** {@code status.conditions} of any object, worst first: a False Ready says more than a True Initialized. */
public final class ConditionsSection implements DetailSection {

    @Override
    public String id() {
        return "clusters.conditions";
    }

    @Override
    public String title() {
        return "Conditions";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean appliesTo(GroupVersionKind gvk) {
        return true;
    }

    @Override
    public Node create(DetailContext context) {
        return Sections.async(context.object(), "Reading conditions…", ConditionsSection::render);
    }

    static Node render(KubeObject o) {
        List<KubeObject> conditions = o.objects("status", "conditions");
        if (conditions.isEmpty()) {
            return Sections.empty("This object reports no conditions.");
        }
        GridPane grid = new GridPane();
        grid.setId("conditions-grid");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, Sections.heading("Type"), Sections.heading("Status"), Sections.heading("Reason"),
                Sections.heading("Since"), Sections.heading("Message"));
        int row = 1;
        for (KubeObject c : conditions) {
            String status = c.string("status");
            CellTone tone = status.equals("True") ? CellTone.SUCCESS : status.equals("False") ? CellTone.DANGER : CellTone.MUTED;
            // Pressure conditions are healthy when False.
            if (c.string("type").endsWith("Pressure") || c.string("type").equals("NetworkUnavailable")) {
                tone = status.equals("False") ? CellTone.SUCCESS : CellTone.DANGER;
            }
            String since = c.instant("lastTransitionTime").map(t -> Formats.age(t, Instant.now()) + " ago").orElse("");
            grid.addRow(row++, new javafx.scene.control.Label(c.string("type")), Sections.toned(status, tone),
                    new javafx.scene.control.Label(c.string("reason")), Sections.muted(since), Sections.muted(c.string("message")));
        }
        return grid;
    }
}
