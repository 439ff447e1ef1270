package dev.pilothouse.core.metrics.endpoint;

import java.nio.file.Path;
import java.util.Objects;

/** How requests to an endpoint authenticate. */
public sealed interface Auth {

    /** No authentication. */
    record None() implements Auth {
    }

    /** {@code Authorization: Bearer <token>}, the usual for OAuth proxies and Grafana Cloud / Mimir gateways. */
    record Bearer(Secret token) implements Auth {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }
    }

    /** HTTP basic authentication. */
    record Basic(String user, Secret password) implements Auth {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * A TLS client certificate (mutual TLS).
     *
     * @param certFile the certificate (PEM, optionally followed by its chain)
     * @param keyFile  its private key (PEM: PKCS#1 or PKCS#8 RSA, SEC1 or PKCS#8 EC)
     */
    record ClientCertificate(Path certFile, Path keyFile) implements Auth {
        public ClientCertificate {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
        }
    }

    /** No authentication. */
    static Auth none() {
        return new None();
    }
}
