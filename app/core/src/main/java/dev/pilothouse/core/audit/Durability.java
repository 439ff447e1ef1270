package dev.pilothouse.core.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync helpers: data that is acknowledged must survive a crash, and so must the directory entry of a new file. */
final class Durability {

    private Durability() {
    }

    /**
     * Makes a newly created or renamed entry of the directory durable. Linux and macOS allow opening a directory for
     * this; Windows does not (and needs it less: NTFS journals metadata), so failure there is ignored.
     */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
                throw e;
            }
        }
    }
}
