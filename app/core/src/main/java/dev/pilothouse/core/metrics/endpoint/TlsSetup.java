package dev.pilothouse.core.metrics.endpoint;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The SSL context of a direct endpoint: its CA file (or the system's trust), its client certificate. */
final class TlsSetup {

    private TlsSetup() {
    }

    /**
     * Builds the context.
     *
     * @throws IllegalArgumentException naming the file that cannot be used
     */
    static SSLContext sslContext(EndpointConfig config) {
        try {
            KeyManager[] keys = null;
            if (config.auth() instanceof Auth.ClientCertificate cert) {
                KeyStore identity = PemFiles.identity(cert.certFile(), cert.keyFile());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(identity, PemFiles.PASSWORD);
                keys = kmf.getKeyManagers();
            }
            TrustManager[] trust = null;
            if (config.insecureSkipTlsVerify()) {
                trust = new TrustManager[] {new TrustEverything()};
            } else if (config.caFile() != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(PemFiles.trustStore(config.caFile()));
                trust = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * Accepts any server certificate and host name: only for {@code insecureSkipTlsVerify}, which the user sets
     * explicitly for a server they cannot get a CA for.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
