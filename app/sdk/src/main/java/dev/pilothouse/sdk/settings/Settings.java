package dev.pilothouse.sdk.settings;

import java.util.Optional;

/**
 * A persistent string key-value store. The host keeps one per plugin (keys cannot collide across plugins) in the
 * user's configuration directory, written atomically. Never put secrets here: they would be stored in clear.
 */
public interface Settings {

    /** The stored value, if any. */
    Optional<String> get(String key);

    /** Stores a value; null removes it. Persisted soon after, off the calling thread. */
    void put(String key, String value);

    /** The stored value, or the default. */
    default String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** The stored boolean, or the default. */
    default boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    /** The stored integer, or the default when absent or not a number. */
    default int getInt(String key, int defaultValue) {
        try {
            return get(key).map(String::strip).map(Integer::parseInt).orElse(defaultValue);
        } catch (NumberFormatException e) {
            return defaultValue;
        }
    }
}
