package org.leverdesk.research.advisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.strategy.catalog.ParameterSets;
import org.leverdesk.strategy.catalog.StrategyCatalog;

class LlmAnswerTest {
    private static final StrategyCatalog CATALOG = StrategyCatalog.builtIn();
    private static final Map<String, String> ACTIVE = ParameterSets.canonical(CATALOG.require("rsi2"), Map.of());
    private static final Set<String> KNOWN = new TreeMap<>(ACTIVE).keySet();

    private static LlmAnswer parse(String text) {
        return LlmAnswer.parse(text, "rsi2", ACTIVE, KNOWN, ParameterCheck.of(CATALOG));
    }

    @Test
    void changesAreReadFromTheJsonInTheAnswer() {
        LlmAnswer a = parse("Sure. Here you go:\n```json\n{\"parameters\": {\"entryRsi\": 25.0, \"exitRsi\": \"75\", \"hedge\": false},"
                + " \"reason\": \"calmer markets\", \"confidence\": 0.7}\n```");
        assertEquals(Map.of("entryRsi", "25", "hedge", "false"), a.changes(), "exitRsi=75 is no change");
        assertEquals("25", a.parameters().get("entryRsi"));
        assertEquals("2", a.parameters().get("rsiPeriod"));
        assertEquals("calmer markets", a.reason());
        assertEquals(0.7, a.statedConfidence());
    }

    @Test
    void unknownOrInvalidParametersAreRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"parameters\": {\"takeProfit\": 5}}"));
        assertTrue(unknown.getMessage().contains("unknown parameter 'takeProfit'"), unknown.getMessage());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"parameters\": {\"entryRsi\": 80}}"));
        assertTrue(invalid.getMessage().contains("must be below exitRsi"), invalid.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("I would lower the entry threshold."));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"reason\": \"no parameters\"}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"parameters\": {\"entryRsi\": [1, 2]}}"));
        assertThrows(IllegalArgumentException.class, () -> parse("{\"parameters\": {\"entryRsi\": }"));
    }

    @Test
    void anEmptyObjectKeepsTheActiveParameters() {
        LlmAnswer a = parse("{\"parameters\": {}, \"reason\": \"fine as is\"}");
        assertTrue(a.changes().isEmpty());
        assertTrue(Double.isNaN(a.statedConfidence()));
    }
}
