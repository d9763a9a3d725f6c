package org.leverdesk.app.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.control.ControlMessages.Reply;

/** The control channel: a user-only socket in the data folder, one command per connection, stale sockets replaced. */
class ControlChannelTest {
    @TempDir
    Path data;

    @Test
    void aCommandLineGoesToTheOwnerAndItsAnswerComesBack() throws Exception {
        try (ControlServer server = ControlServer.start(data, argv -> new Reply(3, "ran " + String.join(" ", argv) + "\n",
                "warn\n"))) {
            Reply reply = ControlClient.send(data, List.of("status", "--data-dir", data.toString()), Duration.ofSeconds(10))
                    .orElseThrow();
            assertEquals(new Reply(3, "ran status --data-dir " + data + "\n", "warn\n"), reply);
            assertEquals(data.resolve("control").resolve("leverdesk.sock"), server.socket());
        }
        assertFalse(Files.exists(data.resolve("control").resolve("leverdesk.sock")), "the socket goes with the owner");
        assertTrue(ControlClient.send(data, List.of("status"), Duration.ofSeconds(1)).isEmpty(), "nobody listens: run here");
    }

    @Test
    void onlyItsOwnerCanEnterTheSocketsFolder() throws Exception {
        try (ControlServer server = ControlServer.start(data, argv -> new Reply(0, "", ""))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("control"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket())));
        }
    }

    @Test
    void aSocketLeftByADeadProcessIsReplacedAndAnswersNothing() throws Exception {
        Files.createDirectories(data.resolve("control"));
        // A dead owner leaves its socket file; nobody accepts on it.
        try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(data.resolve("control").resolve("leverdesk.sock")));
        }
        assertTrue(Files.exists(data.resolve("control").resolve("leverdesk.sock")));
        assertTrue(ControlClient.send(data, List.of("status"), Duration.ofSeconds(1)).isEmpty());
        try (ControlServer server = ControlServer.start(data, argv -> new Reply(0, "fresh\n", ""))) {
            assertEquals("fresh\n", ControlClient.send(data, List.of("x"), Duration.ofSeconds(10)).orElseThrow().out());
        }
    }

    @Test
    void anOwnerThatDoesNotAnswerIsReportedNotWaitedForForever() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        try (ControlServer server = ControlServer.start(data, argv -> {
            try {
                stuck.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Reply(0, "", "");
        })) {
            ControlUnavailableException e = assertThrows(ControlUnavailableException.class,
                    () -> ControlClient.send(data, List.of("status"), Duration.ofMillis(500)));
            assertTrue(e.getMessage().endsWith("did not answer within 500 ms"), e.getMessage());
            stuck.countDown();
        }
    }

    @Test
    void aDeepDataFolderGetsItsSocketInAUserOnlyTemporaryFolder() {
        Path deep = data;
        while (deep.toString().length() < 120) {
            deep = deep.resolve("a-rather-long-folder-name");
        }
        Path socket = ControlAddress.socket(deep);
        assertTrue(socket.toString().length() <= 100, socket.toString());
        assertEquals(socket, ControlAddress.socket(deep), "client and server compute the same place");
        assertTrue(socket.getParent().getFileName().toString().startsWith("leverdesk-"), socket.toString());
    }
}
