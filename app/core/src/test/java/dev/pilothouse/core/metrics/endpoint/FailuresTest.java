package dev.pilothouse.core.metrics.endpoint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection closed right after the TLS handshake is worded by what the client sent. */
class FailuresTest {

    private static EndpointException classify(boolean sentClientCert) {
        IOException reset = new IOException("Connection reset");
        return Failures.classify(new java.util.concurrent.CompletionException(reset),
                new Failures.Context("https://prometheus:9090", Duration.ofSeconds(10), 1 << 20, true, sentClientCert));
    }

    @Test
    void withoutAClientCertificateTheServerProbablyRequiresOne() {
        EndpointException e = classify(false);
        assertThat(e.kind()).isEqualTo(EndpointException.Kind.TLS);
        assertThat(e.getMessage()).contains("it probably requires a client certificate");
    }

    @Test
    void withAClientCertificateTheServerProbablyRefusedIt() {
        // The server's bad_certificate alert and its closing of the connection race; a reset must still say why.
        EndpointException e = classify(true);
        assertThat(e.kind()).isEqualTo(EndpointException.Kind.TLS);
        assertThat(e.getMessage()).contains("refused the client certificate");
    }
}
