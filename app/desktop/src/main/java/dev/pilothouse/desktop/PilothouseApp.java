package dev.pilothouse.desktop;

import dev.pilothouse.core.diagnostics.SelfMetrics;
import dev.pilothouse.core.settings.AppDirs;
import dev.pilothouse.desktop.builtin.ShellPlugin;
import dev.pilothouse.desktop.builtin.ShellServices;
import dev.pilothouse.desktop.cli.CommandLine;
import dev.pilothouse.desktop.diagnostics.FxPulseProbe;
import dev.pilothouse.desktop.diagnostics.MetricsExporter;
import dev.pilothouse.desktop.shell.MainWindow;
import dev.pilothouse.desktop.theme.ThemeManager;
import dev.pilothouse.sdk.settings.Settings;
import dev.pilothouse.sdk.ui.ThemeContribution;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The JavaFX application. {@link #init()} builds the services off the FX thread (plugins, demo, kubeconfig);
 * {@link #start(Stage)} only builds the window, so the first frame comes quickly.
 */
public final class PilothouseApp extends Application {

    /** Set by {@link Main} before launch: JavaFX constructs the application itself. */
    static volatile CommandLine commandLine;
    /** Where settings live; tests point it elsewhere. */
    static volatile AppDirs dirs = AppDirs.forCurrentUser();

    private AppServices services;
    private ShellServices shellServices;
    private RuntimeException startupFailure;
    private MainWindow window;
    private Stage stage;
    private MetricsExporter exporter;

    @Override
    public void init() {
        try {
            SelfMetrics selfMetrics = new SelfMetrics();
            exporter = serveMetrics(commandLine, selfMetrics);
            shellServices = new ShellServices();
            shellServices.bindDiagnostics(selfMetrics, exporter == null ? null : exporter.url());
            services = AppServices.start(commandLine, dirs, List.of(new ShellPlugin(shellServices)), selfMetrics);
        } catch (RuntimeException e) {
            startupFailure = e;
        }
    }

    /** Serves the metrics when asked to ({@code --metrics-port}); before anything else, so a busy port fails fast. */
    private static MetricsExporter serveMetrics(CommandLine cl, SelfMetrics selfMetrics) {
        if (cl.metricsPort().isEmpty()) {
            return null;
        }
        int port = cl.metricsPort().getAsInt();
        try {
            MetricsExporter exporter = MetricsExporter.start(selfMetrics.registry(), port);
            System.out.println("pilothouse: serving metrics at " + exporter.url());
            return exporter;
        } catch (IOException e) {
            throw new IllegalStateException("could not serve metrics on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void start(Stage primaryStage) {
        if (startupFailure != null) {
            Main.fail(1, "could not start: " + startupFailure.getMessage());
            return;
        }
        this.stage = primaryStage;
        CommandLine cl = services.commandLine();
        Settings app = services.settings().app();
        ThemeManager known = Shell.themesOf(services);
        ThemeContribution theme = known.remembered();
        if (cl.theme().isPresent()) {
            theme = known.find(cl.theme().get()).orElse(null);
            if (theme == null) {
                Main.fail(2, "unknown theme '" + cl.theme().get() + "'; known: "
                        + known.themes().stream().map(ThemeContribution::id).toList());
                return;
            }
        }
        boolean screenshot = cl.screenshot().isPresent();
        Shell shell = Shell.create(services, shellServices, stage, theme, !screenshot);
        window = shell.window();
        Scene scene = shell.scene();
        FxPulseProbe.attach(scene, services.selfMetrics()::pulse);
        services.selfMetrics().trackQueue("fx_flushes", window::pendingFlushes);
        stage.setScene(scene);
        stage.setTitle(services.isDemo() ? "Pilothouse — DEMO (emulated clusters)" : "Pilothouse");
        if (screenshot && cl.width() > 0) {
            stage.setWidth(cl.width());
            stage.setHeight(cl.height());
        } else if (screenshot) {
            stage.setWidth(1440);
            stage.setHeight(900);
        } else {
            WindowBounds.restore(stage, app);
            stage.setOnCloseRequest(e -> WindowBounds.save(stage, app));
        }

        String view = cl.view().orElse(screenshot ? "fleet" : app.get("view", "fleet"));
        if (services.plugins().registry().view(view).isEmpty()) {
            if (cl.view().isPresent()) {
                Main.fail(2, "unknown view '" + view + "' (see --list-views)");
                return;
            }
            view = services.plugins().registry().views().isEmpty() ? ""
                    : services.plugins().registry().views().getFirst().contribution().id();
        }
        if (!view.isEmpty()) {
            window.navigate(view);
        }
        stage.show();
        cl.open().ifPresent(window::open);

        if (screenshot) {
            Screenshot.takeWhenReady(scene, window::currentViewReady, cl.screenshot().get(), Duration.ofSeconds(60),
                    Math.max(cl.open().isPresent() ? 120 : 6, screenshotSettleFrames()),
                    (status, message) -> {
                        System.out.println(message);
                        exit(status);
                    });
        }
    }

    private void exit(int status) {
        Platform.exit();
        // Close services here, not in stop(): exiting with a status must not wait for JavaFX shutdown order.
        closeServices();
        System.exit(status);
    }

    /**
     * PILOTHOUSE_SCREENSHOT_SETTLE=SECONDS keeps the app running that long after the view is ready before the
     * screenshot (about 60 frames a second), e.g. to let the demo's alerts fire for documentation screenshots.
     */
    private static int screenshotSettleFrames() {
        String value = System.getenv("PILOTHOUSE_SCREENSHOT_SETTLE");
        try {
            return value == null ? 0 : Math.min(600, Integer.parseInt(value.strip())) * 60;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void stop() {
        if (stage != null && commandLine != null && commandLine.screenshot().isEmpty()) {
            WindowBounds.save(stage, services.settings().app());
        }
        closeServices();
        System.exit(0);
    }

    private synchronized void closeServices() {
        if (exporter != null) {
            exporter.close();
            exporter = null;
        }
        if (window != null) {
            window.dispose();
            window = null;
        }
        if (services != null) {
            services.close();
            services = null;
        }
    }
}
