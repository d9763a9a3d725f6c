package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.market.calendar.NyseCalendar;

/** {@code leverdesk regime}, run through the real root command line. */
class RegimeCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    @TempDir
    Path tmp;

    private int run(String... args) {
        return cli.run(args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @Test
    void printsTheRegimeOfEachTradingDayOnRealData() {
        Path dir = SharedPrices.dir();
        int code = run("regime", "--from", "2020-03-10", "--to", "2020-03-13", "--prices", dir.toString());
        assertEquals(0, code, err.toString());
        // 2020-03-12: SMA250 196.3700 x 0.98 = 192.4426 > close 177.32 with SMA50 above SMA250 -> RISK_OFF at once
        assertEquals(List.of("date,close,sma50,sma250,raw,confirmed",
                "2020-03-10,204.1100006,220.5186,196.3001,CAUTIOUS,CAUTIOUS",
                "2020-03-11,195.2200012,220.1508,196.3741,CAUTIOUS,CAUTIOUS",
                "2020-03-12,177.3200073,219.4530,196.3700,RISK_OFF,RISK_OFF",
                "2020-03-13,192.3399963,219.0476,196.4256,RISK_OFF,RISK_OFF"), lines());
    }

    /** QQQ.csv with {@code n} NYSE trading-day bars from 2024-01-02, closes 100, 101, ... */
    private Path folder(int n) throws IOException {
        NyseCalendar cal = new NyseCalendar();
        List<String> rows = new ArrayList<>(List.of("date,open,high,low,close,volume,adj_close"));
        LocalDate d = LocalDate.parse("2024-01-02");
        for (int i = 0; i < n; i++) {
            double c = 100 + i;
            rows.add(d + "," + c + "," + c + "," + c + "," + c + ",1000," + c);
            d = cal.nextTradingDay(d);
        }
        Files.write(tmp.resolve("QQQ.csv"), rows);
        return tmp;
    }

    @Test
    void leavesFieldsEmptyUntilTheSmasExist() throws IOException {
        Path dir = folder(251);
        // bar 48 (2024-03-12): no SMA50 yet; bar 49: SMA50 = mean(100..149) = 124.5; bar 249 (2024-12-27): first SMA250 = 224.5,
        // SMA50 = mean(300..349) = 324.5, close 349 > 324.5*1.02 and SMA50 > SMA250 -> STRONG_BULL raw, cold start CAUTIOUS
        assertEquals(0, run("regime", "--from", "2024-03-12", "--to", "2024-03-13", "--prices", dir.toString()), err.toString());
        assertEquals(List.of("date,close,sma50,sma250,raw,confirmed", "2024-03-12,148.0,,,,", "2024-03-13,149.0,124.5000,,,"), lines());
        out.getBuffer().setLength(0);
        assertEquals(0, run("regime", "--from", "2024-12-26", "--to", "2024-12-31", "--prices", dir.toString()), err.toString());
        assertEquals(List.of("date,close,sma50,sma250,raw,confirmed", "2024-12-26,348.0,323.5000,,,",
                "2024-12-27,349.0,324.5000,224.5000,STRONG_BULL,CAUTIOUS", "2024-12-30,350.0,325.5000,225.5000,STRONG_BULL,CAUTIOUS"), lines());
    }

    @Test
    void withoutPricesItReadsTheDemoMarketOfAFreshStore() throws IOException {
        assertEquals(0, run("regime", "--from", "2024-06-03", "--to", "2024-06-07", "--data-dir", tmp.resolve("store").toString(), "--create"),
                err.toString());
        List<String> lines = lines();
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("2024-06-03,"), lines.toString());
        assertTrue(lines.get(1).matches("2024-06-03,[0-9.]+,[0-9.]+,[0-9.]+,[A-Z_]+,[A-Z_]+"), lines.get(1));
    }

    @Test
    void badInputIsAOneLineErrorWithExitCode2() throws IOException {
        assertEquals(2, run("regime", "--from", "2024-01-01", "--to", "2024-02-01", "--prices", tmp.toString()));
        assertTrue(err.toString().startsWith("error: no price file for QQQ in " + tmp + " (expected QQQ.csv)"), err.toString());

        err.getBuffer().setLength(0);
        Files.write(tmp.resolve("QQQ.csv"), List.of("date,open,high,low,close,volume,adj_close", "2024-01-02,1,1,1,oops,5,1"));
        assertEquals(2, run("regime", "--from", "2024-01-01", "--to", "2024-02-01", "--prices", tmp.toString()));
        assertTrue(err.toString().startsWith("error: QQQ.csv:2: "), err.toString());
        assertEquals(1, err.toString().lines().filter(l -> l.startsWith("error:")).count());

        err.getBuffer().setLength(0);
        assertEquals(2, run("regime", "--from", "2024-02-01", "--to", "2024-01-01", "--prices", tmp.toString()));
        assertTrue(err.toString().startsWith("error: from 2024-02-01 is after to 2024-01-01"), err.toString());

        assertEquals("", out.toString());
    }
}
