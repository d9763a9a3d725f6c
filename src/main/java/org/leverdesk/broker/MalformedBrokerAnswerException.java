package org.leverdesk.broker;

/**
 * The broker answered, but its answer cannot be trusted: not JSON, or a field a decision depends on
 * (quantity, price, status, filled quantity, account money) is missing, null or not what it must be.
 * The whole answer is rejected, never read in part: a position whose quantity cannot be read is not
 * "flat", an order answer of {@code {}} is not "sent". The message is one line naming the endpoint
 * and the field. For an order submit the order may still have been placed: look it up by its client
 * order id before sending anything again.
 */
public class MalformedBrokerAnswerException extends BrokerException {
    private final String endpoint;
    private final String field;

    public MalformedBrokerAnswerException(String endpoint, String field, String problem) {
        super("the broker's answer to " + endpoint + " is invalid: " + (field.isEmpty() ? "" : field + " ") + problem
                + "; nothing was done with it - if this repeats, check the broker's status page");
        this.endpoint = endpoint;
        this.field = field;
    }

    /** The request whose answer was rejected, e.g. "GET /v2/positions". */
    public String endpoint() {
        return endpoint;
    }

    /** The field that made it invalid, e.g. "[0].qty" (empty when the whole body was unreadable). */
    public String field() {
        return field;
    }
}
