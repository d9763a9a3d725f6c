package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.testing.SharedPrices;
import org.leverdesk.testing.WeekdayCalendar;
import picocli.CommandLine;

/** {@code leverdesk regime}, run through the real root command line. */
class RegimeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path tmp;

    private int run(String... args) {
        CommandLine cl = LeverdeskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
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

    /** QQQ.csv with {@code n} weekday bars from 2024-01-01, closes 100, 101, ... */
    private Path folder(int n) throws IOException {
        WeekdayCalendar cal = new WeekdayCalendar();
        List<String> rows = new ArrayList<>(List.of("date,open,high,low,close,volume,adj_close"));
        LocalDate d = LocalDate.parse("2024-01-01");
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
        // bar 48 (2024-03-07): no SMA50 yet; bar 49: SMA50 = mean(100..149) = 124.5; bar 249 (2024-12-13): first SMA250 = 224.5,
        // SMA50 = mean(300..349) = 324.5, close 349 > 324.5*1.02 and SMA50 > SMA250 -> STRONG_BULL raw, cold start CAUTIOUS
        assertEquals(0, run("regime", "--from", "2024-03-07", "--to", "2024-03-08", "--prices", dir.toString()), err.toString());
        assertEquals(List.of("date,close,sma50,sma250,raw,confirmed", "2024-03-07,148.0,,,,", "2024-03-08,149.0,124.5000,,,"), lines());
        out.getBuffer().setLength(0);
        assertEquals(0, run("regime", "--from", "2024-12-12", "--to", "2024-12-31", "--prices", dir.toString()), err.toString());
        assertEquals(List.of("date,close,sma50,sma250,raw,confirmed", "2024-12-12,348.0,323.5000,,,",
                "2024-12-13,349.0,324.5000,224.5000,STRONG_BULL,CAUTIOUS", "2024-12-16,350.0,325.5000,225.5000,STRONG_BULL,CAUTIOUS"), lines());
    }

    @Test
    void badInputIsAOneLineErrorWithExitCode2() throws IOException {
        assertEquals(2, run("regime", "--from", "2024-01-01", "--to", "2024-02-01", "--prices", tmp.toString()));
        assertEquals("error: no price file " + tmp.resolve("QQQ.csv") + "; point --prices at a folder with QQQ.csv",
                err.toString().lines().findFirst().orElseThrow());

        err.getBuffer().setLength(0);
        Files.write(tmp.resolve("QQQ.csv"), List.of("date,open,high,low,close,volume,adj_close", "2024-01-02,1,1,1,oops,5,1"));
        assertEquals(2, run("regime", "--from", "2024-01-01", "--to", "2024-02-01", "--prices", tmp.toString()));
        assertEquals("error: " + tmp.resolve("QQQ.csv") + " line 2: not a valid price row: '2024-01-02,1,1,1,oops,5,1'",
                err.toString().lines().findFirst().orElseThrow());

        err.getBuffer().setLength(0);
        assertEquals(2, run("regime", "--from", "2024-02-01", "--to", "2024-01-01", "--prices", tmp.toString()));
        assertTrue(err.toString().startsWith("error: from 2024-02-01 is after to 2024-01-01"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, run("regime", "--from", "2024-01-01", "--to", "2024-02-01"));
        assertTrue(err.toString().startsWith("error: Missing required option: '--prices=DIR'"), err.toString());
        assertEquals("", out.toString());
    }
}
