package org.leverdesk.chat;

import java.nio.file.Path;

/**
 * What a command answers: plain text, and an image (the report's equity chart) where there is one.
 *
 * @param text  the answer
 * @param image a PNG to send beside it, or null
 */
public record ChatAnswer(String text, Path image) {
    public ChatAnswer(String text) {
        this(text, null);
    }
}
