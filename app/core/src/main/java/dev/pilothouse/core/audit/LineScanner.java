package dev.pilothouse.core.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file's lines as exact bytes (the hashes cover bytes, so no charset decoding on the way), and says whether
 * the last one ended with LF.
 */
final class LineScanner implements Closeable {

    private final InputStream in;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(1024);
    private long offset;
    private long lineStart;
    private int lineNumber;
    private boolean lastTerminated = true;

    LineScanner(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    /** The next line without its LF, or null at the end. Check {@link #terminated()} after each line. */
    byte[] next() throws IOException {
        current.reset();
        lineStart = offset;
        int b;
        while ((b = in.read()) >= 0) {
            offset++;
            if (b == '\n') {
                lineNumber++;
                lastTerminated = true;
                return current.toByteArray();
            }
            current.write(b);
        }
        if (current.size() == 0) {
            return null;
        }
        lineNumber++;
        lastTerminated = false;
        return current.toByteArray();
    }

    /** Whether the line last returned ended with LF (only the file's last line can lack it). */
    boolean terminated() {
        return lastTerminated;
    }

    /** 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** Byte offset where the line last returned starts. */
    long lineStart() {
        return lineStart;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
