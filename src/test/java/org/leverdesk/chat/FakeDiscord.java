package org.leverdesk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Discord on 127.0.0.1: the REST API (gateway address, command registration, interaction callbacks and
 * message edits, all recorded) and a gateway speaking just enough WebSocket (RFC 6455 handshake, text
 * frames, ping-free) to say HELLO, take IDENTIFY and heartbeats, send READY and interactions, and drop
 * the connection on request.
 */
public final class FakeDiscord implements AutoCloseable {
    /** A REST request as received. */
    public record Request(String method, String path, String contentType, String body) {
    }

    public static final String TOKEN = "fake-discord-bot-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer rest;
    private final ServerSocket gateway;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile Socket current;

    public FakeDiscord() throws IOException {
        rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/", this::handle);
        rest.setExecutor(executor);
        rest.start();
        gateway = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        executor.execute(this::acceptLoop);
    }

    public URI api() {
        return URI.create("http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int identifies() {
        return identifies.get();
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** Sends a slash command {@code name} (with one string option, or none) from {@code userId}. */
    public void interaction(String id, String userId, String name, String optionName, String optionValue) throws IOException {
        ObjectNode p = JSON.createObjectNode().put("op", 0).put("t", "INTERACTION_CREATE").put("s", seq.incrementAndGet());
        ObjectNode d = p.putObject("d").put("id", id).put("token", "itoken-" + id).put("type", 2).put("application_id", "777");
        d.putObject("member").putObject("user").put("id", userId).put("username", "u" + userId);
        ObjectNode data = d.putObject("data").put("name", name);
        if (optionName != null) {
            data.putArray("options").addObject().put("name", optionName).put("type", 3).put("value", optionValue);
        }
        send(current, p.toString());
    }

    /** Ends the gateway connection without a close frame, as a network drop does. */
    public void drop() throws IOException {
        Socket s = current;
        if (s != null) {
            s.close();
        }
    }

    /** Waits until {@code match} holds. */
    public static void await(java.util.function.BooleanSupplier match, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!match.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The REST requests whose path matches. */
    public List<Request> requests(Predicate<Request> match) {
        return requests.stream().filter(match).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (!("Bot " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"message\": \"401: Unauthorized\", \"code\": 0}");
        } else if (path.endsWith("/gateway/bot")) {
            reply(exchange, 200, "{\"url\":\"ws://127.0.0.1:" + gateway.getLocalPort() + "\",\"shards\":1}");
        } else if (exchange.getRequestMethod().equals("POST") && path.endsWith("/callback")) {
            reply(exchange, 204, "");
        } else {
            reply(exchange, 200, "{\"id\":\"1\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private void acceptLoop() {
        while (!gateway.isClosed()) {
            try {
                Socket s = gateway.accept();
                executor.execute(() -> session(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String key = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            current = s;
            send(s, "{\"op\":10,\"d\":{\"heartbeat_interval\":500}}");
            while (true) {
                String text = readFrame(in);
                if (text == null) {
                    return;
                }
                JsonNode p = JSON.readTree(text);
                received.add(p);
                switch (p.path("op").asInt()) {
                    case 2 -> {
                        identifies.incrementAndGet();
                        send(s, "{\"op\":0,\"t\":\"READY\",\"s\":" + seq.incrementAndGet()
                                + ",\"d\":{\"session_id\":\"x\",\"user\":{\"username\":\"leverdesk\"}}}");
                    }
                    case 1 -> send(s, "{\"op\":11}");
                    default -> { }
                }
            }
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            // the connection ended
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    /** One client frame's text (clients mask their frames); null at a close frame or the end. */
    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0 || (b0 & 0x0f) == 8) {
                return null;
            }
            long len = b1 & 0x7f;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
            byte[] data = in.readNBytes((int) len);
            for (int i = 0; i < data.length; i++) {
                data[i] ^= mask[i % 4];
            }
            message.writeBytes(data);
            if ((b0 & 0x80) != 0) {
                return message.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static synchronized void send(Socket s, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        OutputStream out = s.getOutputStream();
        out.write(0x81);
        if (data.length < 126) {
            out.write(data.length);
        } else if (data.length < 65_536) {
            out.write(126);
            out.write(data.length >> 8);
            out.write(data.length & 0xff);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) data.length >> (8 * i)) & 0xff);
            }
        }
        out.write(data);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        gateway.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
        rest.stop(0);
        executor.shutdownNow();
    }
}
