package dev.pilothouse.sdk.ui;

/** Sections of the sidebar, in display order. */
public enum NavSection {
    OVERVIEW("Overview"),
    CLUSTER("Cluster"),
    ML("ML platform"),
    OBSERVE("Alerts & metrics"),
    OPERATE("Operate"),
    APP("Pilothouse");

    private final String title;

    NavSection(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
