package dev.pilothouse.core.kube;

import dev.pilothouse.core.kube.ClusterServiceTest.NameRow;
import dev.pilothouse.core.metrics.TestCertificates;
import dev.pilothouse.demo.EmulatedCluster;
import dev.pilothouse.sdk.cluster.ConnectionState;
import dev.pilothouse.sdk.cluster.ConnectionStatus;
import dev.pilothouse.sdk.cluster.RowBatch;
import dev.pilothouse.sdk.cluster.RowListener;
import dev.pilothouse.sdk.cluster.Subscription;
import dev.pilothouse.sdk.cluster.WatchScope;
import dev.pilothouse.sdk.cluster.WatchState;
import dev.pilothouse.sdk.cluster.WatchStatus;
import dev.pilothouse.testkit.Eventually;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kubeconfig users with {@code auth-provider: oidc} against a real (tiny) OIDC issuer over HTTP and the emulated API
 * server, which accepts exactly the id_tokens the issuer minted.
 */
class OidcConnectionTest {

    /** What a view sees: the rows, the watch's status, and how often the watch gave up waiting for the user. */
    static final class Recorder implements RowListener<NameRow> {
        final Map<String, NameRow> rows = new ConcurrentHashMap<>();
        final AtomicInteger giveUps = new AtomicInteger();
        volatile WatchStatus status = WatchStatus.loading();

        @Override
        public synchronized void onBatch(RowBatch<NameRow> batch) {
            if (batch.replace()) {
                rows.clear();
            }
            batch.deletes().forEach(rows::remove);
            batch.upserts().forEach(r -> rows.put(r.uid(), r));
        }

        @Override
        public void onStatus(WatchStatus s) {
            status = s;
            if (s.message().contains("stopped retrying")) {
                giveUps.incrementAndGet();
            }
        }

        List<String> names() {
            return rows.values().stream().map(NameRow::name).sorted().toList();
        }
    }

    @TempDir
    Path dir;

    private EmulatedCluster cluster;
    private TestOidcIssuer issuer;
    private Path kubeconfig;
    private KubeClusterService service;

