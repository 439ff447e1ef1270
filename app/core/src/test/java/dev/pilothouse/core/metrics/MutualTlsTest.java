package dev.pilothouse.core.metrics;

import dev.pilothouse.core.metrics.TestCertificates.KeyFormat;
import dev.pilothouse.core.metrics.TestCertificates.Pem;
import dev.pilothouse.core.metrics.client.PrometheusClient;
import dev.pilothouse.core.metrics.endpoint.Auth;
import dev.pilothouse.core.metrics.endpoint.DirectTransport;
import dev.pilothouse.core.metrics.endpoint.EndpointConfig;
import dev.pilothouse.core.metrics.endpoint.EndpointException;
import dev.pilothouse.demo.lab.PrometheusConfig;
import dev.pilothouse.demo.lab.PrometheusProcess;
import dev.pilothouse.demo.lab.WebTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real Prometheus that requires client certificates (its {@code --web.config.file}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutualTlsTest {

    private Path work;
    private TestCertificates certs;
    private PrometheusProcess prometheus;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("mtls-test");
        certs = new TestCertificates(work, "lab-ca");
        Pem server = certs.server("prometheus");
        Pem probe = certs.client("launcher-probe", KeyFormat.RSA_PKCS8);
        prometheus = PrometheusProcess.start(work, PrometheusConfig.create().webTls(WebTls.mutual(server.certFile(),
                server.keyFile(), certs.caFile(), probe.certFile(), probe.keyFile())));
    }

    @AfterAll
    void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private EndpointConfig config() {
        return EndpointConfig.of(prometheus.url());
    }

    private static EndpointException failure(EndpointConfig config) {
        try (DirectTransport transport = new DirectTransport(config)) {
            new PrometheusClient(transport).query("vector(1)", null).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(EndpointException.class);
            return (EndpointException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the query succeeded");
    }

    @ParameterizedTest
    @EnumSource(KeyFormat.class)
    void aClientCertificateAndTheCaGetAnswers(KeyFormat format) throws Exception {
        Pem client = certs.client("pilothouse-" + format, format);
        EndpointConfig config = config().withCaFile(certs.caFile())
                .withAuth(new Auth.ClientCertificate(client.certFile(), client.keyFile()));
        try (DirectTransport transport = new DirectTransport(config)) {
            assertThat(new PrometheusClient(transport).query("vector(1)", null).get(20, TimeUnit.SECONDS))
                    .singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
        }
    }

    @Test
    void withoutAClientCertificateTheErrorSaysOneIsRequired() {
        EndpointException e = failure(config().withCaFile(certs.caFile()));

        assertThat(e.kind()).isEqualTo(EndpointException.Kind.TLS);
        assertThat(e.getMessage()).isEqualTo(prometheus.url()
                + ": the server requires a client certificate and none was sent (auth type clientCertificate)");
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("other"));
        Pem stranger = new TestCertificates(elsewhere, "other-ca").client("stranger", KeyFormat.RSA_PKCS1);

        EndpointException e = failure(config().withCaFile(certs.caFile())
                .withAuth(new Auth.ClientCertificate(stranger.certFile(), stranger.keyFile())));

        assertThat(e.kind()).isEqualTo(EndpointException.Kind.TLS);
        assertThat(e.getMessage()).contains("refused the client certificate");
    }

    @Test
    void withTheSystemTrustTheServerCertificateIsNotTrusted() throws Exception {
        Pem client = certs.client("no-ca", KeyFormat.RSA_PKCS1);

        EndpointException e = failure(config().withAuth(new Auth.ClientCertificate(client.certFile(), client.keyFile())));

        assertThat(e.kind()).isEqualTo(EndpointException.Kind.TLS);
        assertThat(e.getMessage()).isEqualTo(prometheus.url()
                + ": the server's certificate is not trusted: set caFile to the CA that signed it");
    }

    @Test
    void insecureSkipTlsVerifyAcceptsTheUntrustedServer() throws Exception {
        Pem client = certs.client("insecure", KeyFormat.RSA_PKCS8);
        EndpointConfig config = config().withInsecureSkipTlsVerify(true)
                .withAuth(new Auth.ClientCertificate(client.certFile(), client.keyFile()));
        try (DirectTransport transport = new DirectTransport(config)) {
            assertThat(new PrometheusClient(transport).query("vector(1)", null).get(20, TimeUnit.SECONDS)).hasSize(1);
        }
    }
}
