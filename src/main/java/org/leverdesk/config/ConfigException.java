package org.leverdesk.config;

/** The config or secrets file cannot be read or written; the message says what is wrong and what to do. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
