package dev.pilothouse.desktop;

import dev.pilothouse.core.action.ActionRunner;

import dev.pilothouse.desktop.builtin.ShellServices;
import dev.pilothouse.desktop.shell.AboutDialog;
import dev.pilothouse.desktop.shell.MainWindow;
import dev.pilothouse.desktop.shell.ShellState;
import dev.pilothouse.desktop.theme.ThemeManager;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.ThemeContribution;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Assembles the window from started services: theme, shell state, main window, scene and shortcuts. Used by the
 * application and by UI tests, so tests exercise exactly what users get.
 *
 * @param window the main window
 * @param themes the theme manager
 * @param state  the shell state
 * @param scene  the scene holding the window
 */
public record Shell(MainWindow window, ThemeManager themes, ShellState state, Scene scene) {

    /**
     * Builds the shell on the FX thread.
     *
     * @param theme    the theme to apply
     * @param remember whether choices (theme, read-only, context, view) are remembered; off for screenshots
     */
    public static Shell create(AppServices services, ShellServices shellServices, Stage stage, ThemeContribution theme,
                               boolean remember) {
        Settings app = services.settings().app();
        ThemeManager themes = new ThemeManager(services.plugins().registry(), app);
        shellServices.bind(services.plugins(), themes, services.settings());
        shellServices.bindMetrics(services.metricsEndpoints());
        themes.apply(theme != null ? theme : themes.remembered(), remember);

        ShellState state = new ShellState(services.isDemo());
        state.readOnly().set(services.commandLine().readOnly() || remember && app.getBoolean("readOnly", false));
        if (remember) {
            state.readOnly().addListener((o, a, b) -> app.put("readOnly", String.valueOf(b)));
        }
        state.activeCluster().set(services.initialContext());
        state.problems().setAll(services.problems());
        services.plugins().start(id -> null);

        ActionRunner actions = new ActionRunner(services.clusters(), services.serviceCalls(),
                () -> state.readOnly().get(), java.time.Clock.systemUTC()).auditedBy(services.actionAudit());
        MainWindow.Backends backends = new MainWindow.Backends(services.clusters(), services.metrics(), services.alerts(),
                actions);
        MainWindow window = new MainWindow(services.plugins(), backends, state, themes,
                app, id -> services.settings().plugin(id), () -> AboutDialog.show(stage, themes));
        Scene scene = new Scene(window);
        themes.register(scene);
        window.installShortcuts(scene);
        return new Shell(window, themes, state, scene);
    }

    /** Themes known to the shell before it is built (for validating --theme early). */
    static ThemeManager themesOf(AppServices services) {
        return new ThemeManager(services.plugins().registry(), services.settings().app());
    }
}
