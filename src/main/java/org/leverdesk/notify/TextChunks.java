package org.leverdesk.notify;

import java.util.ArrayList;
import java.util.List;

/** Splits a long text into pieces that fit a channel's size limit, preferring line and word breaks. */
public final class TextChunks {
    private TextChunks() {
    }

    /**
     * Pieces of at most {@code limit} chars each, in order. A piece ends at the last line break
     * that fits, else the last space, else exactly at the limit (never inside a surrogate pair);
     * the break character itself is dropped, so joining the pieces with it gives the text back.
     */
    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("a chunk limit must be at least 2 characters (got " + limit + ")");
        }
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
                pieces.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            } else {
                pieces.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
        }
        pieces.add(rest);
        return pieces;
    }
}
