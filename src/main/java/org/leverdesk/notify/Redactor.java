package org.leverdesk.notify;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Replaces known secret values in text (error messages, log lines) with {@code ***}. */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private final List<String> secrets;

    /** A redactor for the given values; null and blank values are ignored. */
    public Redactor(String... secrets) {
        // Longest first, so a webhook URL is masked whole before a token inside it is.
        this.secrets = Arrays.stream(secrets).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@code text} with every secret masked; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
