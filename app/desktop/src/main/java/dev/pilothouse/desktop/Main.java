package dev.pilothouse.desktop;

import dev.pilothouse.core.plugin.PluginHost;
import dev.pilothouse.core.plugin.PluginRecord;
import dev.pilothouse.core.plugin.PluginState;
import dev.pilothouse.core.plugin.Registered;
import dev.pilothouse.demo.DemoEnvironment;
import dev.pilothouse.demo.DemoOptions;
import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.desktop.builtin.ShellPlugin;
import dev.pilothouse.desktop.builtin.ShellServices;
import dev.pilothouse.desktop.cli.AuditCommand;
import dev.pilothouse.desktop.cli.CommandLine;
import dev.pilothouse.desktop.cli.CommandLineParser;
import dev.pilothouse.desktop.cli.UsageException;
import javafx.application.Application;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The entry point. Headless modes (--version, --help, --list-views, --demo-server) never start the JavaFX toolkit;
 * everything else launches {@link PilothouseApp}. This class must not extend Application: launching a subclass of
 * Application directly fails when JavaFX is on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("audit")) {
            // A headless subcommand: answers before anything of JavaFX is touched, so it runs without a display.
            int status = AuditCommand.forCurrentUser().run(List.of(args).subList(1, args.length));
            System.out.flush();
            System.exit(status);
            return;
        }
        CommandLine cl;
        try {
            cl = CommandLineParser.parse(args);
        } catch (UsageException e) {
            fail(2, e.getMessage());
            return;
        }
        if (cl.help()) {
            System.out.print(CommandLine.usage());
            return;
        }
        if (cl.version()) {
            System.out.println(Versions.line());
            return;
        }
        if (cl.listViews()) {
            listViews();
            return;
        }
        if (cl.demoServer()) {
            runDemoServer(cl.demoServerPort(), cl.writeKubeconfig().orElse(null));
            return;
        }
        PilothouseApp.commandLine = cl;
        Application.launch(PilothouseApp.class);
    }

    /** Prints one line to stderr and exits with the status. */
    static void fail(int status, String message) {
        System.err.println("pilothouse: " + message);
        System.out.flush();
        System.exit(status);
    }

    private static void listViews() {
        PluginHost host = PluginHost.discover(Main.class.getClassLoader(), Set.of(),
                List.of(new ShellPlugin(new ShellServices())));
        for (Registered<dev.pilothouse.sdk.ui.ViewContribution> v : host.registry().views()) {
            System.out.println(v.contribution().id());
        }
        for (PluginRecord r : host.plugins()) {
            if (r.state() == PluginState.FAILED || r.state() == PluginState.INCOMPATIBLE) {
                System.err.println("pilothouse: plugin " + r.id() + " " + r.state().name().toLowerCase() + ": " + r.problem());
            }
        }
    }

    private static void runDemoServer(int port, Path kubeconfig) {
        DemoEnvironment demo;
        try {
            demo = DemoEnvironment.start(new DemoOptions("ml-platform", port, true, DemoOptions.defaults().tick()));
        } catch (RuntimeException e) {
            fail(1, "could not start the demo server on port " + port + ": " + e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "demo-shutdown"));
        for (EmulatedCluster c : demo.clusters()) {
            System.out.println("demo cluster " + c.name() + " listening on " + c.url());
        }
        if (kubeconfig != null) {
            demo.writeKubeconfig(kubeconfig);
            System.out.println("kubeconfig written to " + kubeconfig.toAbsolutePath()
                    + " (contexts demo-prod, demo-staging)");
        }
        System.out.println("Press Ctrl+C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
