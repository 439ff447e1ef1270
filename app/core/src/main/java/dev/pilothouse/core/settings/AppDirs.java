package dev.pilothouse.core.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Pilothouse keeps its files, following each platform's convention: XDG base directories on Linux,
 * {@code ~/Library/Application Support} on macOS, {@code %APPDATA%} and {@code %LOCALAPPDATA%} on Windows.
 *
 * @param config settings
 * @param data   audit log, runbook clones, run state
 * @param cache  disposable caches
 */
public record AppDirs(Path config, Path data, Path cache) {

    private static final String APP = "pilothouse";

    /** The directories for this user and platform. */
    public static AppDirs forCurrentUser() {
        return resolve(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    /** Resolves the directories for the given platform, home and environment (testable without touching the real ones). */
    static AppDirs resolve(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            Path support = home.resolve("Library/Application Support/Pilothouse");
            return new AppDirs(support, support, home.resolve("Library/Caches/Pilothouse"));
        }
        if (os.contains("win")) {
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData/Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData/Local"));
            return new AppDirs(roaming.resolve("Pilothouse"), local.resolve("Pilothouse"),
                    local.resolve("Pilothouse/Cache"));
        }
        return new AppDirs(
                envPath(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP),
                envPath(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve(APP),
                envPath(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP));
    }

    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // The XDG spec says relative values are invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }

    /** The same layout under one root, for tests and portable installs. */
    public static AppDirs under(Path root) {
        return new AppDirs(root.resolve("config"), root.resolve("data"), root.resolve("cache"));
    }
}
