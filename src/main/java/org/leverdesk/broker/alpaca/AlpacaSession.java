package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import net.jacobpeterson.alpaca.AlpacaAPI;
import net.jacobpeterson.alpaca.model.properties.DataAPIType;
import net.jacobpeterson.alpaca.model.properties.EndpointAPIType;
import net.jacobpeterson.alpaca.rest.AlpacaClient;
import net.jacobpeterson.alpaca.rest.AlpacaClientException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.config.AlpacaEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one Alpaca account: the OkHttp client (timeouts, no silent re-sends), alpaca-java
 * on top of it, direct REST calls where alpaca-java falls short, the client-side rate limiter every
 * call passes, and the retry policy for reads. Share one session between the broker and the history
 * download so they share the rate limit.
 */
public final class AlpacaSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaSession.class);

    private final AlpacaSettings settings;
    private final OkHttpClient http;
    private final AlpacaAPI api;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final FailsafeExecutor<Object> reads;
    private final FailsafeExecutor<Object> writes;

    public AlpacaSession(AlpacaSettings settings) {
        this(settings, Duration.ofMinutes(1));
    }

    /** With the rate limit counted per {@code ratePeriod} instead of per minute (tests). */
    AlpacaSession(AlpacaSettings settings, Duration ratePeriod) {
        this.settings = settings;
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .callTimeout(settings.callTimeout())
                .connectTimeout(settings.callTimeout())
                .readTimeout(settings.callTimeout())
                .writeTimeout(settings.callTimeout())
                // OkHttp would otherwise re-send a request on a stale connection on its own, which for an
                // order POST could place the order twice; every retry here is an explicit decision.
                .retryOnConnectionFailure(false)
                // Idle connections are dropped before servers usually close them, so an order POST rarely
                // meets a stale connection (which would make its outcome look unknown).
                .connectionPool(new ConnectionPool(5, 20, TimeUnit.SECONDS));
        if (settings.baseUrl() != null) {
            builder.addInterceptor(new HostRewrite(settings.baseUrl()));
        }
        this.http = builder.build();
        this.api = new AlpacaAPI(http, settings.keyId(), settings.secretKey(), null,
                settings.endpoint() == AlpacaEndpoint.LIVE ? EndpointAPIType.LIVE : EndpointAPIType.PAPER, DataAPIType.IEX);
        RateLimiter<Object> limiter = RateLimiter.burstyBuilder(settings.requestsPerMinute(), ratePeriod)
                .withMaxWaitTime(Duration.ofMinutes(1)).build();
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handle(BrokerUnavailableException.class)
                .withBackoff(settings.retryDelay(), settings.maxRetryDelay().compareTo(settings.retryDelay()) > 0
                        ? settings.maxRetryDelay() : settings.retryDelay().multipliedBy(2))
                .withJitter(0.25)
                .withMaxAttempts(settings.readAttempts())
                .onRetry(e -> LOG.warn("Alpaca read failed, attempt {} of {}: {}", e.getAttemptCount(),
                        settings.readAttempts(), e.getLastException().getMessage()))
                .build();
        this.reads = Failsafe.with(retry, limiter);
        this.writes = Failsafe.with(limiter);
    }

    public AlpacaSettings settings() {
        return settings;
    }

    AlpacaAPI api() {
        return api;
    }

    ObjectMapper json() {
        return json;
    }

    /** An alpaca-java call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws AlpacaClientException;
    }

    /** Runs a read with the rate limiter and retries (timeouts, 5xx, 429, dropped connections). */
    @SuppressWarnings("unchecked")
    <T> T read(String what, Call<T> call) {
        return (T) run(reads, what, call);
    }

    /**
     * Runs a write once, with the rate limiter only. A failure is translated by {@code translate}
     * (order submits turn 422 into a duplicate and other 4xx into a rejection).
     */
    @SuppressWarnings("unchecked")
    <T> T write(String what, Call<T> call) {
        return (T) run(writes, what, call);
    }

    private Object run(FailsafeExecutor<Object> executor, String what, Call<?> call) {
        try {
            return executor.get(() -> {
                try {
                    return call.run();
                } catch (AlpacaClientException e) {
                    throw AlpacaErrors.translate(what, e);
                }
            });
        } catch (RateLimitExceededException e) {
            throw new BrokerUnavailableException(what + ": more than " + settings.requestsPerMinute()
                    + " Alpaca requests a minute are queued; try again in a minute", e);
        } catch (BrokerException | CancellationException e) {
            throw e;
        } catch (dev.failsafe.FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BrokerException(what + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * The answer of a direct REST call: its HTTP status, its body as sent ({@code raw}) and parsed
     * ({@code body}: a missing node when empty, null when the text is not JSON).
     */
    record Answer(String endpoint, int status, JsonNode body, String raw) {
        String message() {
            if (body != null && body.hasNonNull("message")) {
                return body.get("message").asText();
            }
            String text = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
            return text.isEmpty() ? "HTTP " + status : text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }

        /** The parsed body of a successful answer, or a {@link org.leverdesk.broker.MalformedBrokerAnswerException} when it is not JSON or empty. */
        JsonNode json() {
            if (body == null) {
                throw new org.leverdesk.broker.MalformedBrokerAnswerException(endpoint, "", "body is not JSON ('" + message() + "')");
            }
            if (body.isMissingNode()) {
                throw new org.leverdesk.broker.MalformedBrokerAnswerException(endpoint, "", "body is empty");
            }
            return body;
        }
    }

    /** Sends {@code method} to Alpaca's trading API at {@code path} (after /v2/) and reads the answer; any HTTP status returns. */
    Answer rest(String method, String path) {
        return rest(method, path, java.util.Map.of(), null);
    }

    /**
     * Sends {@code method} to Alpaca's trading API at {@code path} (after /v2/, segments unencoded) with
     * the query parameters and JSON body given (null: none). Any HTTP status returns; only a failed
     * connection throws ({@link BrokerUnavailableException}).
     */
    Answer rest(String method, String path, java.util.Map<String, String> query, JsonNode body) {
        AlpacaClient broker = api.getBrokerClient();
        HttpUrl.Builder url = broker.getBaseURL().newBuilder().addPathSegments(path);
        query.forEach(url::addQueryParameter);
        String endpoint = method + " /v2/" + path;
        okhttp3.RequestBody requestBody = null;
        if (body != null) {
            try {
                requestBody = okhttp3.RequestBody.create(json.writeValueAsBytes(body), okhttp3.MediaType.get("application/json"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the request body of " + endpoint, e);
            }
        } else if (method.equals("POST")) {
            // A POST without a body (exercise, do-not-exercise) still sends an empty one, as HTTP wants.
            requestBody = okhttp3.RequestBody.create(new byte[0]);
        }
        Request request = new Request.Builder().url(url.build()).headers(broker.getRequestHeaders())
                .method(method, requestBody).build();
        try (Response response = http.newCall(request).execute(); ResponseBody responseBody = response.body()) {
            String text = responseBody == null ? "" : responseBody.string();
            JsonNode node;
            try {
                node = text.isBlank() ? json.missingNode() : json.readTree(text);
            } catch (IOException notJson) {
                node = null;
            }
            return new Answer(endpoint, response.code(), node, text);
        } catch (IOException e) {
            throw AlpacaErrors.unavailable(endpoint, e);
        }
    }

    /** A direct REST read through the rate limiter and retries; 5xx and 429 are retried, other errors thrown. */
    JsonNode readRest(String what, String path) {
        return readRest(what, path, java.util.Map.of());
    }

    /** Like {@link #readRest(String, String)} with query parameters; the body must be JSON. */
    JsonNode readRest(String what, String path, java.util.Map<String, String> query) {
        return read(what, () -> {
            Answer a = rest("GET", path, query, null);
            AlpacaErrors.throwIfFailed(what, a);
            return a.json();
        });
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "AlpacaSession[" + settings + "]";
    }
}