    @BeforeEach
    void start() throws Exception {
        cluster = EmulatedCluster.start("oidc", 0);
        cluster.adminClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata()
                .build()).create();
        cluster.adminClient().pods().inNamespace("ml").resource(new PodBuilder().withNewMetadata().withName("trainer-0")
                .endMetadata().withNewSpec().addNewContainer().withName("main").withImage("busybox").endContainer()
                .endSpec().build()).create();
        issuer = TestOidcIssuer.http(cluster::acceptUserToken);
        kubeconfig = dir.resolve("config");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        issuer.close();
        cluster.close();
    }

    /** A kubeconfig as a login helper writes it: comments, a second user, mode 0600. */
    private void writeKubeconfig(String issuerUrl, String idToken, String refreshToken, String extra) throws Exception {
        Files.writeString(kubeconfig, """
                # written by the team's login helper; keep this comment
                apiVersion: v1
                kind: Config
                current-context: sso
                contexts:
                - name: sso
                  context: {cluster: c, user: ana, namespace: ml}
                - name: robot
                  context: {cluster: c, user: robot}
                clusters:
                - name: c
                  cluster: {server: "%s"}
                users:
                - name: ana
                  user:
                    auth-provider:
                      name: oidc
                      config:
                        idp-issuer-url: "%s"
                        client-id: %s
                        client-secret: %s
                        id-token: "%s"
                        refresh-token: "%s"
                %s
                - name: robot   # a static token that must stay as it is
                  user: {token: robot-token}
                """.formatted(cluster.url(), issuerUrl, TestOidcIssuer.CLIENT_ID, TestOidcIssuer.CLIENT_SECRET, idToken,
                refreshToken, extra));
        if (Files.getFileAttributeView(kubeconfig, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private void writeKubeconfig(String idToken, String refreshToken) throws Exception {
        writeKubeconfig(issuer.url(), idToken, refreshToken, "");
    }

    private KubeClusterService connect() throws Exception {
        Kubeconfig k = new KubeconfigLoader(new ClientTuning(2_000, 5_000)).load(List.of(kubeconfig));
        service = new KubeClusterService(k.contexts(), Clock.systemUTC(), (kind, e) -> { });
        return service;
    }

    private ConnectionStatus sso() {
        return service.connection("sso").status();
    }

    private static void awaitLive(Recorder mirror) {
        Eventually.await(Duration.ofSeconds(20), "pods listed", () -> mirror.status.state() == WatchState.SYNCED
                && mirror.names().equals(List.of("trainer-0")), () -> String.valueOf(mirror.status));
    }

    private void awaitOidcFailure() {
        // The watch's own report of the failure (the connection first says which credentials could not be obtained).
        Eventually.await(Duration.ofSeconds(20), "auth failed", () -> sso().state() == ConnectionState.AUTH_FAILED
                && sso().message().startsWith("context 'sso': OIDC token refresh failed"), () -> String.valueOf(sso()));
    }

    @Test
    void aValidIdTokenConnectsWithoutAskingTheIssuer() throws Exception {
        writeKubeconfig(issuer.mintIdToken(Duration.ofMinutes(10)), issuer.issueRefreshToken());
        String before = Files.readString(kubeconfig);
        Recorder mirror = new Recorder();
        try (Subscription s = connect().watch("sso", ClusterServiceTest.PODS, WatchScope.ALL, mirror)) {
            awaitLive(mirror);
            assertThat(sso().state()).isEqualTo(ConnectionState.LIVE);
        }
        assertThat(issuer.discoveryRequests() + issuer.tokenRequests()).as("issuer requests").isZero();
        assertThat(Files.readString(kubeconfig)).as("nothing to write back").isEqualTo(before);
    }

    @Test
    void anExpiredIdTokenIsRenewedOnceAndTheNewTokensAreWrittenBackWithNothingElseChanged() throws Exception {
        String expired = issuer.expiredIdToken();
        String refreshToken = issuer.issueRefreshToken();
        writeKubeconfig(expired, refreshToken);
        String before = Files.readString(kubeconfig);
        Recorder mirror = new Recorder();
        try (Subscription s = connect().watch("sso", ClusterServiceTest.PODS, WatchScope.ALL, mirror)) {
            awaitLive(mirror);
            assertThat(sso().state()).isEqualTo(ConnectionState.LIVE);
            assertThat(service.serverVersion("sso").get(10, TimeUnit.SECONDS)).startsWith("v1.");
        }
        assertThat(issuer.tokenRequests()).as("refreshes").isEqualTo(1);

        // As kubectl does, so that kubectl (and our next start) still work after the issuer retired the old refresh token.
        String after = Files.readString(kubeconfig);
        assertThat(after).doesNotContain(expired, refreshToken)
                .contains(issuer.lastIdToken(), issuer.lastRefreshToken())
                .isEqualTo(before.replace(expired, issuer.lastIdToken()).replace(refreshToken, issuer.lastRefreshToken()));
        if (Files.getFileAttributeView(kubeconfig, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig))).isEqualTo("rw-------");
        }
        assertThat(dir.resolve("config.lock")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left").containsExactly("config");
        }
    }

    @Test
    void anIdTokenTheServerRefusesIsRenewedOnceAfterThe401() throws Exception {
        writeKubeconfig(issuer.unknownIdToken(), issuer.issueRefreshToken());
        Recorder mirror = new Recorder();
        try (Subscription s = connect().watch("sso", ClusterServiceTest.PODS, WatchScope.ALL, mirror)) {
            awaitLive(mirror);
            assertThat(sso().state()).isEqualTo(ConnectionState.LIVE);
        }
        assertThat(issuer.tokenRequests()).as("refreshes").isEqualTo(1);
    }

    @Test
    void aRefusedRefreshIsReportedWithTheIssuersErrorAndIsNotRepeatedUntilANewLogin() throws Exception {
        String deadRefreshToken = issuer.issueRefreshToken();
        issuer.revokeAll();
        writeKubeconfig(issuer.expiredIdToken(), deadRefreshToken);
        Recorder mirror = new Recorder();
        try (Subscription s = connect().watch("sso", ClusterServiceTest.PODS, WatchScope.ALL, mirror)) {
            awaitOidcFailure();
            assertThat(sso().message())
                    .startsWith("context 'sso': OIDC token refresh failed: the issuer " + issuer.url())
                    .contains("invalid_grant (Token is not active)")
                    .doesNotContain(deadRefreshToken);

            // The watch backs off and retries until it gives up waiting for the user; none of that asks the issuer again.
            Eventually.await(Duration.ofSeconds(20), "the watch stopped retrying", () -> mirror.giveUps.get() == 1,
                    () -> String.valueOf(mirror.status));
            assertThat(issuer.tokenRequests()).as("refresh attempts after the watch's retries").isEqualTo(1);
            assertThatThrownBy(() -> service.list("sso", ClusterServiceTest.PODS.gvk(), WatchScope.ALL)
                    .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("OIDC token refresh failed");
            service.reconnect("sso");
            Eventually.await(Duration.ofSeconds(20), "the retries after Retry failed too", () -> mirror.giveUps.get() == 2,
                    () -> String.valueOf(mirror.status));
            assertThat(issuer.tokenRequests()).as("a refresh token the issuer refused is never sent again").isEqualTo(1);

            // The user logs in again: the helper writes new tokens; Retry picks them up.
            writeKubeconfig(issuer.expiredIdToken(), issuer.issueRefreshToken());
            service.reconnect("sso");
            awaitLive(mirror);
            assertThat(sso().state()).isEqualTo(ConnectionState.LIVE);
            assertThat(issuer.tokenRequests()).isEqualTo(2);
        }
    }

    @Test
    void anUnreachableIssuerIsReportedAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = "http://127.0.0.1:" + closedPort + "/realms/ml";
        writeKubeconfig(nowhere, issuer.expiredIdToken(), issuer.issueRefreshToken(), "");
        Recorder mirror = new Recorder();
        try (Subscription s = connect().watch("sso", ClusterServiceTest.PODS, WatchScope.ALL, mirror)) {
            awaitOidcFailure();
            assertThat(sso().message()).startsWith("context 'sso': OIDC token refresh failed: could not reach the issuer "
                    + nowhere + " (").containsIgnoringCase("refused");
            assertThat(mirror.status.state()).isEqualTo(WatchState.FAILED);
        }
    }

    @Test
    void anHttpsIssuerIsTrustedThroughIdpCertificateAuthorityAndOtherwiseRefused() throws Exception {
        TestCertificates certificates = new TestCertificates(Files.createDirectories(dir.resolve("pki")), "idp-ca");
        try (TestOidcIssuer tlsIssuer = TestOidcIssuer.https(certificates.server("idp"), cluster::acceptUserToken)) {
            // TLS verification stays on: without the kubeconfig naming the CA the issuer is not trusted.
            writeKubeconfig(tlsIssuer.url(), tlsIssuer.expiredIdToken(), tlsIssuer.issueRefreshToken(), "");
            try (KubeClusterService untrusted = connect()) {
                assertThatThrownBy(() -> untrusted.serverVersion("sso").get(10, TimeUnit.SECONDS))
                        .hasMessageContaining("context 'sso': OIDC token refresh failed: the TLS connection to the issuer "
                                + tlsIssuer.url() + " failed")
                        .hasMessageContaining("idp-certificate-authority");
                assertThat(untrusted.connection("sso").status().state()).isEqualTo(ConnectionState.AUTH_FAILED);
            }
            service = null;

            // A relative path, resolved against the kubeconfig's directory as kubectl does.
            writeKubeconfig(tlsIssuer.url(), tlsIssuer.expiredIdToken(), tlsIssuer.issueRefreshToken(),
                    "        idp-certificate-authority: pki/idp-ca.crt");
            assertThat(connect().serverVersion("sso").get(10, TimeUnit.SECONDS)).startsWith("v1.");
            assertThat(sso().state()).isEqualTo(ConnectionState.LIVE);
            assertThat(tlsIssuer.tokenRequests()).as("refreshes over TLS").isEqualTo(1);
        }
    }
}
