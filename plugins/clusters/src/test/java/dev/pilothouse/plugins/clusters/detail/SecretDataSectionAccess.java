package dev.pilothouse.plugins.clusters.detail;

/** Test access to package-private helpers of the detail sections. */
public final class SecretDataSectionAccess {

    private SecretDataSectionAccess() {
    }

    public static String decode(String base64) {
        return SecretDataSection.decode(base64);
    }
}
