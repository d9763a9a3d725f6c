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

    /** The answer of a direct REST call: its HTTP status and parsed JSON body (a missing node when empty). */
    record Answer(int status, JsonNode body) {
        String message() {
            return body.path("message").asText("HTTP " + status);
        }
    }

    /** Sends {@code method} to Alpaca's trading API at {@code path} (after /v2/) and parses the answer; any HTTP status returns. */
    Answer rest(String method, String path) {
        AlpacaClient broker = api.getBrokerClient();
        HttpUrl url = HttpUrl.get(broker.getBaseURL() + "/" + path);
        Request request = new Request.Builder().url(url).headers(broker.getRequestHeaders())
                .method(method, null).build();
        try (Response response = http.newCall(request).execute(); ResponseBody body = response.body()) {
            String text = body == null ? "" : body.string();
            JsonNode node = text.isBlank() ? json.missingNode() : json.readTree(text);
            return new Answer(response.code(), node);
        } catch (IOException e) {
            throw AlpacaErrors.unavailable(method + " /v2/" + path, e);
        }
    }

    /** A direct REST read through the rate limiter and retries; 5xx and 429 are retried, other errors thrown. */
    JsonNode readRest(String what, String path) {
        return read(what, () -> {
            Answer a = rest("GET", path);
            AlpacaErrors.throwIfFailed(what, a);
            return a.body();
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
