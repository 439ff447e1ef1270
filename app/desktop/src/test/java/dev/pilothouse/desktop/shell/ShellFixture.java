package dev.pilothouse.desktop.shell;

import dev.pilothouse.core.settings.AppDirs;
import dev.pilothouse.desktop.AppServices;
import dev.pilothouse.desktop.Shell;
import dev.pilothouse.desktop.builtin.ShellPlugin;
import dev.pilothouse.desktop.builtin.ShellServices;
import dev.pilothouse.desktop.cli.CommandLineParser;
import dev.pilothouse.sdk.Plugin;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the real shell on the demo environment, as the app does, for UI tests. */
public final class ShellFixture implements AutoCloseable {

    private final AppServices services;
    private Shell shell;

    private ShellFixture(AppServices services) {
        this.services = services;
    }

    /** Starts services (demo clusters, plugins) off the FX thread; extra plugins load after the shell's own. */
    public static ShellFixture start(Path dir, List<Plugin> extraPlugins, String... args) throws Exception {
        ShellServices shellServices = new ShellServices();
        List<Plugin> builtIns = new ArrayList<>();
        builtIns.add(new ShellPlugin(shellServices));
        builtIns.addAll(extraPlugins);
        List<String> all = new ArrayList<>(List.of("--demo"));
        all.addAll(List.of(args));
        AppServices services = AppServices.start(CommandLineParser.parse(all.toArray(String[]::new)), AppDirs.under(dir),
                builtIns);
        shellServices.bindDiagnostics(services.selfMetrics(), null);
        ShellFixture fixture = new ShellFixture(services);
        fixture.shellServices = shellServices;
        return fixture;
    }

    private ShellServices shellServices;

    /** Builds the window into the stage; call on the FX thread. */
    public Shell show(Stage stage) {
        if (shell != null) {
            // One shell per test method: the previous one's views (and their timers) go with it.
            shell.window().dispose();
        }
        shell = Shell.create(services, shellServices, stage, null, true);
        stage.setScene(shell.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        shell.window().navigate("fleet");
        stage.show();
        return shell;
    }

    /** Runs a call on the FX thread and returns its result (tests read UI state this way). */
    public static <T> T fx(java.util.concurrent.Callable<T> call) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(call).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    public AppServices services() {
        return services;
    }

    public Shell shell() {
        return shell;
    }

    @Override
    public void close() {
        if (shell != null) {
            shell.window().dispose();
        }
        services.close();
    }
}
