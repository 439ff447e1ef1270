package dev.pilothouse.core.metrics.endpoint;

import dev.pilothouse.core.metrics.endpoint.EndpointException.Kind;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what an HTTP client throws into an {@link EndpointException} whose message says what happened in words an
 * on-call engineer can act on: "connection refused", "the server requires a client certificate", "the server's
 * certificate is not trusted".
 */
final class Failures {

    /**
     * What the classifier needs to know about the request.
     *
     * @param endpoint       the URL for messages
     * @param timeout        the configured timeout
     * @param maxBytes       the configured answer limit
     * @param https          whether TLS was used
     * @param sentClientCert whether a client certificate was configured
     */
    record Context(String endpoint, Duration timeout, long maxBytes, boolean https, boolean sentClientCert) {
    }

    private Failures() {
    }

    static EndpointException classify(Throwable failure, Context context) {
        EndpointException known = EndpointException.unwrap(failure);
        if (known != null) {
            return known;
        }
        String endpoint = context.endpoint();
        String seconds = context.timeout().toMillis() % 1000 == 0 ? context.timeout().toSeconds() + " s"
                : context.timeout().toMillis() + " ms";
        Throwable tls = null;
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BoundedBody.TooLarge) {
                return EndpointException.tooLarge(endpoint, context.maxBytes());
            }
            if (c instanceof HttpConnectTimeoutException) {
                return EndpointException.of(Kind.TIMEOUT, endpoint, "no connection within " + seconds, c);
            }
            if (c instanceof HttpTimeoutException || c instanceof TimeoutException
                    || c instanceof CancellationException
                    || (c.getClass().getName().contains("Timeout") && !(c instanceof SSLException))) {
                return EndpointException.of(Kind.TIMEOUT, endpoint, "no complete answer within " + seconds, c);
            }
            if (tls == null && (c instanceof SSLException || c instanceof CertificateExpiredException)) {
                tls = c;
            }
        }
        if (tls != null) {
            return EndpointException.of(Kind.TLS, endpoint, tlsProblem(failure, context), failure);
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return EndpointException.of(Kind.UNREACHABLE, endpoint, "unknown host", c);
            }
            if (c instanceof NoRouteToHostException) {
                return EndpointException.of(Kind.UNREACHABLE, endpoint, "no route to host", c);
            }
            if (c instanceof ConnectException) {
                return EndpointException.of(Kind.UNREACHABLE, endpoint, "connection refused (is it running?)", c);
            }
        }
        if (context.https() && !context.sentClientCert() && closedEarly(failure)) {
            // A server that requires a client certificate often just drops the connection after the handshake
            // (TLS 1.3 sends its alert after the client has finished): say the likely reason.
            return EndpointException.of(Kind.TLS, endpoint, "the server closed the connection right after the TLS "
                    + "handshake; it probably requires a client certificate (auth type clientCertificate)", failure);
        }
        if (context.https() && context.sentClientCert() && closedEarly(failure)) {
            // The same race the other way: a server that rejects the certificate it was sent may close the
            // connection before its alert is read, and the client sees a reset instead of "bad_certificate".
            return EndpointException.of(Kind.TLS, endpoint, "the server closed the connection right after the TLS "
                    + "handshake: it probably refused the client certificate (is it signed by the CA the server "
                    + "trusts?)", failure);
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException) {
                return EndpointException.of(Kind.UNREACHABLE, endpoint, "connection failed: " + describe(c), c);
            }
        }
        return EndpointException.of(Kind.UNREACHABLE, endpoint, "request failed: " + describe(failure), failure);
    }

    private static String tlsProblem(Throwable failure, Context context) {
        String all = messages(failure);
        String lower = all.toLowerCase(Locale.ROOT);
        if (lower.contains("certificate_required")
                || (!context.sentClientCert() && lower.contains("received fatal alert: bad_certificate"))) {
            return "the server requires a client certificate and none was sent (auth type clientCertificate)";
        }
        if (lower.contains("received fatal alert: bad_certificate") || lower.contains("received fatal alert: unknown_ca")
                || lower.contains("received fatal alert: certificate_unknown")
                || lower.contains("received fatal alert: access_denied")) {
            return "the server refused the client certificate (is it signed by the CA the server trusts?)";
        }
        if (lower.contains("pkix path building failed") || lower.contains("unable to find valid certification path")
                || lower.contains("pkix path validation failed")) {
            return "the server's certificate is not trusted: set caFile to the CA that signed it";
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return "the server's certificate is not valid for this host name: " + firstLine(all);
        }
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return "the server's certificate has expired";
            }
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return "the server does not speak TLS (should the URL be http:// rather than https://?)";
        }
        return "TLS handshake failed: " + firstLine(all);
    }

    private static boolean closedEarly(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (c instanceof EOFException || m.contains("connection reset") || m.contains("received no bytes")
                    || m.contains("connection closed") || m.contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) {
                all.append(c.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    private static String firstLine(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("unknown error");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : firstLine(m);
    }
}
