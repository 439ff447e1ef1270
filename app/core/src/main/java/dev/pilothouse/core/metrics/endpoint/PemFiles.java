package dev.pilothouse.core.metrics.endpoint;

import io.fabric8.kubernetes.client.internal.CertUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/** Key and trust stores from PEM files, with messages that say which file is wrong and how. */
final class PemFiles {

    /** The password of in-memory key stores; they never touch a disk. */
    static final char[] PASSWORD = "pilothouse".toCharArray();

    private PemFiles() {
    }

    /**
     * The certificates of a PEM file.
     *
     * @throws IllegalArgumentException "file X not found" or "X holds no PEM certificate"
     */
    static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no PEM certificate");
            }
            return certs;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file " + file + " not found", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("file " + file + " is not readable: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds no valid PEM certificate: " + e.getMessage(), e);
        }
    }

    /** A trust store holding exactly the certificates of a PEM file. */
    static KeyStore trustStore(Path caFile) {
        List<X509Certificate> certs = certificates(caFile);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("ca-" + i, certs.get(i));
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store: " + e.getMessage(), e);
        }
    }

    /**
     * A key store with a client certificate and its key. A PKCS#8 key ({@code BEGIN PRIVATE KEY}) does not name its
     * algorithm in the PEM header, so RSA is tried, then EC.
     *
     * @throws IllegalArgumentException naming the file that is missing or not a usable key
     */
    static KeyStore identity(Path certFile, Path keyFile) {
        certificates(certFile);
        String pem;
        try {
            pem = Files.readString(keyFile);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file " + keyFile + " not found", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("file " + keyFile + " is not readable: " + e.getMessage(), e);
        }
        if (!pem.contains("PRIVATE KEY-----")) {
            throw new IllegalArgumentException(keyFile + " is not a PEM private key");
        }
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException(keyFile + " is an encrypted private key; decrypt it first");
        }
        List<String> algorithms = pem.contains("BEGIN RSA PRIVATE KEY") ? List.of("RSA")
                : pem.contains("BEGIN EC PRIVATE KEY") ? List.of("EC") : List.of("RSA", "EC");
        Exception last = null;
        for (String algorithm : algorithms) {
            try (InputStream cert = Files.newInputStream(certFile); InputStream key = Files.newInputStream(keyFile)) {
                return CertUtils.createKeyStore(cert, key, algorithm, PASSWORD, null, PASSWORD);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalArgumentException(keyFile + " is not a usable RSA or EC private key (PKCS#1, SEC1 or PKCS#8): "
                + (last == null ? "" : last.getMessage()), last);
    }
}
