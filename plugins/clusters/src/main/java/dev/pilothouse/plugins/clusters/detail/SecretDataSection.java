package dev.pilothouse.plugins.clusters.detail;

import dev.pilothouse.plugins.clusters.kinds.ConfigKinds;
import dev.pilothouse.sdk.kube.GroupVersionKind;
import dev.pilothouse.sdk.kube.KubeObject;
import dev.pilothouse.sdk.ui.DetailContext;
import dev.pilothouse.sdk.ui.DetailSection;
import dev.pilothouse.sdk.ui.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Secret's values, masked until the user reveals one key at a time. Decoded values live only in the text field
 * while revealed; they are never logged or stored.
 */
public final class SecretDataSection implements DetailSection {

    static final String MASK = "••••••••";

    @Override
    public String id() {
        return "clusters.secret-data";
    }

    @Override
    public String title() {
        return "Data";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public boolean appliesTo(GroupVersionKind gvk) {
        return gvk.sameGroupKind(ConfigKinds.SECRET);
    }

    @Override
    public Node create(DetailContext context) {
        return Sections.async(context.object(), "Reading keys…", SecretDataSection::render);
    }

    static Node render(KubeObject secret) {
        Map<String, String> data = new TreeMap<>(secret.stringMap("data"));
        if (data.isEmpty()) {
            return Sections.empty("This secret holds no data.");
        }
        GridPane grid = new GridPane();
        grid.setId("secret-data");
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> e : data.entrySet()) {
            TextField value = new TextField(MASK);
            value.setEditable(false);
            value.getStyleClass().add(Styles.MONO);
            GridPane.setHgrow(value, Priority.ALWAYS);
            ToggleButton reveal = new ToggleButton("Reveal");
            reveal.setId("reveal-" + e.getKey());
            reveal.selectedProperty().addListener((o, was, shown) -> {
                value.setText(shown ? decode(e.getValue()) : MASK);
                reveal.setText(shown ? "Hide" : "Reveal");
            });
            grid.addRow(row++, new Label(e.getKey()), value, reveal);
        }
        return grid;
    }

    /** The decoded value, or a note when it is not valid base64 or not text. */
    static String decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\t' || c == '\r') ? text
                    : "(" + bytes.length + " bytes of binary data)";
        } catch (IllegalArgumentException notBase64) {
            return "(not valid base64)";
        }
    }
}
