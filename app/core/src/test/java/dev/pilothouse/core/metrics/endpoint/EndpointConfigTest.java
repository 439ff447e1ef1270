package dev.pilothouse.core.metrics.endpoint;

import dev.pilothouse.core.metrics.TestCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading endpoint settings: defaults, every auth mode, and errors that name the field. */
class EndpointConfigTest {

    private static final UnaryOperator<String> ENV = name -> name.equals("PROM_TOKEN") ? "s3cret" : null;

    @TempDir
    Path dir;
    private Path tokenFile;

    @BeforeEach
    void files() throws Exception {
        tokenFile = Files.writeString(dir.resolve("token"), "file-token\n");
    }

    private EndpointConfig parse(Map<String, ?> settings) {
        return EndpointConfig.parse("prometheus", settings, ENV);
    }

    @Test
    void aBareUrlGetsTheDefaults() {
        EndpointConfig config = parse(Map.of("url", "https://thanos.example.com/prefix/"));

        assertThat(config.url()).hasToString("https://thanos.example.com/prefix");
        assertThat(config.auth()).isInstanceOf(Auth.None.class);
        assertThat(config.insecureSkipTlsVerify()).isFalse();
        assertThat(config.caFile()).isNull();
        assertThat(config.tenant()).isEmpty();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.maxResponseBytes()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void nestedSettingsReadEveryField() {
        EndpointConfig config = parse(Map.of(
                "url", "http://mimir:8080/prometheus",
                "auth", Map.of("type", "bearer", "tokenEnv", "PROM_TOKEN"),
                "tenant", "team-ml",
                "timeout", "2500ms",
                "maxResponseBytes", "8MiB",
                "insecureSkipTlsVerify", "true"));

        assertThat(config.auth()).isEqualTo(new Auth.Bearer(new Secret.FromEnv("PROM_TOKEN")));
        assertThat(config.tenant()).isEqualTo("team-ml");
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.maxResponseBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(config.insecureSkipTlsVerify()).isTrue();
    }

    @Test
    void flatKeysReadLikeNestedOnes() {
        EndpointConfig config = parse(Map.of("url", "http://p:9090", "auth.type", "basic", "auth.user", "ops",
                "auth.passwordFile", tokenFile.toString(), "timeout", 3));

        assertThat(config.auth()).isEqualTo(new Auth.Basic("ops", new Secret.FromFile(tokenFile)));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theAuthTypeIsInferredFromItsKeys() {
        assertThat(parse(Map.of("url", "http://p:9090", "auth", Map.of("tokenFile", tokenFile.toString()))).auth())
                .isEqualTo(new Auth.Bearer(new Secret.FromFile(tokenFile)));
    }

    @ParameterizedTest
    @EnumSource(TestCertificates.KeyFormat.class)
    void clientCertificatesLoadInEveryKeyFormat(TestCertificates.KeyFormat format) throws Exception {
        TestCertificates certs = new TestCertificates(dir, "ca");
        TestCertificates.Pem client = certs.client("client-" + format, format);

        EndpointConfig config = parse(Map.of("url", "https://p:9090", "caFile", certs.caFile().toString(),
                "auth", Map.of("type", "clientCertificate", "certFile", client.certFile().toString(),
                        "keyFile", client.keyFile().toString())));

        assertThat(config.auth()).isEqualTo(new Auth.ClientCertificate(client.certFile(), client.keyFile()));
        assertThat(config.caFile()).isEqualTo(certs.caFile());
    }

    @Test
    void secretsNeverShowInToString() {
        EndpointConfig config = parse(Map.of("url", "http://p:9090", "auth", Map.of("tokenEnv", "PROM_TOKEN")));

        assertThat(config.toString()).doesNotContain("s3cret").contains("PROM_TOKEN");
    }

    static Stream<Object[]> invalid() {
        return Stream.of(
                new Object[] {Map.of(), "prometheus.url: is required"},
                new Object[] {Map.of("url", "ftp://p"), "prometheus.url: URL must start with http:// or https://"},
                new Object[] {Map.of("url", "http://user:pw@p:9090"), "prometheus.url: URL must not carry credentials"},
                new Object[] {Map.of("url", "http://p:9090", "auth", Map.of("tokenFile", "/no/such/token")),
                    "prometheus.auth.tokenFile: file /no/such/token not found"},
                new Object[] {Map.of("url", "http://p:9090", "auth", Map.of("tokenEnv", "UNSET_VARIABLE")),
                    "prometheus.auth.tokenEnv: environment variable UNSET_VARIABLE is not set"},
                new Object[] {Map.of("url", "http://p:9090", "auth", Map.of("type", "bearer")),
                    "prometheus.auth: set exactly one of tokenFile and tokenEnv"},
                new Object[] {Map.of("url", "http://p:9090", "auth", Map.of("type", "kerberos")),
                    "prometheus.auth.type: must be none, bearer, basic or clientCertificate"},
                new Object[] {Map.of("url", "http://p:9090", "auth", Map.of("type", "basic", "passwordEnv", "PROM_TOKEN")),
                    "prometheus.auth.user: is required"},
                new Object[] {Map.of("url", "http://p:9090", "auth", Map.of("type", "clientCertificate",
                        "certFile", "/no/cert", "keyFile", "/no/key")), "prometheus.auth: a client certificate needs an https URL"},
                new Object[] {Map.of("url", "https://p:9090", "auth", Map.of("type", "clientCertificate",
                        "certFile", "/no/cert", "keyFile", "/no/key")), "prometheus.auth.certFile: file /no/cert not found"},
                new Object[] {Map.of("url", "http://p:9090", "timeout", "soon"), "prometheus.timeout: must be a duration"},
                new Object[] {Map.of("url", "http://p:9090", "timeout", "0s"), "prometheus.timeout: must be positive"},
                new Object[] {Map.of("url", "http://p:9090", "maxResponseBytes", "lots"), "prometheus.maxResponseBytes: must be a size"},
                new Object[] {Map.of("url", "http://p:9090", "insecureSkipTlsVerify", "maybe"),
                    "prometheus.insecureSkipTlsVerify: must be true or false"},
                new Object[] {Map.of("url", "http://p:9090", "tenat", "x"), "prometheus.tenat: unknown setting"},
                new Object[] {Map.of("url", "http://p:9090", "auth", Map.of("tokenFle", "x")), "prometheus.auth.tokenFle: unknown setting"},
                new Object[] {Map.of("url", "http://p:9090", "caFile", "/no/ca.pem"), "prometheus.caFile: file /no/ca.pem not found"});
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void badSettingsNameTheField(Map<String, ?> settings, String message) {
        assertThatThrownBy(() -> parse(settings)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aKeyFileThatIsNotAKeyIsNamed() throws Exception {
        TestCertificates certs = new TestCertificates(dir, "ca");
        TestCertificates.Pem client = certs.client("client", TestCertificates.KeyFormat.RSA_PKCS8);
        Map<String, Object> settings = new HashMap<>(Map.of("url", "https://p:9090"));
        settings.put("auth", Map.of("certFile", client.certFile().toString(), "keyFile", client.certFile().toString()));

        assertThatThrownBy(() -> parse(settings)).hasMessageStartingWith("prometheus.auth.keyFile: "
                + client.certFile() + " is not a PEM private key");
    }

    @Test
    void aCaFileWithoutCertificatesIsNamed() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.txt"), "hello");

        assertThatThrownBy(() -> parse(Map.of("url", "https://p", "caFile", notPem.toString())))
                .hasMessageStartingWith("prometheus.caFile: " + notPem);
    }

    @Test
    void tenantsMustBeOneLine() {
        assertThatThrownBy(() -> parse(Map.of("url", "http://p", "tenant", "a\r\nX-Evil: 1")))
                .hasMessage("prometheus.tenant: must be one line");
        assertThat(List.of(parse(Map.of("url", "http://p", "tenant", " a ")).tenant())).containsExactly("a");
    }
}
