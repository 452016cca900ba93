package org.sdvp.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One writer per output: an exclusive OS file lock on a hidden sibling {@code .NAME.lock}, which also holds
 * the holder's pid, host, start time and command, so that a second process on the same output is refused
 * with a message naming the first. The OS drops the lock when its holder dies (even by {@code kill -9}),
 * so a stale lock file never blocks anyone; the file itself is left in place (deleting it would let two
 * processes lock two different files of the same name).
 */
public final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFile(Path output) {
        return output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".lock");
    }

    /**
     * Locks {@code output} for this process.
     *
     * @param command what this process is doing, for the message another process gets
     * @throws DataException when another process holds the lock (the CLI exits 2), naming it
     */
    public static OutputLock acquire(Path output, String command) throws DataException, IOException {
        Path file = lockFile(output);
        Files.createDirectories(file.getParent());
        FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            channel.close();
            throw new DataException(
                    output + " is being written by another sdvp process (" + (holder.isEmpty() ? "unknown" : holder)
                            + "); wait for it to finish or stop it, or choose another --out");
        }
        ProcessHandle me = ProcessHandle.current();
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        String text = "pid " + me.pid() + " on " + host + ", since " + Instant.now() + ": " + command + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        return new OutputLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close();
        }
    }
}
