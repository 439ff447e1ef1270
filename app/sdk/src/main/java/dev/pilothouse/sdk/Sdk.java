package dev.pilothouse.sdk;

/** Facts about this SDK build. */
public final class Sdk {

    /**
     * The SDK version. The major part changes when a published type changes incompatibly; the exported-surface test
     * fails when the surface changes without a bump here.
     */
    public static final Version VERSION = Version.parse("1.0.0");

    private Sdk() {
    }
}
