package org.leverdesk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.leverdesk.common.SecretMask;
import org.leverdesk.notify.Multipart;
import org.leverdesk.notify.TextChunks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord commands as slash commands over the gateway, on the JDK's HttpClient and WebSocket (why not JDA:
 * decision 0019): registers the commands (one bulk overwrite, in the configured server at once or globally),
 * connects to the gateway (outbound only), identifies with no privileged intents (interactions need none),
 * heartbeats, and answers each {@code INTERACTION_CREATE} from an allowed user: a deferred, ephemeral
 * answer at once (Discord wants one within 3 s), then the command's answer edited in, with the report's
 * chart attached. An interaction from anyone else is journalled and left unanswered. A dropped
 * connection, a missed heartbeat acknowledgement or Discord asking to reconnect starts a new session after a
 * growing pause (up to a minute); the listener never ends on its own.
 */
public final class DiscordListener implements AutoCloseable {
    /** Discord's REST API (v10). */
    public static final URI DEFAULT_API = URI.create("https://discord.com/api/v10");
    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CONTENT = 2000;
    private static final int EPHEMERAL = 64;

    private final HttpClient http;
    private final String api;
    private final String token;
    private final String applicationId;
    private final String guildId;
    private final ChatCommands commands;
    private final Set<String> allowed;
    private final Backoff backoff;
    private final Thread thread;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "leverdesk-discord-command");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile boolean registered;

    public DiscordListener(HttpClient http, URI api, String token, String applicationId, String guildId,
                           ChatCommands commands, Set<String> allowedUsers, Duration firstRetry) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("Discord commands need DISCORD_BOT_TOKEN (Developer Portal > Bot > Reset Token)"
                    + " in the environment or secrets.properties");
        }
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("Discord commands need chat.discordApplicationId");
        }
        SecretMask.register(token);
        this.http = http;
        this.api = api.toString().replaceAll("/+$", "");
        this.token = token;
        this.applicationId = applicationId;
        this.guildId = guildId == null ? "" : guildId;
        this.commands = commands;
        this.allowed = Set.copyOf(allowedUsers);
        this.backoff = new Backoff(firstRetry, Duration.ofMinutes(1));
        this.thread = new Thread(this::loop, "leverdesk-discord-gateway");
        thread.setDaemon(true);
    }

    public DiscordListener start() {
        thread.start();
        LOG.info("Discord commands: connecting for {} allowed user(s)", allowed.size());
        return this;
    }

    private void loop() {
        while (!closed) {
            boolean ready;
            String why;
            try {
                if (!registered) {
                    register();
                    registered = true;
                }
                Session s = new Session();
                ready = s.run();
                why = s.ended.getNow("ended");
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                ready = false;
                why = SecretMask.redact(String.valueOf(e.getMessage()));
            }
            if (closed) {
                return;
            }
            if (ready) {
                backoff.reset(); // a session that worked: reconnect soon
            }
            Duration wait = backoff.next();
            LOG.warn("Discord commands: the gateway session ended ({}); reconnecting in {} ms", why, wait.toMillis());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Registers the slash commands (a bulk overwrite: the list is exactly {@link ChatCommand}'s). */
    void register() throws IOException, InterruptedException {
        ArrayNode list = JSON.createArrayNode();
        for (ChatCommand c : ChatCommand.values()) {
            ObjectNode n = list.addObject();
            n.put("name", c.word());
            n.put("description", c.description().length() > 100 ? c.description().substring(0, 100) : c.description());
            n.put("type", 1);
            if (c == ChatCommand.REPORT) {
                ObjectNode o = n.putArray("options").addObject();
                o.put("type", 3).put("name", "kind").put("description", "daily (default) or weekly").put("required", false);
                o.putArray("choices").add(choice("daily")).add(choice("weekly"));
            } else if (c == ChatCommand.CLOSEALL) {
                ObjectNode o = n.putArray("options").addObject();
                o.put("type", 3).put("name", "scope").put("description", "leave empty for the whole account; options: only option"
                        + " positions").put("required", false);
                o.putArray("choices").add(choice("options"));
            } else if (c == ChatCommand.CONFIRM) {
                n.putArray("options").addObject().put("type", 3).put("name", "code")
                        .put("description", "the six-digit code").put("required", true);
            }
        }
        String path = "/applications/" + applicationId + (guildId.isEmpty() ? "" : "/guilds/" + guildId) + "/commands";
        send(request(path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(list))).build());
    }

    private static ObjectNode choice(String v) {
        return JSON.createObjectNode().put("name", v).put("value", v);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bot " + token).header("Content-Type", "application/json")
                .header("User-Agent", "DiscordBot (https://github.com/leverdesk/leverdesk, 0.1)");
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            String hint = r.statusCode() == 401 ? "; check DISCORD_BOT_TOKEN" : r.statusCode() == 403 || r.statusCode() == 404
                    ? "; check chat.discordApplicationId, chat.discordGuildId and that the bot was invited with applications.commands" : "";
            String body = r.body() == null ? "" : r.body().replaceAll("\\s+", " ");
            throw new IOException("Discord answered " + r.statusCode() + " to " + request.method() + " "
                    + request.uri().getPath().replaceAll("/interactions/[^/]+/[^/]+", "/interactions/…")
                    .replaceAll("/webhooks/([^/]+)/[^/]+", "/webhooks/$1/…") + ": "
                    + (body.length() > 200 ? body.substring(0, 200) : body) + hint);
        }
        return r.body();
    }

    /** One gateway connection, from HELLO to its end. */
    private final class Session implements WebSocket.Listener {
        final CompletableFuture<String> ended = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final AtomicLong sequence = new AtomicLong(-1);
        private final AtomicBoolean acked = new AtomicBoolean(true);
        private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leverdesk-discord-heartbeat");
            t.setDaemon(true);
            return t;
        });
        private volatile boolean ready;
        private volatile WebSocket ws;

        /** Runs until the connection ends; true when it got as far as READY. */
        boolean run() throws IOException, InterruptedException {
            String url = JSON.readTree(send(request("/gateway/bot").GET().build())).path("url").asText("");
            if (url.isEmpty()) {
                throw new IOException("Discord named no gateway address");
            }
            try {
                ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                        .buildAsync(URI.create(url + "/?v=10&encoding=json"), this).get(30, TimeUnit.SECONDS);
                socket = ws;
                ended.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("the gateway could not be reached (" + e.getCause() + ")", e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IOException("the gateway did not answer within 30 s");
            } finally {
                heart.shutdownNow();
                if (ws != null) {
                    ws.abort();
                }
            }
            return ready;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket; // HELLO may come before buildAsync's future completes
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    onPayload(JSON.readTree(message));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Discord commands: an unreadable gateway message ({})", e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }

        private void onPayload(JsonNode p) throws IOException {
            if (p.hasNonNull("s")) {
                sequence.set(p.get("s").asLong());
            }
            switch (p.path("op").asInt(-1)) {
                case 10 -> hello(p.path("d").path("heartbeat_interval").asLong(41_250));
                case 11 -> acked.set(true);
                case 1 -> beat();
                case 7 -> end("Discord asked to reconnect");
                case 9 -> end("Discord invalidated the session");
                case 0 -> dispatch(p.path("t").asText(), p.path("d"));
                default -> { }
            }
        }

        private void hello(long interval) throws IOException {
            ObjectNode identify = JSON.createObjectNode().put("op", 2);
            ObjectNode d = identify.putObject("d").put("token", token).put("intents", 0);
            d.putObject("properties").put("os", System.getProperty("os.name", "linux")).put("browser", "leverdesk")
                    .put("device", "leverdesk");
            sendText(JSON.writeValueAsString(identify));
            // The first beat after interval × jitter, as Discord asks, then every interval.
            long first = (long) (interval * Math.random());
            heart.scheduleAtFixedRate(() -> {
                if (!acked.getAndSet(false)) {
                    end("no heartbeat acknowledgement (a zombie connection)");
                    return;
                }
                beat();
            }, first, interval, TimeUnit.MILLISECONDS);
        }

        private void beat() {
            long s = sequence.get();
            sendText("{\"op\":1,\"d\":" + (s < 0 ? "null" : s) + "}");
        }

        private void dispatch(String type, JsonNode d) {
            if (type.equals("READY")) {
                ready = true;
                LOG.info("Discord commands: connected as {}", d.path("user").path("username").asText("the bot"));
            } else if (type.equals("INTERACTION_CREATE") && d.path("type").asInt() == 2) {
                workers.execute(() -> interaction(d));
            }
        }

        /** One message at a time: the JDK's WebSocket refuses a send while another is under way. */
        private synchronized void sendText(String message) {
            try {
                ws.sendText(message, true).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                end("sending to the gateway failed (" + e.getMessage() + ")");
            }
        }

        private void end(String why) {
            ended.complete(why);
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete("closed by Discord (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")"
                    + (statusCode == 4004 ? "; check DISCORD_BOT_TOKEN" : ""));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.complete("connection lost (" + SecretMask.redact(String.valueOf(error.getMessage())) + ")");
        }
    }

    /** One slash command: checked, deferred, run, answered. */
    void interaction(JsonNode d) {
        JsonNode user = d.path("member").path("user").isMissingNode() ? d.path("user") : d.path("member").path("user");
        String userId = user.path("id").asText();
        StringBuilder line = new StringBuilder("/").append(d.path("data").path("name").asText());
        for (JsonNode o : d.path("data").path("options")) {
            line.append(' ').append(o.path("value").asText());
        }
        ChatRequest request = new ChatRequest("Discord", userId, user.path("username").asText(""), line.toString());
        if (!allowed.contains(userId)) {
            commands.handle(request, allowed); // journals the stranger; no answer at all
            return;
        }
        String id = d.path("id").asText();
        String itoken = d.path("token").asText();
        try {
            ObjectNode deferred = JSON.createObjectNode().put("type", 5);
            deferred.putObject("data").put("flags", EPHEMERAL);
            send(request("/interactions/" + id + "/" + itoken + "/callback")
                    .POST(HttpRequest.BodyPublishers.ofString(deferred.toString())).build());
            ChatAnswer answer = commands.handle(request, allowed);
            if (answer != null) {
                answer(itoken, answer);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Discord commands: answering {} failed: {}", line, SecretMask.redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(String itoken, ChatAnswer answer) throws IOException, InterruptedException {
        List<String> parts = TextChunks.split(answer.text(), MAX_CONTENT - 8);
        String webhook = "/webhooks/" + applicationId + "/" + itoken;
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode body = JSON.createObjectNode().put("content", "```\n" + parts.get(i).replace("```", "'''") + "\n```");
            body.putObject("allowed_mentions").putArray("parse");
            boolean lastPart = i == parts.size() - 1;
            if (i > 0) {
                body.put("flags", EPHEMERAL);
            }
            HttpRequest.Builder r = request(i == 0 ? webhook + "/messages/@original" : webhook);
            if (lastPart && answer.image() != null) {
                String name = answer.image().getFileName().toString();
                body.putArray("attachments").addObject().put("id", 0).put("filename", name);
                Multipart form = new Multipart().field("payload_json", body.toString(), "application/json")
                        .file("files[0]", name, "image/png", Files.readAllBytes(answer.image()));
                r.setHeader("Content-Type", form.contentType());
                send((i == 0 ? r.method("PATCH", form.publisher()) : r.POST(form.publisher())).build());
            } else {
                HttpRequest.BodyPublisher p = HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
                send((i == 0 ? r.method("PATCH", p) : r.POST(p)).build());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        WebSocket w = socket;
        if (w != null) {
            w.abort();
        }
        workers.shutdown();
        try {
            thread.join(5_000);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
