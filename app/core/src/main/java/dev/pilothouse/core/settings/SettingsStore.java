package dev.pilothouse.core.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pilothouse.sdk.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Settings persisted as one JSON file ({@code settings.json} in the config directory): a flat map of string keys,
 * {@code app.*} for the shell and {@code plugin.<id>.*} for each plugin. Writes are debounced, go to a temporary file
 * and are moved into place atomically, so a crash never leaves a half-written file. A corrupt file is kept aside as
 * {@code settings.json.broken} and reported, never silently overwritten.
 */
public final class SettingsStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer;
    private final String loadProblem;
    private ScheduledFuture<?> pendingWrite;

    private SettingsStore(Path file, Map<String, String> initial, String loadProblem) {
        this.file = file;
        this.values.putAll(initial);
        this.loadProblem = loadProblem;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settings-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (or starts) the settings file in the given directory. */
    public static SettingsStore open(Path configDir) {
        Path file = configDir.resolve("settings.json");
        if (!Files.exists(file)) {
            return new SettingsStore(file, Map.of(), "");
        }
        try {
            Map<String, String> loaded = JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
            return new SettingsStore(file, loaded == null ? Map.of() : loaded, "");
        } catch (IOException e) {
            Path broken = file.resolveSibling("settings.json.broken");
            String problem = file + ": not valid settings JSON (" + firstLine(e.getMessage()) + "); kept as " + broken
                    + " and started with defaults";
            try {
                Files.move(file, broken, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailure) {
                problem = file + ": not valid settings JSON and could not be moved aside: " + moveFailure.getMessage();
            }
            LOG.warn(problem);
            return new SettingsStore(file, Map.of(), problem);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A problem met while loading, for the UI to show; empty when none. */
    public String loadProblem() {
        return loadProblem;
    }

    /** The file behind this store. */
    public Path file() {
        return file;
    }

    /** The shell's own settings ({@code app.*}). */
    public Settings app() {
        return scoped("app.");
    }

    /** A plugin's private settings ({@code plugin.<id>.*}). */
    public Settings plugin(String pluginId) {
        return scoped("plugin." + pluginId + ".");
    }

    private Settings scoped(String prefix) {
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(prefix + key));
            }

            @Override
            public void put(String key, String value) {
                if (value == null) {
                    values.remove(prefix + key);
                } else {
                    values.put(prefix + key, value);
                }
                scheduleWrite();
            }
        };
    }

    private synchronized void scheduleWrite() {
        if (pendingWrite != null) {
            pendingWrite.cancel(false);
        }
        pendingWrite = writer.schedule(this::writeNow, 300, TimeUnit.MILLISECONDS);
    }

    /** Writes the file now (also called on close). */
    public synchronized void flush() {
        if (pendingWrite != null) {
            pendingWrite.cancel(false);
            pendingWrite = null;
        }
        writeNow();
    }

    private synchronized void writeNow() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), new TreeMap<>(values));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
        writer.shutdown();
    }
}
