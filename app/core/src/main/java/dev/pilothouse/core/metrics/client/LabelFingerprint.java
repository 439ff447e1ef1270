package dev.pilothouse.core.metrics.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fingerprint Prometheus and Alertmanager give a label set (FNV-1a 64 over the sorted names and values, each
 * followed by a 0xff separator, printed as 16 hex digits). Computing the same one for alerts Alertmanager has not
 * seen (pending ones) keeps an alert's identity when it starts firing.
 */
public final class LabelFingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final int SEPARATOR = 0xff;

    private LabelFingerprint() {
    }

    /** The fingerprint of a label set. */
    public static String of(Map<String, String> labels) {
        long hash = OFFSET;
        for (var label : new TreeMap<>(labels).entrySet()) {
            hash = add(hash, label.getKey());
            hash = addByte(hash, SEPARATOR);
            hash = add(hash, label.getValue());
            hash = addByte(hash, SEPARATOR);
        }
        return String.format("%016x", hash);
    }

    private static long add(long hash, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash = addByte(hash, b & 0xff);
        }
        return hash;
    }

    private static long addByte(long hash, int b) {
        return (hash ^ b) * PRIME;
    }
}
