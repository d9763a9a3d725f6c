package org.leverdesk.scratch;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leverdesk.backtest.*;
import org.leverdesk.backtest.metrics.*;
import org.leverdesk.common.*;
import org.leverdesk.domain.*;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.market.data.*;
import org.leverdesk.strategy.catalog.StrategyCatalog;
import org.leverdesk.strategy.regime.*;
import org.leverdesk.testing.SharedPrices;

class PinsTest {
    static BacktestResult svc(String id, String sym, String from, String to, double cap, String bench, Map<String,String> p) {
        NyseCalendar calendar = new NyseCalendar();
        BacktestService service = new BacktestService(new CsvDirectoryMarketData(SharedPrices.dir(), new CsvBarReader(calendar)),
                calendar, StrategyCatalog.builtIn(), new MetricsCalculator());
        return service.run(new BacktestRequest(id, sym, LocalDate.parse(from), LocalDate.parse(to), cap, CostModel.FREE, bench, p),
                ProgressListener.NONE, CancellationToken.NONE);
    }
    static void dump(String name, BacktestResult r) {
        Metrics m = r.metrics();
        System.out.println("PIN " + name + " trades=" + m.trades() + " final=" + m.finalEquity() + " tr=" + m.totalReturn() + " cagr=" + m.cagr()
            + " vol=" + m.annualVolatility() + " sharpe=" + m.sharpe() + " sortino=" + m.sortino() + " mdd=" + m.maxDrawdown()
            + " calmar=" + m.calmar() + " trips=" + r.roundTrips().size() + " win=" + m.winRate() + " pf=" + m.profitFactor()
            + " exposure=" + m.exposure() + " peak=" + m.maxDrawdownPeak() + " trough=" + m.maxDrawdownTrough()
            + " divs=" + r.dividends().size() + " divTotal=" + r.dividendTotal());
        long t = r.fills().stream().filter(f -> f.symbol().equals("TQQQ")).count();
        long s = r.fills().stream().filter(f -> f.symbol().equals("SQQQ")).count();
        long st = r.fills().stream().filter(f -> f.reason().startsWith("stop loss at ")).count();
        System.out.println("PIN " + name + " tqqq=" + t + " sqqq=" + s + " stops=" + st + " first=" + r.fills().get(0));
        r.fills().stream().filter(f -> f.symbol().equals("SQQQ")).findFirst().ifPresent(f -> System.out.println("PIN " + name + " firstSqqq=" + f));
    }
    @Test
    void rotation() {
        for (Map<String,String> p : java.util.List.of(Map.<String,String>of(), Map.of("selection", "momentum", "fallback", "cash", "profitTaker", "moderate"))) {
            BacktestResult r = svc("rotation", "SPY", "2021-01-01", "2024-03-08", 100_000, "SPY", p);
            dump("rot" + p.size(), r);
            System.out.println("PIN rot dd trough " + r.metrics().maxDrawdownTrough() + " cash decisions " + r.decisions().stream().filter(d -> "CASH".equals(d.explanation().regime())).count());
            java.util.List<Fill> stops = r.fills().stream().filter(f -> f.reason().startsWith("stop loss")).toList();
            System.out.println("PIN rot stops " + stops.size() + " " + (stops.isEmpty() ? "" : stops.subList(0, Math.min(3, stops.size()))));
            Decision last = r.decisions().reversed().stream().filter(Decision::rebalance).findFirst().orElseThrow();
            System.out.println("PIN rot last " + last.date() + " " + last.explanation().summary() + " " + last.explanation().gates().stream().filter(g -> g.name().startsWith("size")).toList());
            System.out.println("PIN rot fills first " + r.fills().subList(0, 4));
        }
    }

    @Test
    void print() {
        dump("mr", svc("monthly-rebalance", "TQQQ", "2022-01-01", "2025-01-01", 10_000, "TQQQ", Map.of()));
        dump("rsi2", svc("rsi2", "TQQQ", "2012-01-01", "2025-12-31", 100_000, null, Map.of()));
        dump("rsi2nohedge", svc("rsi2", "TQQQ", "2012-01-01", "2025-12-31", 100_000, null, Map.of("hedge", "false")));
        dump("rsi2filters", svc("rsi2", "TQQQ", "2012-01-01", "2025-12-31", 100_000, null, Map.of("vwapFilter", "true", "volumeFilter", "true", "bollingerFilter", "true")));
        dump("rsi2sma", svc("rsi2", "TQQQ", "2012-01-01", "2025-12-31", 100_000, null, Map.of("smaFilter", "true")));
        BarSeries qqq = SharedPrices.load("QQQ");
        LocalDate to = LocalDate.parse("2025-09-26");
        BarSeries tqqq = SharedPrices.load("TQQQ").between(LocalDate.parse("2010-01-01"), to);
        BacktestConfig cfg = new BacktestConfig(LocalDate.parse("2012-01-01"), to, 10_000, CostModel.FREE, false, "TQQQ", true);
        BacktestResult reg = new BacktestEngine(new NyseCalendar(), new MetricsCalculator()).run(new RegimeStrategy(RegimeConfig.defaults()),
                Map.of("QQQ", qqq, "TQQQ", tqqq), "TQQQ", cfg, "shared", ProgressListener.NONE, CancellationToken.NONE);
        dump("regime", reg);
        System.out.println("PIN regime bench cagr=" + reg.benchmarkMetrics().cagr() + " mdd=" + reg.benchmarkMetrics().maxDrawdown());
        reg.decisions().stream().filter(d -> d.explanation().summary().startsWith("EMERGENCY EXIT"))
            .forEach(d -> System.out.println("PIN regime exit " + d.date() + " " + d.explanation().summary().substring(16, d.explanation().summary().indexOf(')'))));
    }
}
