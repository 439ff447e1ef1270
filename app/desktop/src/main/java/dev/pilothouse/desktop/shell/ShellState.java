package dev.pilothouse.desktop.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The shell's UI state, shared by the window's parts and the views' contexts. FX thread only. */
public final class ShellState {

    private final StringProperty activeCluster = new SimpleStringProperty("");
    private final StringProperty namespace = new SimpleStringProperty("");
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final StringProperty currentView = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final boolean demo;

    public ShellState(boolean demo) {
        this.demo = demo;
    }

    public StringProperty activeCluster() {
        return activeCluster;
    }

    public StringProperty namespace() {
        return namespace;
    }

    public BooleanProperty readOnly() {
        return readOnly;
    }

    public StringProperty currentView() {
        return currentView;
    }

    /** Startup and configuration problems shown in the window's banner (kubeconfig, settings, plugins). */
    public ObservableList<String> problems() {
        return problems;
    }

    public boolean demo() {
        return demo;
    }

    public ReadOnlyStringProperty activeClusterReadOnly() {
        return activeCluster;
    }

    public ReadOnlyBooleanProperty readOnlyReadOnly() {
        return readOnly;
    }
}
