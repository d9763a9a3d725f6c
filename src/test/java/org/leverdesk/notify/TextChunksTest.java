package org.leverdesk.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunksTest {
    @Test
    void shortTextIsOnePiece() {
        assertEquals(List.of("hello"), TextChunks.split("hello", 10));
    }

    @Test
    void splitsAtTheLastLineBreakThatFits() {
        // "aaa\nbbb\ncc" with limit 8: the last '\n' at or before index 8 is at 7.
        assertEquals(List.of("aaa\nbbb", "cc"), TextChunks.split("aaa\nbbb\ncc", 8));
    }

    @Test
    void fallsBackToTheLastSpaceThenToAHardCut() {
        assertEquals(List.of("one two", "three"), TextChunks.split("one two three", 8));
        assertEquals(List.of("abcd", "efgh", "ij"), TextChunks.split("abcdefghij", 4));
    }

    @Test
    void neverCutsASurrogatePairInHalf() {
        String text = "abc\uD83D\uDE00def"; // the emoji is 2 chars at index 3 and 4
        List<String> pieces = TextChunks.split(text, 4);
        assertEquals(List.of("abc", "\uD83D\uDE00de", "f"), pieces);
    }

    @Test
    void everyPieceFitsTheLimit() {
        String text = "line of text\n".repeat(500);
        for (String piece : TextChunks.split(text, 100)) {
            assertEquals(true, piece.length() <= 100, piece.length() + " chars");
        }
    }

    @Test
    void rejectsAUselessLimit() {
        assertThrows(IllegalArgumentException.class, () -> TextChunks.split("x", 1));
    }
}
