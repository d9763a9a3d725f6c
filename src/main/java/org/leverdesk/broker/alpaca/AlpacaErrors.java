package org.leverdesk.broker.alpaca;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Locale;
import net.jacobpeterson.alpaca.rest.AlpacaClientException;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerUnavailableException;
import org.leverdesk.broker.DuplicateClientOrderIdException;
import org.leverdesk.broker.OrderRejectedException;

/**
 * Turns Alpaca's failures into the broker port's exceptions. Messages carry Alpaca's own reason and
 * never a key: alpaca-java's and OkHttp's messages hold the status and body, not the request headers.
 */
final class AlpacaErrors {
    private AlpacaErrors() {
    }

    /** A failure of any call: no answer, 429 and 5xx are "unavailable" (reads retry them), the rest plain errors. */
    static BrokerException translate(String what, AlpacaClientException e) {
        Integer status = e.getResponseStatusCode();
        if (status == null) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return unavailable(what, cause);
        }
        return forStatus(what, status, apiMessage(e), e);
    }

    static BrokerException forStatus(String what, int status, String message, Throwable cause) {
        if (status == 429) {
            return new BrokerUnavailableException(what + ": Alpaca's rate limit was reached (HTTP 429); wait a minute and try again", cause);
        }
        if (status >= 500) {
            return new BrokerUnavailableException(what + ": Alpaca had a server error (HTTP " + status + ": " + message
                    + "); try again later", cause);
        }
        if (status == 401) {
            return new BrokerException(what + ": Alpaca refused the API keys (HTTP 401); check ALPACA_KEY_ID and "
                    + "ALPACA_SECRET_KEY and that they belong to the chosen paper or live endpoint", cause);
        }
        return new BrokerException(what + ": Alpaca answered HTTP " + status + ": " + message, cause);
    }

    /** No answer: timeout, refused or dropped connection. For an order the outcome is unknown. */
    static BrokerUnavailableException unavailable(String what, Throwable cause) {
        String kind = cause instanceof InterruptedIOException ? "no answer in time" : "the connection failed";
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new BrokerUnavailableException(what + ": Alpaca could not be reached (" + kind + ": " + detail
                + "); check the network and Alpaca's status page", cause instanceof IOException ? cause : null);
    }

    /**
     * A failed order submit: 422 naming the client order id is a duplicate; other 4xx (403 insufficient
     * buying power, 422 bad price...) are rejections with Alpaca's reason; the rest mean the outcome is unknown.
     */
    static BrokerException forSubmit(String clientOrderId, AlpacaClientException e) {
        Integer status = e.getResponseStatusCode();
        if (status == null) {
            BrokerException base = translate("order " + clientOrderId, e);
            return new BrokerUnavailableException(base.getMessage() + "; the order may or may not have been placed: "
                    + "look it up by its client order id before sending anything again", base.getCause());
        }
        return forSubmit(clientOrderId, status, apiMessage(e));
    }

    /** {@link #forSubmit(String, AlpacaClientException)} for a direct REST answer's status and message. */
    static BrokerException forSubmit(String clientOrderId, int status, String message) {
        String what = "order " + clientOrderId;
        if (status == 429 || status >= 500) {
            BrokerException base = forStatus(what, status, message, null);
            return new BrokerUnavailableException(base.getMessage() + "; the order may or may not have been placed: "
                    + "look it up by its client order id before sending anything again", null);
        }
        if (status == 422 && isDuplicate(message)) {
            return new DuplicateClientOrderIdException(clientOrderId, what + ": Alpaca already has an order with this "
                    + "client order id (" + message + "); look that order up instead of sending it again");
        }
        if (status == 401) {
            return forStatus(what, status, message, null);
        }
        return new OrderRejectedException(what + " was rejected by Alpaca (HTTP " + status + "): " + message);
    }

    static boolean isDuplicate(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("client_order_id") && (m.contains("unique") || m.contains("duplicate") || m.contains("already"));
    }

    /** Throws the translated failure when a direct REST answer is not a success. */
    static void throwIfFailed(String what, AlpacaSession.Answer a) {
        if (a.status() >= 300) {
            throw forStatus(what, a.status(), a.message(), null);
        }
    }

    private static String apiMessage(AlpacaClientException e) {
        String m = null;
        try {
            // alpaca-java parses the error body ({"code":..., "message":...}) only inside getMessage().
            e.getMessage();
            m = e.getAPIResponseMessage();
        } catch (RuntimeException notJson) {
            // A body that is not Alpaca's error JSON (a proxy's HTML page): fall back to the status line.
        }
        if (m == null || m.isBlank()) {
            m = e.getResponseStatusMessage();
        }
        return m == null || m.isBlank() ? "no reason given" : m;
    }
}
