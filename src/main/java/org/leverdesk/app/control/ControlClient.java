package org.leverdesk.app.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.app.control.ControlMessages.Request;

/**
 * The other end: sends one command line to the process that owns a store and returns its answer, or
 * empty when no process listens (no socket, or one a dead process left behind).
 */
public final class ControlClient {
    private ControlClient() {
    }

    /**
     * Runs {@code argv} in the process that owns the store in {@code dataDir}; empty when none listens.
     *
     * @throws ControlUnavailableException when one listens but does not answer within {@code timeout}
     */
    public static Optional<Reply> send(Path dataDir, List<String> argv, Duration timeout) {
        Path socket = ControlAddress.socket(dataDir);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            closeQuietly(channel);
            return Optional.empty(); // refused: nobody listens any more
        }
        Thread watchdog = Thread.ofPlatform().daemon().name("leverdesk-control-timeout").unstarted(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                closeQuietly(channel);
            } catch (InterruptedException e) {
                // answered in time
            }
        });
        watchdog.start();
        try (channel) {
            ControlServer.write(channel, new Request(ControlMessages.VERSION, argv));
            channel.shutdownOutput();
            String line = readAll(channel);
            if (line.isBlank()) {
                throw new ControlUnavailableException("the Leverdesk process on " + socket + " closed the connection"
                        + " without an answer; look at its log", null);
            }
            return Optional.of(ControlMessages.read(line.strip(), Reply.class));
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw new ControlUnavailableException("interrupted while waiting for the Leverdesk process that owns this store"
                    + " (socket " + socket + ")", e);
        } catch (AsynchronousCloseException e) {
            throw new ControlUnavailableException("the Leverdesk process that owns this store (socket " + socket
                    + ") did not answer within " + waited(timeout), e);
        } catch (IOException e) {
            throw new ControlUnavailableException("the Leverdesk process that owns this store (socket " + socket
                    + ") broke the connection: " + e.getMessage(), e);
        } finally {
            watchdog.interrupt();
        }
    }

    /** True when a process accepts connections on {@code socket}. */
    static boolean answers(Path socket) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readAll(SocketChannel channel) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (channel.read(buf) >= 0) {
            buf.flip();
            bytes.write(buf.array(), 0, buf.limit());
            buf.clear();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** "30 s", or "500 ms" below a second, so a short wait is never reported as "0 s". */
    static String waited(Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }
}
