package org.leverdesk.app.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The control channel's protocol: one request line {@code {"v":1,"argv":["status", ...]}} and one
 * answer line {@code {"exit":0,"out":"...","err":"..."}}, JSON, UTF-8, per connection.
 */
public final class ControlMessages {
    /** The protocol version; a server answers a request of another version with exit 2 and a one-line reason. */
    public static final int VERSION = 1;
    /** Requests larger than this are refused (a command line is a few hundred bytes). */
    static final int MAX_REQUEST_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ControlMessages() {
    }

    /** One command to run in the process that owns the store. */
    public record Request(int v, List<String> argv) {
        public Request {
            argv = argv == null ? List.of() : List.copyOf(argv);
        }
    }

    /** What the command printed and its exit code. */
    public record Reply(int exit, String out, String err) {
        public Reply {
            out = out == null ? "" : out;
            err = err == null ? "" : err;
        }
    }

    static String write(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a control message: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String line, Class<T> type) throws JsonProcessingException {
        return JSON.readValue(line, type);
    }
}
