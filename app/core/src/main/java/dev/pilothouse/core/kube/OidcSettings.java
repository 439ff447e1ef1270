package dev.pilothouse.core.kube;

import java.nio.file.Path;
import java.util.Map;

/**
 * A kubeconfig user's {@code auth-provider: {name: oidc, config: {...}}}, with the keys kubectl's oidc provider reads.
 * Holds secrets: never log or print an instance ({@link #toString()} leaves them out).
 *
 * @param issuer       {@code idp-issuer-url}, empty if missing
 * @param clientId     {@code client-id}, empty if missing
 * @param clientSecret {@code client-secret}, empty for a public client
 * @param idToken      {@code id-token}, empty if missing
 * @param refreshToken {@code refresh-token}, empty if missing
 * @param caFile       {@code idp-certificate-authority} as an absolute path, or null
 * @param caData       {@code idp-certificate-authority-data} (base64 PEM), or null
 */
record OidcSettings(String issuer, String clientId, String clientSecret, String idToken, String refreshToken,
                    Path caFile, String caData) {

    static final String PROVIDER_NAME = "oidc";

    /** Reads the provider's config; a relative {@code idp-certificate-authority} is relative to the kubeconfig file. */
    static OidcSettings from(Map<String, String> config, Path kubeconfigFile) {
        String ca = value(config, "idp-certificate-authority");
        Path caFile = null;
        if (!ca.isEmpty()) {
            caFile = Path.of(ca);
            Path dir = kubeconfigFile.toAbsolutePath().getParent();
            if (!caFile.isAbsolute() && dir != null) {
                caFile = dir.resolve(caFile);
            }
        }
        String caData = value(config, "idp-certificate-authority-data");
        return new OidcSettings(value(config, "idp-issuer-url"), value(config, "client-id"),
                value(config, "client-secret"), value(config, "id-token"), value(config, "refresh-token"), caFile,
                caData.isEmpty() ? null : caData);
    }

    private static String value(Map<String, String> config, String key) {
        String v = config == null ? null : config.get(key);
        return v == null ? "" : v.strip();
    }

    OidcSettings withTokens(String newIdToken, String newRefreshToken) {
        return new OidcSettings(issuer, clientId, clientSecret, newIdToken, newRefreshToken, caFile, caData);
    }

    /** Everything but the id-token: what decides whether a refresh that failed once could succeed now. */
    boolean sameRefreshInputs(OidcSettings other) {
        return issuer.equals(other.issuer) && clientId.equals(other.clientId) && clientSecret.equals(other.clientSecret)
                && refreshToken.equals(other.refreshToken) && java.util.Objects.equals(caFile, other.caFile)
                && java.util.Objects.equals(caData, other.caData);
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", secrets hidden]";
    }
}
