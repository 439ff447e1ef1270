package dev.pilothouse.demo.lab;

import io.fabric8.kubernetes.client.internal.CertUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * HTTPS for a lab server: the {@code tls_server_config} of Prometheus' and Alertmanager's {@code --web.config.file}.
 * With a client CA, clients must present a certificate it signed ({@code RequireAndVerifyClientCert}); the launcher's
 * own readiness probe then presents the probe certificate.
 *
 * @param certFile      the server certificate (PEM), valid for 127.0.0.1
 * @param keyFile       its private key (PEM)
 * @param clientCaFile  the CA that client certificates must chain to, or null for no client authentication
 * @param probeCertFile a client certificate for the readiness probe (needed with a client CA)
 * @param probeKeyFile  its private key
 */
public record WebTls(Path certFile, Path keyFile, @Nullable Path clientCaFile, @Nullable Path probeCertFile,
    @Nullable Path probeKeyFile) {

  public WebTls {
    Objects.requireNonNull(certFile, "certFile");
    Objects.requireNonNull(keyFile, "keyFile");
    if (clientCaFile != null && (probeCertFile == null || probeKeyFile == null)) {
      throw new IllegalArgumentException("with a client CA the readiness probe needs a client certificate and key");
    }
  }

  /** HTTPS without client authentication. */
  public static WebTls serverOnly(Path certFile, Path keyFile) {
    return new WebTls(certFile, keyFile, null, null, null);
  }

  /** HTTPS that requires a client certificate signed by {@code clientCaFile}. */
  public static WebTls mutual(Path certFile, Path keyFile, Path clientCaFile, Path probeCertFile, Path probeKeyFile) {
    return new WebTls(certFile, keyFile, clientCaFile, probeCertFile, probeKeyFile);
  }

  /** The web config file's text. */
  String webConfigYaml() {
    StringBuilder yaml = new StringBuilder("tls_server_config:\n")
        .append("  cert_file: ").append(ServerProcess.quote(certFile.toAbsolutePath().toString())).append('\n')
        .append("  key_file: ").append(ServerProcess.quote(keyFile.toAbsolutePath().toString())).append('\n');
    if (clientCaFile != null) {
      yaml.append("  client_ca_file: ").append(ServerProcess.quote(clientCaFile.toAbsolutePath().toString()))
          .append('\n')
          .append("  client_auth_type: \"RequireAndVerifyClientCert\"\n");
    }
    return yaml.toString();
  }

  /**
   * The probe's TLS: it trusts exactly the server's own certificate (it probes its own child on loopback, so no CA is
   * involved) and presents the probe certificate when one is given.
   */
  SSLContext probeContext() {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      try (InputStream in = Files.newInputStream(certFile)) {
        int i = 0;
        for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          trust.setCertificateEntry("server-" + i++, cert);
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      KeyManager[] keyManagers = null;
      if (probeCertFile != null && probeKeyFile != null) {
        char[] password = "probe".toCharArray();
        KeyStore identity = identity(probeCertFile, probeKeyFile, password);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, password);
        keyManagers = kmf.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the lab TLS files " + certFile + " / " + probeCertFile + ": "
          + e.getMessage(), e);
    }
  }

  /** A key store with the certificate and its key; a PKCS#8 key does not say its algorithm, so RSA then EC. */
  private static KeyStore identity(Path certFile, Path keyFile, char[] password)
      throws IOException, GeneralSecurityException {
    String pem = Files.readString(keyFile);
    GeneralSecurityException last = null;
    for (String algorithm : pem.contains("BEGIN EC PRIVATE KEY") ? new String[] {"EC"} : new String[] {"RSA", "EC"}) {
      try (InputStream cert = Files.newInputStream(certFile); InputStream key = Files.newInputStream(keyFile)) {
        return CertUtils.createKeyStore(cert, key, algorithm, password, null, password);
      } catch (GeneralSecurityException e) {
        last = e;
      } catch (IOException | RuntimeException e) {
        last = new GeneralSecurityException(e.getMessage(), e);
      }
    }
    throw last;
  }
}
