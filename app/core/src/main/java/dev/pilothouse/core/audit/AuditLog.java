package dev.pilothouse.core.audit;

import dev.pilothouse.core.settings.AppDirs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit log of one directory (format: docs/audit-format.md). One writer per
 * directory, enforced with a file lock. {@link #append} returns only after the record's line is on disk
 * ({@code fsync}): its return is the acknowledgement, and only then may the caller report success.
 *
 * <p>Callers pass bodies and parameters already redacted: the log writes exactly what it is given.
 */
public final class AuditLog implements Closeable {

    private final Path dir;
    private final Clock clock;
    private final String localUser;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<TornTail> recovered = new ArrayList<>();

    private long nextSeq;
    private String lastHash;
    /** The newest day file: records never go to an older one, even if the clock steps back. */
    private LocalDate newestDay;
    private FileChannel channel;
    private LocalDate channelDay;
    /** Set when a failed write could not be undone: appending more would leave a torn line inside the chain. */
    private String broken;
    private boolean closed;

    private AuditLog(Path dir, Clock clock, String localUser, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.clock = clock;
        this.localUser = localUser;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The audit directory under the user's data directory. */
    public static Path defaultDirectory(AppDirs dirs) {
        return dirs.data().resolve("audit");
    }

    public static AuditLog open(Path dir) throws IOException {
        return open(dir, Clock.systemUTC());
    }

    /**
     * Takes the directory's writer lock, then continues the chain from its last record. A torn tail (bytes after the
     * last newline, left by an interrupted append) is moved aside and reported by a record, see {@link TornTail}; a
     * last complete line that is not a valid record refuses the open, because continuing would hide it.
     *
     * @throws AuditLogException.Locked when another writer holds the directory
     * @throws AuditLogException        when the last record is not valid
     */
    public static AuditLog open(Path dir, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(AuditFiles.LOCK_FILE);
        FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new AuditLogException.Locked("The audit log in " + dir + " is already open for writing by another"
                    + " Pilothouse process (it holds " + lockFile + "); only one writer per directory is allowed.");
        }
        AuditLog log = new AuditLog(dir, clock, System.getProperty("user.name", ""), lockChannel, lock);
        try {
            log.continueChain();
        } catch (IOException | RuntimeException e) {
            log.close();
            throw e;
        }
        return log;
    }

    private void continueChain() throws IOException {
        List<Path> files = AuditFiles.dayFiles(dir);
        Path newest = files.isEmpty() ? null : files.getLast();
        newestDay = newest == null ? null : AuditFiles.dayOf(newest);
        long tornAt = -1;
        Optional<LastLine> last = Optional.empty();
        // Walk back over empty files (a file created just before a crash) to the newest record.
        for (int i = files.size() - 1; i >= 0 && last.isEmpty(); i--) {
            LastLine found = LastLine.of(files.get(i));
            if (found.tornAt() >= 0) {
                // Only the newest file can end without a newline; older ones were complete when a newer one began.
                if (i != files.size() - 1) {
                    throw new AuditLogException(files.get(i) + ":" + found.tornLine() + ": the line has no"
                            + " newline but newer day files follow; run 'pilothouse audit verify' and repair by hand.");
                }
                tornAt = found.tornAt();
            }
            if (found.line() != null) {
                last = Optional.of(found);
            }
        }
        Optional<AuditRecord> lastRecord = Optional.empty();
        if (last.isPresent()) {
            try {
                lastRecord = Optional.of(AuditRecordCodec.parse(last.get().line()));
            } catch (AuditRecordCodec.BadRecordException e) {
                throw new AuditLogException(last.get().file() + ":" + last.get().lineNumber() + ": " + e.getMessage()
                        + "; the chain cannot be continued. Run 'pilothouse audit verify' and repair by hand.");
            }
            nextSeq = lastRecord.get().seq() + 1;
            lastHash = AuditChain.sha256(withLf(last.get().line()));
        } else {
            nextSeq = 1;
            lastHash = AuditChain.GENESIS;
        }
        // Nothing is changed before the last record is known to be valid: a refused open leaves the files as found.
        // A tail moved aside earlier whose record was never written comes first, then the torn tail found now.
        long newestSize = newest == null ? 0 : tornAt >= 0 ? tornAt : Files.size(newest);
        List<TornTail> tails = new ArrayList<>();
        Optional<TornTail> pending = TornTail.pending(newest, newestSize, lastRecord);
        pending.ifPresent(tails::add);
        if (tornAt >= 0) {
            TornTail moved = TornTail.moveAside(newest, tornAt);
            // A move that was interrupted before its cut is redone into the same kept file: one record for it.
            if (pending.isEmpty() || !pending.get().keptIn().equals(moved.keptIn())) {
                tails.add(moved);
            }
        }
        for (TornTail tail : tails) {
            recovered.add(tail);
            append(tail.toEntry(localUser));
        }
    }

    private static byte[] withLf(byte[] line) {
        byte[] full = new byte[line.length + 1];
        System.arraycopy(line, 0, full, 0, line.length);
        full[line.length] = '\n';
        return full;
    }

    /**
     * Stamps, chains and writes the entry as one line, and forces it to disk. When this returns the record is
     * durable; when it throws, nothing of it is in the log (or, if even undoing failed, the log refuses further
     * appends until reopened, which moves the torn bytes aside).
     */
    public synchronized AuditRecord append(AuditEntry entry) throws IOException {
        if (closed) {
            throw new AuditLogException("The audit log in " + dir + " is closed.");
        }
        if (broken != null) {
            throw new AuditLogException(broken);
        }
        Instant now = clock.instant();
        LocalDate day = AuditFiles.utcDay(now);
        if (newestDay != null && day.isBefore(newestDay)) {
            day = newestDay;
        }
        FileChannel out = channelFor(day);
        AuditRecordCodec.Sealed sealed = AuditRecordCodec.seal(nextSeq, now, entry, lastHash);
        long sizeBefore = out.size();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(sealed.line());
            out.position(sizeBefore);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException e) {
            undo(out, sizeBefore, e);
            throw new AuditLogException("Could not write the audit record to " + dir.resolve(
                    AuditFiles.nameFor(day)) + ": " + e.getMessage(), e);
        }
        nextSeq++;
        lastHash = AuditChain.sha256(sealed.line());
        return sealed.record();
    }

    private void undo(FileChannel out, long sizeBefore, IOException cause) {
        try {
            out.truncate(sizeBefore);
            out.force(true);
        } catch (IOException again) {
            broken = "An earlier audit write failed (" + cause.getMessage() + ") and could not be undone ("
                    + again.getMessage() + "); reopen the audit log to move the torn bytes aside.";
        }
    }

    private FileChannel channelFor(LocalDate day) throws IOException {
        if (channel != null && day.equals(channelDay)) {
            return channel;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        Path file = dir.resolve(AuditFiles.nameFor(day));
        boolean created = !Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channelDay = day;
        newestDay = day;
        if (created) {
            // The new file's name must survive a crash as much as its contents.
            Durability.syncDirectory(dir);
        }
        return channel;
    }

    /** The directory this log writes. */
    public Path directory() {
        return dir;
    }

    /** The hash the next record will carry as prevHash (the SHA-256 of the last line, or the genesis value). */
    public synchronized String lastHash() {
        return lastHash;
    }

    /** The sequence number the next record will get. */
    public synchronized long nextSeq() {
        return nextSeq;
    }

    /** Torn tails found and moved aside when this log was opened (each also has its record in the chain). */
    public List<TornTail> recoveredTornTails() {
        return List.copyOf(recovered);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    @Override
    public String toString() {
        return "AuditLog[" + dir + ", next seq " + nextSeq + ", last hash " + lastHash + "]";
    }
}
