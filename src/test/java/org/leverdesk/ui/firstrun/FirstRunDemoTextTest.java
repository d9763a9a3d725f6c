package org.leverdesk.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.leverdesk.market.demo.DemoMarketData;

/** The first-run dialog describes the demo market as it is: it said "QQQ, TQQQ and SQQQ" while it has every rotation ticker. */
class FirstRunDemoTextTest {
    @Test
    void theDemoChoiceNamesWhatTheDemoMarketHas() throws Exception {
        String fxml;
        try (InputStream in = FirstRunDemoTextTest.class.getResourceAsStream("/org/leverdesk/ui/firstrun/FirstRunView.fxml")) {
            fxml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String text = fxml.lines().filter(l -> l.contains("clearly labelled DEMO")).findFirst().orElseThrow();
        var symbols = new DemoMarketData(new org.leverdesk.market.demo.DemoMarketGenerator(new org.leverdesk.market.calendar.NyseCalendar(),
                org.leverdesk.market.demo.DemoMarketGenerator.DEFAULT_SEED), java.time.LocalDate.of(2001, 1, 2)).symbols();
        for (String s : new String[] {"QQQ", "TQQQ", "SQQQ", "QQQM", "SPY", "GLD", "NVDA"}) {
            assertTrue(symbols.contains(s), "the demo market has " + s);
            assertTrue(text.contains(s), "the dialog names " + s + ": " + text);
        }
        assertTrue(text.contains("every rotation ticker"), text);
    }
}
