package dev.pilothouse.desktop.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/** Parses arguments strictly: anything unknown or malformed is a {@link UsageException} with one clear line. */
public final class CommandLineParser {

    private CommandLineParser() {
    }

    public static CommandLine parse(String... args) throws UsageException {
        boolean demo = false, readOnly = false, listViews = false, version = false, help = false;
        String kubeconfig = null, context = null, view = null, theme = null, open = null;
        Path screenshot = null, writeKubeconfig = null;
        int width = 0, height = 0, demoServer = -1, metricsPort = -1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String inlineValue = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inlineValue = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            switch (arg) {
                case "--demo" -> demo = flag(arg, inlineValue);
                case "--read-only" -> readOnly = flag(arg, inlineValue);
                case "--list-views" -> listViews = flag(arg, inlineValue);
                case "--version" -> version = flag(arg, inlineValue);
                case "--help", "-h" -> help = flag(arg, inlineValue);
                case "--kubeconfig" -> kubeconfig = value(args, inlineValue == null ? ++i : -1, arg, "a file", inlineValue);
                case "--context" -> context = value(args, inlineValue == null ? ++i : -1, arg, "a context name", inlineValue);
                case "--view" -> view = value(args, inlineValue == null ? ++i : -1, arg, "a view id", inlineValue);
                case "--open" -> {
                    open = value(args, inlineValue == null ? ++i : -1, arg, "an object like pod/NAMESPACE/NAME", inlineValue);
                    if (open.split("#", 2)[0].split("/").length < 2) {
                        throw new UsageException("--open needs KIND/NAMESPACE/NAME or KIND/NAME, was '" + open + "'");
                    }
                }
                case "--theme" -> theme = value(args, inlineValue == null ? ++i : -1, arg, "a theme id", inlineValue);
                case "--screenshot" -> screenshot = Path.of(value(args, inlineValue == null ? ++i : -1, arg, "a PNG file", inlineValue));
                case "--write-kubeconfig" -> writeKubeconfig = Path.of(value(args, inlineValue == null ? ++i : -1, arg, "a file", inlineValue));
                case "--size" -> {
                    String size = value(args, inlineValue == null ? ++i : -1, arg, "a size like 1440x900", inlineValue);
                    int[] wh = size(size);
                    width = wh[0];
                    height = wh[1];
                }
                case "--demo-server" -> demoServer = port(arg, value(args, inlineValue == null ? ++i : -1, arg, "a port", inlineValue), 65534);
                case "--metrics-port" -> metricsPort = port(arg, value(args, inlineValue == null ? ++i : -1, arg, "a port", inlineValue), 65535);
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + arg + " (see --help)"
                        : "unexpected argument '" + arg + "' (see --help)");
            }
        }
        if (writeKubeconfig != null && demoServer < 0) {
            throw new UsageException("--write-kubeconfig only works with --demo-server PORT");
        }
        if ((width > 0) && screenshot == null) {
            throw new UsageException("--size only works with --screenshot FILE");
        }
        if (metricsPort >= 0 && demoServer >= 0) {
            throw new UsageException("--metrics-port serves the console's metrics; it does not work with --demo-server");
        }
        if (demo && kubeconfig != null) {
            throw new UsageException("--demo and --kubeconfig exclude each other");
        }
        if (screenshot != null && !screenshot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UsageException("--screenshot writes PNG files; name it *.png, was '" + screenshot + "'");
        }
        return new CommandLine(demo, Optional.ofNullable(kubeconfig), Optional.ofNullable(context), readOnly,
                Optional.ofNullable(screenshot), Optional.ofNullable(view), width, height, Optional.ofNullable(theme),
                listViews, demoServer, Optional.ofNullable(writeKubeconfig), version, help, Optional.ofNullable(open),
                metricsPort < 0 ? OptionalInt.empty() : OptionalInt.of(metricsPort));
    }

    private static boolean flag(String name, String inlineValue) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException(name + " takes no value");
        }
        return true;
    }

    private static String value(String[] args, int index, String name, String what, String inlineValue)
            throws UsageException {
        String v = inlineValue != null ? inlineValue : index >= 0 && index < args.length ? args[index] : null;
        if (v == null || v.isBlank() || (inlineValue == null && v.startsWith("--"))) {
            throw new UsageException(name + " needs " + what);
        }
        return v;
    }

    private static int[] size(String text) throws UsageException {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].strip());
                int h = Integer.parseInt(parts[1].strip());
                if (w >= 320 && h >= 240 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--size must look like 1440x900 (320x240 to 8192x8192), was '" + text + "'");
    }

    /** @param max the highest port allowed (the demo server also takes the next one) */
    private static int port(String option, String text, int max) throws UsageException {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= max) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a port between 0 and " + max + ", was '" + text + "'");
    }
}
