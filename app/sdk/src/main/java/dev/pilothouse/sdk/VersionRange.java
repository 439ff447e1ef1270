package dev.pilothouse.sdk;

import java.util.Objects;

/**
 * A half-open range of versions {@code [min, maxExclusive)}, written like Maven ranges: {@code [1.0,2.0)}.
 *
 * @param min          lowest version included
 * @param maxExclusive first version not included
 */
public record VersionRange(Version min, Version maxExclusive) {

    public VersionRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(maxExclusive, "maxExclusive");
        if (min.compareTo(maxExclusive) >= 0) {
            throw new IllegalArgumentException("empty version range [" + min + "," + maxExclusive + ")");
        }
    }

    /** Every version from {@code version} up to, not including, the next major version. */
    public static VersionRange compatibleWith(Version version) {
        return new VersionRange(version, new Version(version.major() + 1, 0, 0));
    }

    /** Parses {@code [1.0,2.0)}. */
    public static VersionRange parse(String text) {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith(")") || !t.contains(",")) {
            throw new IllegalArgumentException("version range must look like [1.0,2.0), was '" + text + "'");
        }
        String[] parts = t.substring(1, t.length() - 1).split(",", -1);
        return new VersionRange(Version.parse(parts[0]), Version.parse(parts[1]));
    }

    /** Whether the version lies in this range. */
    public boolean contains(Version version) {
        return version.compareTo(min) >= 0 && version.compareTo(maxExclusive) < 0;
    }

    @Override
    public String toString() {
        return "[" + min + "," + maxExclusive + ")";
    }
}
