package dev.pilothouse.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bearer token of a kubeconfig user with {@code auth-provider: oidc}: its id-token while that is valid, else a new
 * one from the issuer through the refresh token ({@link OidcTokenRefresher}), written back to the kubeconfig
 * ({@link OidcTokenFile}). We do this rather than Fabric8 (ADR 0008), and we bound it, because a refresh that cannot
 * succeed must not be repeated by every request and every watch:
 * <ul>
 *   <li>a refresh the issuer refused (4xx) is not tried again with the same settings; a new login (new tokens in the
 *       kubeconfig, seen when the file is read again) is;</li>
 *   <li>after an issuer that could not be reached or failed (5xx), the next attempt waits (1 s doubling to 1 min);</li>
 *   <li>an id-token that looks valid but that the API server refused (401) is renewed once; one we just got from the
 *       issuer is not, since renewing again would not help.</li>
 * </ul>
 * Shared by the contexts that use the same user entry, so they refresh once, not once each.
 */
final class OidcAuthProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcAuthProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Renew a little before expiry so no request goes out with a token about to expire (kubectl: 10 s). */
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final OidcTokenFile file;
    private final OidcTokenRefresher refresher;
    private final Clock clock;
    private final Backoff coolDown = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));
    private final AtomicBoolean authFailureReported = new AtomicBoolean();

    // Guarded by this.
    private OidcSettings settings;
    /** The entry as we last read or wrote it: when the file still says this, our tokens are the newer ones. */
    private OidcSettings lastSeenInFile;
    private String mintedIdToken = "";
    private String refusedIdToken = "";
    private RememberedFailure failure;

    private record RememberedFailure(OidcSettings settings, String message, Instant retryAfter) {
    }

    OidcAuthProvider(OidcSettings settings, OidcTokenFile file, OidcTokenRefresher refresher, Clock clock) {
        this.settings = settings;
        this.lastSeenInFile = settings;
        this.file = file;
        this.refresher = refresher;
        this.clock = clock;
    }

    /**
     * The id-token to send, renewing it when it has expired.
     *
     * @param context names the context in the failure message
     * @throws CredentialException when no valid id-token can be had; its message names the context and the cause
     */
    synchronized String token(String context) {
        noteRefusal();
        if (usable(settings.idToken())) {
            return settings.idToken();
        }
        // kubectl or a login helper may have renewed the tokens since we read them; a new login also lifts a failure.
        file.read().ifPresent(this::adopt);
        if (usable(settings.idToken())) {
            return settings.idToken();
        }
        RememberedFailure known = failure;
        if (known != null && known.settings().sameRefreshInputs(settings) && clock.instant().isBefore(known.retryAfter())) {
            throw failed(context, known.message(), null);
        }
        refresh(context);
        return settings.idToken();
    }

    /**
     * A request failed authentication: the API server refused the id-token (401) or none could be had. Called from any
     * thread, possibly while a refresh is under way, so it only takes note; the next {@link #token} acts on it.
     */
    void authenticationFailed() {
        authFailureReported.set(true);
    }

    private void noteRefusal() {
        if (authFailureReported.getAndSet(false) && !settings.idToken().equals(mintedIdToken)) {
            refusedIdToken = settings.idToken();
        }
    }

    private void adopt(OidcSettings fromFile) {
        // Only a change made by someone else counts: if our write-back failed, the file still has the older tokens.
        if (!fromFile.equals(lastSeenInFile)) {
            lastSeenInFile = fromFile;
            settings = fromFile;
        }
    }

    private void refresh(String context) {
        OidcSettings old = settings;
        try {
            OidcTokenRefresher.Tokens fresh = refresher.refresh(old);
            settings = old.withTokens(fresh.idToken(), fresh.refreshToken());
            mintedIdToken = fresh.idToken();
            failure = null;
            coolDown.reset();
            LOG.info("Renewed the OIDC id-token for context '{}' at {} (valid until {})", context, old.issuer(),
                    expiry(fresh.idToken()).map(Instant::toString).orElse("an unknown time"));
            // Replace what the file holds: the tokens we just used, or older ones if an earlier write-back failed.
            if (file.replaceTokens(lastSeenInFile, settings)) {
                lastSeenInFile = settings;
            }
        } catch (OidcTokenRefresher.Failure e) {
            Instant retryAfter = e.permanent() ? Instant.MAX : clock.instant().plus(coolDown.next());
            failure = new RememberedFailure(old, e.getMessage(), retryAfter);
            throw failed(context, e.getMessage(), e);
        }
    }

    private static CredentialException failed(String context, String message, Throwable cause) {
        // No cause in the chain: callers show the root message, and ours is the one that explains.
        CredentialException failure = new CredentialException("context '" + context + "': OIDC token refresh failed: "
                + message, null);
        if (cause != null) {
            failure.addSuppressed(cause);
        }
        return failure;
    }

    /** Present, not refused by the server, and not about to expire. A token whose expiry we cannot read is tried. */
    private boolean usable(String idToken) {
        if (idToken.isEmpty() || idToken.equals(refusedIdToken)) {
            return false;
        }
        return expiry(idToken).map(exp -> clock.instant().plus(EARLY).isBefore(exp)).orElse(true);
    }

    /** The {@code exp} claim of a JWT; its signature is the API server's business, not ours. */
    static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims.path("exp");
            return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
