package org.leverdesk.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import net.jacobpeterson.alpaca.rest.AlpacaClient;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.leverdesk.market.feed.FeedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET requests to Alpaca's market data API (v2 stocks). alpaca-java 9.2.0 supplies the host and the key
 * headers ({@code getStockDataClient()}) and the session's OkHttp client (timeouts, the test redirect); the
 * query is built here because alpaca-java sends {@code feed} upper-case ("IEX", the spec's enum is
 * lower-case) and cannot name a feed on the latest and snapshot endpoints at all. Market data has its own
 * rate limit at Alpaca, so it has its own limiter here. 429 and 5xx answers and dropped connections are
 * retried with exponential backoff and jitter (Failsafe, as the broker's reads are); a 429's
 * {@code Retry-After} is waited out instead of the backoff.
 */
final class AlpacaDataClient {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaDataClient.class);
    /** A longer Retry-After than this is not waited for: the refresh reports the symbol and goes on. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final AlpacaSession session;
    private final FailsafeExecutor<Object> reads;

    AlpacaDataClient(AlpacaSession session) {
        this.session = session;
        AlpacaSettings s = session.settings();
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handle(Unavailable.class)
                .withBackoff(s.retryDelay(), s.maxRetryDelay().compareTo(s.retryDelay()) > 0 ? s.maxRetryDelay()
                        : s.retryDelay().multipliedBy(2))
                .withJitter(0.25)
                // Jitter may shorten a delay by a quarter: 4/3 of Retry-After never asks before Alpaca allows.
                // A negative delay tells Failsafe to use the backoff instead.
                .withDelayFnOn(ctx -> {
                    Duration after = ((Unavailable) ctx.getLastException()).retryAfter;
                    return after == null ? Duration.ofMillis(-1) : after.multipliedBy(4).dividedBy(3);
                }, Unavailable.class)
                .withMaxAttempts(s.readAttempts())
                .onRetry(e -> LOG.warn("Alpaca market data read failed, attempt {} of {}: {}", e.getAttemptCount(),
                        s.readAttempts(), e.getLastException().getMessage()))
                .build();
        RateLimiter<Object> limiter = RateLimiter.burstyBuilder(s.requestsPerMinute(), Duration.ofMinutes(1))
                .withMaxWaitTime(Duration.ofMinutes(1)).build();
        this.reads = Failsafe.with(retry, limiter);
    }

    /** An answer: HTTP status and parsed JSON body (a missing node when empty). */
    record Answer(int status, JsonNode body) {
        String message() {
            return body.path("message").asText("HTTP " + status);
        }
    }

    /**
     * GETs {@code path} (below /v2/, e.g. "stocks/QQQ/bars", or from the root when it starts with "/") with {@code query}, through the limiter and the
     * retries, and returns the JSON of a 2xx answer.
     *
     * @throws FeedException for any other answer (a one-line reason), or when retries ran out
     */
    JsonNode get(String what, String path, Map<String, String> query) {
        Answer a = answer(what, path, query);
        if (a.status() >= 300) {
            throw refused(what, a);
        }
        return a.body();
    }

    /** Like {@link #get} but returns any final (non-retried) answer, for callers that read the status themselves. */
    Answer answer(String what, String path, Map<String, String> query) {
        try {
            return (Answer) reads.get(() -> once(what, path, query));
        } catch (RateLimitExceededException e) {
            throw new FeedException(what + ": more than " + session.settings().requestsPerMinute()
                    + " Alpaca market data requests a minute are queued; try again in a minute", e);
        } catch (Unavailable e) {
            throw new FeedException(e.getMessage() + " (gave up after " + session.settings().readAttempts() + " attempts)", e);
        } catch (FeedException | CancellationException e) {
            throw e;
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new FeedException(what + ": " + cause.getMessage(), cause);
        }
    }

    private Answer once(String what, String path, Map<String, String> query) {
        AlpacaClient data = session.api().getStockDataClient();
        // A path from the root ("/v1beta1/options/...", "/v1/corporate-actions") leaves the stock data client's /v2 base;
        // others go below it.
        HttpUrl.Builder url = path.startsWith("/") ? data.getBaseURL().newBuilder().encodedPath(path)
                : data.getBaseURL().newBuilder().addPathSegments(path);
        query.forEach((k, v) -> {
            if (v != null) {
                url.addQueryParameter(k, v);
            }
        });
        Request request = new Request.Builder().url(url.build()).headers(data.getRequestHeaders()).get().build();
        try (Response response = session.api().getOkHttpClient().newCall(request).execute(); ResponseBody body = response.body()) {
            String text = body == null ? "" : body.string();
            JsonNode node;
            try {
                node = text.isBlank() ? session.json().missingNode() : session.json().readTree(text);
            } catch (IOException notJson) {
                // A proxy's HTML error page: keep the status, say what came instead of JSON.
                node = session.json().createObjectNode().put("message", "not JSON: " + firstLine(text));
            }
            int status = response.code();
            if (status == 429) {
                throw new Unavailable(what + ": Alpaca's market data rate limit was reached (HTTP 429)", retryAfter(response), null);
            }
            if (status >= 500) {
                throw new Unavailable(what + ": Alpaca market data had a server error (HTTP " + status + ": "
                        + new Answer(status, node).message() + ")", null, null);
            }
            return new Answer(status, node);
        } catch (IOException e) {
            String kind = e instanceof InterruptedIOException ? "no answer in time" : "the connection failed";
            throw new Unavailable(what + ": Alpaca market data could not be reached (" + kind + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); check the network and Alpaca's status page", null, e);
        }
    }

    /** A refused request: a one-line reason that says what to do where Alpaca's answer allows it. */
    static FeedException refused(String what, Answer a) {
        String m = a.message();
        if (a.status() == 401) {
            return new FeedException(what + ": Alpaca refused the API keys (HTTP 401); check ALPACA_KEY_ID and ALPACA_SECRET_KEY");
        }
        if (isSubscriptionLimit(a)) {
            return new FeedException(what + ": Alpaca says the account's market data plan does not allow this (HTTP "
                    + a.status() + ": " + m + "); recent SIP data needs a paid plan: choose the free IEX feed in Settings"
                    + " (\"dataFeed\": \"IEX\" under broker in config.json) or pass --feed iex");
        }
        return new FeedException(what + ": Alpaca market data answered HTTP " + a.status() + ": " + m);
    }

    /** Alpaca's answers when a plan may not have what was asked (SIP in the last 15 minutes). */
    static boolean isSubscriptionLimit(Answer a) {
        String m = a.message().toLowerCase(java.util.Locale.ROOT);
        return (a.status() == 403 || a.status() == 422) && (m.contains("subscription") || m.contains("too late"));
    }

    private static Duration retryAfter(Response response) {
        String h = response.header("Retry-After");
        if (h == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(h.trim());
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
        } catch (NumberFormatException notSeconds) {
            // An HTTP date: rare for Alpaca; the backoff will do.
            return null;
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl);
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }

    /** A failure worth another attempt (no answer, 429, 5xx); {@code retryAfter} is Alpaca's wait, if it said one. */
    static final class Unavailable extends RuntimeException {
        final Duration retryAfter;

        Unavailable(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }
    }
}
