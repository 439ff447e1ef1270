package dev.pilothouse.core.kube;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthProviderConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Map;
import java.util.Optional;

/**
 * The OIDC tokens of one kubeconfig user entry in the file that defines it. Read again before every refresh (kubectl
 * or a login helper may have renewed them meanwhile) and written back after one, as kubectl does: issuers that rotate
 * refresh tokens (Dex by default, Keycloak and Okta optionally) retire the old one, so a refresh kept only in memory
 * would leave the file with a dead token for kubectl and for our next start.
 *
 * <p>The write changes nothing but the two token values: it replaces their text in place (comments and layout stay),
 * checks that the result parses to exactly the old file with the new tokens, honours kubectl's {@code FILE.lock},
 * keeps the file's permissions and replaces the file atomically (through a symlink, the link's target). When any of that
 * is not possible the new tokens live in memory only, and a warning says so without showing them.
 */
final class OidcTokenFile {

    private static final Logger LOG = LoggerFactory.getLogger(OidcTokenFile.class);
    private static final String ID_TOKEN = "id-token";
    private static final String REFRESH_TOKEN = "refresh-token";

    private final Path file;
    private final String user;

    OidcTokenFile(Path file, String user) {
        this.file = file;
        this.user = user;
    }

    Path file() {
        return file;
    }

    /** The entry's current OIDC settings, empty when the file or the entry is gone or no longer uses oidc. */
    Optional<OidcSettings> read() {
        try {
            return oidcConfig(KubeConfigUtils.parseConfigFromString(Files.readString(file)))
                    .map(config -> OidcSettings.from(config, file));
        } catch (IOException | RuntimeException e) {
            // The class only: a YAML parser's message quotes the offending line, which may hold a token.
            LOG.debug("could not re-read {}: {}", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Replaces the old tokens with the new ones wherever the old values appear as a user's OIDC tokens (entries that
     * were copied from the same login share them, and a rotated refresh token is dead for all of them).
     *
     * @return whether the file now holds the new tokens
     */
    boolean replaceTokens(OidcSettings old, OidcSettings fresh) {
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            warn("it cannot be resolved (" + e.getMessage() + ")");
            return false;
        }
        Path lock = target.resolveSibling(target.getFileName() + ".lock");
        try {
            Files.createFile(lock);
        } catch (FileAlreadyExistsException e) {
            warn("another program holds " + lock + " (kubectl writing it?)");
            return false;
        } catch (IOException e) {
            warn("its lock file cannot be created (" + e.getMessage() + ")");
            return false;
        }
        try {
            String text = Files.readString(target);
            String updated = replace(replace(text, old.refreshToken(), fresh.refreshToken()), old.idToken(), fresh.idToken());
            if (updated.equals(text)) {
                warn("the old tokens are no longer in it");
                return false;
            }
            if (!onlyTokensChanged(text, updated, old, fresh)) {
                warn("its tokens could not be replaced without changing anything else");
                return false;
            }
            writeAtomically(target, updated);
            return true;
        } catch (IOException | RuntimeException e) {
            warn("writing it failed (" + e.getClass().getSimpleName() + ")");
            return false;
        } finally {
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                LOG.warn("could not remove the lock file {}: {}", lock, e.getMessage());
            }
        }
    }

    private static String replace(String text, String oldValue, String newValue) {
        return oldValue.isEmpty() || oldValue.equals(newValue) ? text : text.replace(oldValue, newValue);
    }

    /** Parses both texts and checks that applying the token change to the old one yields exactly the new one. */
    private static boolean onlyTokensChanged(String before, String after, OidcSettings old, OidcSettings fresh) {
        io.fabric8.kubernetes.api.model.Config expected = KubeConfigUtils.parseConfigFromString(before);
        for (NamedAuthInfo named : nullSafe(expected.getUsers())) {
            Map<String, String> config = oidcConfig(named.getUser());
            if (config != null) {
                swap(config, REFRESH_TOKEN, old.refreshToken(), fresh.refreshToken());
                swap(config, ID_TOKEN, old.idToken(), fresh.idToken());
            }
        }
        io.fabric8.kubernetes.api.model.Config actual = KubeConfigUtils.parseConfigFromString(after);
        return expected.equals(actual);
    }

    private static void swap(Map<String, String> config, String key, String oldValue, String newValue) {
        if (!oldValue.isEmpty() && oldValue.equals(config.get(key))) {
            config.put(key, newValue);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            Files.writeString(temp, text);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Optional<Map<String, String>> oidcConfig(io.fabric8.kubernetes.api.model.Config kubeconfig) {
        return nullSafe(kubeconfig.getUsers()).stream()
                .filter(u -> user.equals(u.getName()))
                .findFirst()
                .map(u -> oidcConfig(u.getUser()));
    }

    private static Map<String, String> oidcConfig(AuthInfo auth) {
        AuthProviderConfig provider = auth == null ? null : auth.getAuthProvider();
        return provider != null && OidcSettings.PROVIDER_NAME.equalsIgnoreCase(provider.getName()) ? provider.getConfig()
                : null;
    }

    private void warn(String why) {
        LOG.warn("The renewed OIDC tokens of user '{}' were not written to {}: {}. They are kept in memory; kubectl may "
                + "ask you to log in again.", user, file, why);
    }

    private static <T> java.util.List<T> nullSafe(java.util.List<T> list) {
        return list == null ? java.util.List.of() : list;
    }
}
