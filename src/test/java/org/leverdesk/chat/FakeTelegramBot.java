package org.leverdesk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The Bot API on 127.0.0.1 as a chat listener sees it: {@code getUpdates} answers the updates from the
 * requested offset on (waiting up to half a second for one, a short long poll), {@code sendMessage} and
 * {@code sendPhoto} are recorded; {@link #dropNext} makes the next polls fail as a broken network would
 * (the connection closed without an answer).
 */
public final class FakeTelegramBot implements AutoCloseable {
    /** A message the bot sent: to which chat, its text (or a photo's file name), and whether it was a photo. */
    public record Sent(String chatId, String text, boolean photo, int bytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String TOKEN = "4242:fake-telegram-token";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Long> offsetsAsked = new CopyOnWriteArrayList<>();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private int nextId = 500;

    public FakeTelegramBot() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/bot" + TOKEN + "/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A text message from {@code fromId} in the private chat {@code chatId} (same id in a private chat); returns its update id. */
    public synchronized long message(long chatId, String text) {
        ObjectNode u = JSON.createObjectNode().put("update_id", nextId++);
        ObjectNode m = u.putObject("message").put("message_id", nextId).put("date", 1_767_000_000).put("text", text);
        m.putObject("chat").put("id", chatId).put("type", "private");
        m.putObject("from").put("id", chatId).put("is_bot", false).put("username", "user" + chatId);
        updates.add(u);
        return u.get("update_id").asLong();
    }

    /** The next {@code n} getUpdates calls fail as a dropped connection. */
    public void dropNext(int n) {
        drops.set(n);
    }

    public int dropped() {
        return dropped.get();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Sent> sentTo(long chatId) {
        return sent.stream().filter(s -> s.chatId().equals(String.valueOf(chatId))).toList();
    }

    public List<Long> offsetsAsked() {
        return List.copyOf(offsetsAsked);
    }

    /** Waits up to {@code timeout} for a message to {@code chatId} that matches, and returns it. */
    public Sent await(long chatId, Predicate<Sent> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Sent s : sentTo(chatId)) {
                if (match.test(s)) {
                    return s;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching message to chat " + chatId + " within " + timeout + "; sent: " + sent);
    }

    /** Waits until at least {@code n} polls asked for updates. */
    public void awaitPolls(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (offsetsAsked.size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = path.substring(path.lastIndexOf('/') + 1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("getUpdates")) {
            if (drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                dropped.incrementAndGet();
                exchange.close(); // no answer at all: the client sees the connection end
                return;
            }
            long offset = 0;
            String q = exchange.getRequestURI().getRawQuery();
            for (String kv : q == null ? new String[0] : q.split("&")) {
                if (kv.startsWith("offset=")) {
                    offset = Long.parseLong(URLDecoder.decode(kv.substring(7), StandardCharsets.UTF_8));
                }
            }
            offsetsAsked.add(offset);
            List<JsonNode> due = new ArrayList<>();
            for (int i = 0; i < 25 && due.isEmpty(); i++) {
                for (JsonNode u : updates) {
                    if (u.get("update_id").asLong() >= offset) {
                        due.add(u);
                    }
                }
                if (due.isEmpty()) {
                    sleep(20);
                }
            }
            ObjectNode answer = JSON.createObjectNode().put("ok", true);
            ArrayNode result = answer.putArray("result");
            due.forEach(result::add);
            reply(exchange, answer.toString());
        } else if (method.equals("sendMessage")) {
            JsonNode m = JSON.readTree(body);
            sent.add(new Sent(m.path("chat_id").asText(), m.path("text").asText(), false, 0));
            reply(exchange, "{\"ok\":true,\"result\":{\"message_id\":1}}");
        } else if (method.equals("sendPhoto")) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            String chat = text.replaceAll("(?s).*name=\"chat_id\"\r\n\r\n([^\r]*)\r\n.*", "$1");
            String file = text.replaceAll("(?s).*name=\"photo\"; filename=\"([^\"]*)\".*", "$1");
            boolean png = text.contains("\u0089PNG");
            sent.add(new Sent(chat, file, png, body.length));
            reply(exchange, "{\"ok\":true,\"result\":{\"message_id\":2}}");
        } else {
            reply(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        reply(exchange, 200, json);
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
