package dev.pilothouse.sdk;

import java.util.Objects;
import java.util.Set;

/**
 * Identity and requirements of a plugin.
 *
 * @param id          stable, unique, lower-case id such as {@code clusters}
 * @param name        human-readable name shown on the Plugins page
 * @param version     the plugin's own version
 * @param sdkVersions the SDK versions the plugin works with; the host refuses a plugin whose range excludes {@link Sdk#VERSION}
 * @param permissions what the plugin may do, shown to the user before a third-party plugin is enabled
 * @param description one sentence on what the plugin adds
 */
public record PluginDescriptor(String id, String name, Version version, VersionRange sdkVersions,
                               Set<Permission> permissions, String description) {

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("plugin id must be lower-case words separated by '-' or '.', was '" + id + "'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sdkVersions, "sdkVersions");
        permissions = Set.copyOf(permissions);
        description = description == null ? "" : description;
    }

    /** A descriptor for a plugin built against the current SDK major version. */
    public static PluginDescriptor of(String id, String name, String version, String description, Permission... permissions) {
        return new PluginDescriptor(id, name, Version.parse(version), VersionRange.compatibleWith(Sdk.VERSION),
                Set.of(permissions), description);
    }
}
