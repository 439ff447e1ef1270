package dev.pilothouse.core.kube;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token renewal over time, the kubeconfig write-back and its limits, against the test issuer; no API server. */
class OidcAuthProviderTest {

    /** A clock the test moves: token lifetimes pass in an instant. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path dir;

    private TestOidcIssuer issuer;
    private final MovableClock clock = new MovableClock();
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        issuer = TestOidcIssuer.http(clock, token -> { });
        kubeconfig = dir.resolve("config");
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    private void write(Path file, String idToken, String refreshToken) throws Exception {
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                users:
                - name: ana
                  user:
                    auth-provider:
                      name: oidc
                      config: {idp-issuer-url: "%s", client-id: %s, client-secret: %s, id-token: "%s", refresh-token: "%s"}
                """.formatted(issuer.url(), TestOidcIssuer.CLIENT_ID, TestOidcIssuer.CLIENT_SECRET, idToken, refreshToken));
    }

    private OidcAuthProvider provider() {
        OidcTokenFile file = new OidcTokenFile(kubeconfig, "ana");
        return new OidcAuthProvider(file.read().orElseThrow(), file,
                new OidcTokenRefresher(Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);
    }

    @Test
    void renewsTheIdTokenWhenItIsAboutToExpireAndNotBefore() throws Exception {
        String first = issuer.mintIdToken(Duration.ofMinutes(5));
        write(kubeconfig, first, issuer.issueRefreshToken());
        OidcAuthProvider oidc = provider();

        assertThat(oidc.token("sso")).isEqualTo(first);
        clock.advance(Duration.ofMinutes(4));
        assertThat(oidc.token("sso")).isEqualTo(first);
        assertThat(issuer.tokenRequests()).isZero();

        clock.advance(Duration.ofSeconds(45)); // within the last 30 s of its life
        String second = oidc.token("sso");
        assertThat(second).isNotEqualTo(first).isEqualTo(issuer.lastIdToken());
        assertThat(oidc.token("sso")).isEqualTo(second);
        assertThat(issuer.tokenRequests()).isEqualTo(1);
        assertThat(Files.readString(kubeconfig)).contains(second, issuer.lastRefreshToken());
    }

    @Test
    void tokensAnotherProgramRenewedMeanwhileAreTakenFromTheFileInsteadOfRefreshingAgain() throws Exception {
        write(kubeconfig, issuer.mintIdToken(Duration.ofMinutes(5)), issuer.issueRefreshToken());
        OidcAuthProvider oidc = provider();
        oidc.token("sso");
        clock.advance(Duration.ofMinutes(10));

        // kubectl refreshed: with a rotating issuer our refresh token is dead now, theirs is in the file.
        String theirs = issuer.mintIdToken(Duration.ofMinutes(30));
        issuer.revokeAll();
        write(kubeconfig, theirs, issuer.issueRefreshToken());

        assertThat(oidc.token("sso")).isEqualTo(theirs);
        assertThat(issuer.tokenRequests()).isZero();
    }

    @Test
    void aKubeconfigLockedByKubectlIsNotWrittenAndTheRenewedTokensAreKeptInMemory() throws Exception {
        write(kubeconfig, issuer.expiredIdToken(), issuer.issueRefreshToken());
        String before = Files.readString(kubeconfig);
        Path lock = dir.resolve("config.lock");
        Files.createFile(lock);
        OidcAuthProvider oidc = provider();

        String renewed = oidc.token("sso");
        assertThat(renewed).isEqualTo(issuer.lastIdToken());
        assertThat(Files.readString(kubeconfig)).isEqualTo(before);
        assertThat(lock).as("someone else's lock is left alone").exists();

        // The file still has the refresh token the issuer retired: ours, in memory, is the one to use next time.
        Files.delete(lock);
        clock.advance(Duration.ofMinutes(10));
        String again = oidc.token("sso");
        assertThat(again).isNotEqualTo(renewed).isEqualTo(issuer.lastIdToken());
        assertThat(issuer.tokenRequests()).isEqualTo(2);
        assertThat(Files.readString(kubeconfig)).contains(again, issuer.lastRefreshToken());
    }

    @Test
    void aSymlinkedKubeconfigIsUpdatedInItsTargetAndTheLinkStays() throws Exception {
        Path target = Files.createDirectories(dir.resolve("dotfiles")).resolve("kubeconfig");
        write(target, issuer.expiredIdToken(), issuer.issueRefreshToken());
        Files.createSymbolicLink(kubeconfig, target);

        String renewed = provider().token("sso");
        assertThat(Files.isSymbolicLink(kubeconfig)).isTrue();
        assertThat(Files.readString(target)).contains(renewed, issuer.lastRefreshToken());
    }

    @Test
    void anIdTokenTheServerRefusesIsRenewedOnceButAFreshOneIsNotRenewedAgain() throws Exception {
        String looksValid = issuer.unknownIdToken();
        write(kubeconfig, looksValid, issuer.issueRefreshToken());
        OidcAuthProvider oidc = provider();
        assertThat(oidc.token("sso")).isEqualTo(looksValid);

        oidc.authenticationFailed();
        String fresh = oidc.token("sso");
        assertThat(fresh).isNotEqualTo(looksValid);
        assertThat(issuer.tokenRequests()).isEqualTo(1);

        // The server refuses the issuer's own new token too: its OIDC settings differ; renewing again cannot help.
        oidc.authenticationFailed();
        assertThat(oidc.token("sso")).isEqualTo(fresh);
        assertThat(issuer.tokenRequests()).isEqualTo(1);
    }

    @Test
    void anUnreachableIssuerIsAskedAgainOnlyAfterACoolDown() throws Exception {
        write(kubeconfig, issuer.expiredIdToken(), issuer.issueRefreshToken());
        OidcAuthProvider oidc = provider();
        issuer.close();

        assertThatThrownBy(() -> oidc.token("sso")).isInstanceOf(CredentialException.class)
                .hasMessageStartingWith("context 'sso': OIDC token refresh failed: could not reach the issuer");
        // Within the cool-down the failure is answered from memory, without a connection attempt (which would show
        // here as a different exception object carrying the suppressed network error).
        assertThatThrownBy(() -> oidc.token("sso")).isInstanceOf(CredentialException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> oidc.token("sso")).isInstanceOf(CredentialException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).as("asked again after the cool-down").hasSize(1));
    }

    @Test
    void noRefreshTokenMeansAClearMessageAndNoRequest() throws Exception {
        write(kubeconfig, issuer.expiredIdToken(), "");
        assertThatThrownBy(() -> provider().token("sso")).isInstanceOf(CredentialException.class)
                .hasMessage("context 'sso': OIDC token refresh failed: the id-token has expired and the kubeconfig has "
                        + "no refresh-token to renew it");
        assertThat(issuer.discoveryRequests()).isZero();
    }

    @Test
    void theExpiryComesFromTheJwtsExpClaim() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        // "?>" encodes to URL-safe characters ('-', '_') that a plain Base64 decoder rejects.
        String payload = b64.encodeToString("{\"exp\":1900000000,\"x\":\"?>?>\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(payload).containsAnyOf("-", "_");
        assertThat(OidcAuthProvider.expiry("h." + payload + ".s")).contains(Instant.ofEpochSecond(1_900_000_000L));
        assertThat(OidcAuthProvider.expiry("opaque-token")).isEmpty();
        assertThat(OidcAuthProvider.expiry("h." + b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + ".s"))
                .isEmpty();
    }
}
