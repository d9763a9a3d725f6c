package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.leverdesk.testing.OptionRunSamples;

/** {@code backtest --json} and the text table of option runs: every option trade, every leg, exits, refusals, the split. */
class OptionsJsonTest {

    @Test
    void everyOptionTradeAndEveryLegIsInTheJson() throws Exception {
        JsonNode root = new ObjectMapper().readTree(MetricsJson.of(OptionRunSamples.spread(), null, null));
        JsonNode trades = root.get("trades");
        assertEquals(4, trades.size());
        assertEquals("QQQ   240223P00400000", trades.get(0).get("symbol").asText());
        assertEquals("PUT", trades.get(0).get("option").get("right").asText());
        assertEquals("400", trades.get(0).get("option").get("strike").asText());
        assertEquals("2024-02-23", trades.get(0).get("option").get("expiry").asText());
        JsonNode o = root.get("options");
        JsonNode events = o.get("events");
        assertEquals(2, events.size());
        assertEquals("spread_opened", events.get(0).get("kind").asText());
        assertEquals(2, events.get(0).get("legs").size());
        assertEquals("QQQ   240223P00395000", events.get(0).get("legs").get(1).get("symbol").asText());
        assertEquals("BUY", events.get(0).get("legs").get(1).get("side").asText());
        assertEquals(60, events.get(0).get("cash").asDouble(), 1e-9);
        assertEquals("spread_closed", events.get(1).get("kind").asText());
        assertEquals("profit take", events.get(1).get("exit").asText());
        assertEquals(1, o.get("exits").get("profit take").asInt());
        assertEquals(2, o.get("refusals").get("cooldown").asInt());
        assertEquals(1, o.get("refusals").get("drawdown throttle").asInt());
        assertEquals(30, o.get("premium_pnl").asDouble(), 1e-9);
    }

    @Test
    void theWheelsSplitIsInTheJsonAndTheTable() throws Exception {
        JsonNode o = new ObjectMapper().readTree(MetricsJson.of(OptionRunSamples.wheel(true), null, null)).get("options");
        assertEquals(630, o.get("premium_pnl").asDouble(), 1e-9);
        assertEquals(1050, o.get("stock_pnl").asDouble(), 1e-9);
        assertEquals(-120, o.get("open_option_value").asDouble(), 1e-9);
        assertEquals("put_assigned", o.get("events").get(1).get("kind").asText());
        assertEquals("called_away", o.get("events").get(3).get("kind").asText());
        String table = MetricsTable.of(OptionRunSamples.wheel(true), "Wheel");
        assertTrue(table.contains("P&L split: premium P&L $630.00 (option trades $750.00 + open options marked -$120.00),"
                + " stock P&L $1,050.00 (incl. dividends $50.00)"), table);
        String spreads = MetricsTable.of(OptionRunSamples.spread(), "Spreads");
        assertTrue(spreads.contains("spreads: 1 opened, 1 closed by an exit (profit take 1)"), spreads);
        assertTrue(spreads.contains("entries refused, days by gate: cooldown 2, drawdown throttle 1"), spreads);
    }
}
