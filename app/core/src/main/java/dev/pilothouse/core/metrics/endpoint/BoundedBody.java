package dev.pilothouse.core.metrics.endpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Collects a response body up to a limit. Callers stop reading (and cancel the transfer) as soon as {@link #add}
 * says the limit is passed, so a huge answer costs at most the limit in memory, never its full size.
 */
final class BoundedBody {

    /** Thrown inside the transports when an answer passes the limit; they turn it into an EndpointException. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("answer too large", null);
        }
    }

    private final long max;
    private byte[] bytes;
    private int size;

    /**
     * @param max           the limit in bytes
     * @param declaredSize  the Content-Length if known (else -1), to size the buffer once
     */
    BoundedBody(long max, long declaredSize) {
        this.max = max;
        long initial = declaredSize > 0 ? Math.min(declaredSize, max) : Math.min(max, 16 * 1024);
        this.bytes = new byte[(int) Math.min(initial, Integer.MAX_VALUE - 16)];
    }

    /** Appends a buffer's remaining bytes; false when the body is now over the limit (the bytes are dropped). */
    boolean add(ByteBuffer buffer) {
        int n = buffer.remaining();
        if ((long) size + n > max) {
            bytes = new byte[0];
            return false;
        }
        if (size + n > bytes.length) {
            long grown = Math.max((long) size + n, Math.min(max, (long) bytes.length * 2));
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, Integer.MAX_VALUE - 16));
        }
        buffer.get(bytes, size, n);
        size += n;
        return true;
    }

    byte[] toBytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }

    /**
     * Undoes a gzip content encoding, with the same limit on the inflated size (a small compressed answer can
     * inflate enormously).
     *
     * @throws TooLarge when the inflated answer passes the limit
     */
    static byte[] decode(byte[] body, String contentEncoding, long max) throws IOException {
        String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new IOException("unsupported content encoding '" + contentEncoding + "'");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, body.length * 4));
            byte[] chunk = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(chunk)) > 0; ) {
                total += n;
                if (total > max) {
                    throw new TooLarge();
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }
}
