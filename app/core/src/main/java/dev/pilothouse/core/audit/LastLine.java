package dev.pilothouse.core.audit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The newest complete line of a day file and where a torn tail starts (-1 for none). Read from the end, so that
 * opening the log does not cost a pass over a whole day of records; line numbers (only for messages) are
 * counted when asked.
 */
record LastLine(Path file, byte[] line, long lineStart, long tornAt) {

    static LastLine of(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            long lastLf = lastIndexOfLf(in, size);
            long tornAt = lastLf == size - 1 ? -1 : lastLf + 1;
            if (lastLf < 0) {
                return new LastLine(file, null, 0, size == 0 ? -1 : 0);
            }
            long start = lastIndexOfLf(in, lastLf) + 1;
            ByteBuffer line = ByteBuffer.allocate(Math.toIntExact(lastLf - start));
            while (line.hasRemaining() && in.read(line, start + line.position()) >= 0) {
                // read until full
            }
            return new LastLine(file, line.array(), start, tornAt);
        }
    }

    /** The offset of the last LF before {@code end}, or -1. */
    private static long lastIndexOfLf(FileChannel in, long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long pos = end;
        while (pos > 0) {
            int length = (int) Math.min(chunk.capacity(), pos);
            long from = pos - length;
            chunk.clear().limit(length);
            while (chunk.hasRemaining() && in.read(chunk, from + chunk.position()) >= 0) {
                // read until full
            }
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i;
                }
            }
            pos = from;
        }
        return -1;
    }

    int lineNumber() throws IOException {
        return lineNumberAt(file, lineStart);
    }

    int tornLine() throws IOException {
        return lineNumberAt(file, tornAt);
    }

    private static int lineNumberAt(Path file, long offset) throws IOException {
        int n = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] buffer = new byte[8192];
            long read = 0;
            int r;
            while (read < offset && (r = in.read(buffer, 0, (int) Math.min(buffer.length, offset - read))) > 0) {
                for (int i = 0; i < r; i++) {
                    if (buffer[i] == '\n') {
                        n++;
                    }
                }
                read += r;
            }
        }
        return n;
    }
}
