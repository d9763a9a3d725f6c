package org.leverdesk.app.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.leverdesk.app.control.ControlMessages.Reply;
import org.leverdesk.app.control.ControlMessages.Request;
import org.leverdesk.common.SecretMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store owner's end of the control channel: listens on {@link ControlAddress#socket}, takes one
 * request per connection from a process of the same user (checked with the peer's credentials where
 * the operating system gives them), runs it with the {@link Handler} on a thread of its own (never the
 * scheduler's or the window's), and answers with what the command printed. Up to {@link #MAX_PARALLEL}
 * requests run at once, so a slow import never blocks a close-all.
 */
public final class ControlServer implements AutoCloseable {
    /** Requests running at once; more are answered "busy". */
    public static final int MAX_PARALLEL = 8;
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Runs one forwarded command line and returns what it printed and its exit code. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(java.util.List<String> argv);
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final ExecutorService workers;
    private final Semaphore slots = new Semaphore(MAX_PARALLEL);
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(Path socket, ServerSocketChannel server, Handler handler) {
        this.socket = socket;
        this.server = server;
        this.handler = handler;
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "leverdesk-control-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "leverdesk-control-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Starts listening for the store in {@code dataDir}. A socket file left by a process that died is
     * replaced; a live one (another owner, which the store lock should make impossible) is an error.
     */
    public static ControlServer start(Path dataDir, Handler handler) throws IOException {
        Path socket = ControlAddress.socket(dataDir);
        ControlAddress.prepareFolder(socket.getParent());
        if (Files.exists(socket)) {
            if (ControlClient.answers(socket)) {
                throw new IOException("another Leverdesk process already listens on " + socket);
            }
            Files.delete(socket);
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            if (ControlAddress.posix()) {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        ControlServer s = new ControlServer(socket, server, handler);
        s.acceptor.start();
        LOG.info("control channel listening on {}", socket);
        return s;
    }

    /** The socket this server listens on. */
    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("control channel: accepting a connection failed: {}", e.getMessage());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                answerQuietly(client, new Reply(2, "", "error: " + MAX_PARALLEL + " commands are already running in this"
                        + " Leverdesk process; try again in a moment\n"));
                continue;
            }
            workers.execute(() -> {
                try {
                    serve(client);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            String stranger = stranger(client);
            if (stranger != null) {
                LOG.warn("control channel: refused a connection from {}", stranger);
                write(client, new Reply(2, "", "error: this Leverdesk process only takes commands from its own user\n"));
                return;
            }
            Request request;
            try {
                request = ControlMessages.read(readLine(client), Request.class);
            } catch (IOException e) {
                write(client, new Reply(2, "", "error: unreadable control request (" + e.getMessage() + ")\n"));
                return;
            }
            if (request.v() != ControlMessages.VERSION) {
                write(client, new Reply(2, "", "error: this Leverdesk speaks control protocol " + ControlMessages.VERSION
                        + ", the command sent " + request.v() + "; use the same Leverdesk version for both\n"));
                return;
            }
            LOG.info("control channel: running '{}'", SecretMask.redact(String.join(" ", request.argv())));
            Reply reply;
            try {
                reply = handler.handle(request.argv());
            } catch (RuntimeException e) {
                LOG.error("control channel: '{}' failed", request.argv(), e);
                reply = new Reply(2, "", "error: " + e.getMessage() + "\n");
            }
            write(client, new Reply(reply.exit(), SecretMask.redact(reply.out()), SecretMask.redact(reply.err())));
        } catch (IOException e) {
            LOG.warn("control channel: a connection broke: {}", e.getMessage());
        }
    }

    /** Null when the peer runs as this process's user (or the OS cannot tell), else who it is. */
    private static String stranger(SocketChannel client) {
        try {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            String me = System.getProperty("user.name");
            return peer == null || peer.user().getName().equals(me) ? null : "user " + peer.user().getName();
        } catch (UnsupportedOperationException | IOException e) {
            return null; // the socket folder's permissions are the guard there
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (client.read(buf) >= 0) {
            buf.flip();
            while (buf.hasRemaining()) {
                byte b = buf.get();
                if (b == '\n') {
                    return bytes.toString(StandardCharsets.UTF_8);
                }
                bytes.write(b);
            }
            buf.clear();
            if (bytes.size() > ControlMessages.MAX_REQUEST_BYTES) {
                throw new IOException("the request is larger than " + ControlMessages.MAX_REQUEST_BYTES + " bytes");
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static void write(SocketChannel channel, Object message) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((ControlMessages.write(message) + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    private static void answerQuietly(SocketChannel client, Reply reply) {
        try (client) {
            write(client, reply);
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Stops listening and removes the socket; commands still running finish (up to 5 s). */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the control socket: {}", e.getMessage());
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("removing {}: {}", socket, e.getMessage());
        }
        LOG.info("control channel on {} closed", socket);
    }
}
