package dev.pilothouse.desktop;

import dev.pilothouse.sdk.Sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of Pilothouse and what it runs on, for --version and the About dialog. Filled in by the build. */
public final class Versions {

    private static final Properties BUILD = load();

    private Versions() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Versions are informational; "unknown" is shown instead.
        }
        return p;
    }

    public static String pilothouse() {
        return BUILD.getProperty("pilothouse", "unknown");
    }

    /** Name and version of each component, in display order. */
    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("Pilothouse", pilothouse());
        v.put("Plugin SDK", Sdk.VERSION.toString());
        v.put("Java", System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor", "") + ")");
        v.put("JavaFX", BUILD.getProperty("javafx", "unknown"));
        v.put("AtlantaFX", BUILD.getProperty("atlantafx", "unknown"));
        v.put("ControlsFX", BUILD.getProperty("controlsfx", "unknown"));
        v.put("Fabric8 Kubernetes client", BUILD.getProperty("fabric8", "unknown"));
        v.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return v;
    }

    /** The one line --version prints. */
    public static String line() {
        return "Pilothouse " + pilothouse() + " (SDK " + Sdk.VERSION + ", Java " + System.getProperty("java.version")
                + ", JavaFX " + BUILD.getProperty("javafx", "unknown") + ")";
    }
}
