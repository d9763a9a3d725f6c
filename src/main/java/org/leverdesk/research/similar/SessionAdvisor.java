package org.leverdesk.research.similar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.research.BacktestFunction;
import org.leverdesk.research.ParallelRuns;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.Trial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 001's "similar sessions", measured: finds the past days most like today and backtests every
 * candidate parameter set over the window after each of them, through the one engine.
 */
public final class SessionAdvisor {
    private static final Logger LOG = LoggerFactory.getLogger(SessionAdvisor.class);
    /** The symbol whose SMA-50/250 regime is a feature. */
    public static final String REGIME_SYMBOL = "QQQ";
    /** The volatility index whose level is a feature. */
    public static final String VIX_SYMBOL = "VIX";
    private final BacktestRunner runner;
    private final BacktestFunction backtests;

    /** {@code runner} gives the bars for the features; {@code backtests} runs the candidates. */
    public SessionAdvisor(BacktestRunner runner, BacktestFunction backtests) {
        this.runner = runner;
        this.backtests = backtests;
    }

    /** The features of the traded symbol up to {@code today} (regime and VIX left out when their prices are missing). */
    public FeatureTable features(String strategyId, String symbol, LocalDate today) {
        String traded = symbol(strategyId, symbol);
        BarSeries bars = runner.bars(traded, MarketData.EARLIEST, today);
        return SessionFeatures.of(bars, optional(REGIME_SYMBOL, today), optional(VIX_SYMBOL, today));
    }

    private BarSeries optional(String symbol, LocalDate today) {
        try {
            return runner.bars(symbol, MarketData.EARLIEST, today);
        } catch (MarketDataException e) {
            LOG.info("similar sessions without {}: {}", symbol, e.getMessage());
            return null;
        }
    }

    private String symbol(String strategyId, String symbol) {
        if (symbol != null && !symbol.isBlank()) {
            return symbol.trim().toUpperCase(Locale.ROOT);
        }
        return runner.strategies().stream().filter(s -> s.id().equals(strategyId)).findFirst()
                .map(BacktestRunner.StrategyInfo::defaultSymbol)
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + strategyId + "'"));
    }

    /** Finds the neighbours and measures every candidate after each of them. */
    public Advice advise(AdviceRequest q, ProgressListener progress, CancellationToken cancel) {
        FeatureTable table = features(q.base().strategyId(), q.base().symbol(), q.today());
        SimilarSessions.Match match = SimilarSessions.nearest(table, q.today(), q.k(), q.horizon());
        Forward forward = forwardReturns(q, match.neighbours(), q.candidates(), progress, cancel);
        double[][] returns = forward.returns();
        int c = q.candidates().size();
        double[] mean = new double[c];
        int[] wins = new int[c];
        int n = returns.length;
        for (double[] row : returns) {
            for (int j = 0; j < c; j++) {
                mean[j] += row[j] / n;
                if (row[j] > row[q.activeIndex()]) {
                    wins[j]++;
                }
            }
        }
        int best = q.activeIndex();
        for (int j = 0; j < c; j++) {
            if (mean[j] > mean[best]) {
                best = j;
            }
        }
        double confidence;
        String reason;
        Candidate active = q.active();
        if (best == q.activeIndex()) {
            int held = 0;
            for (double[] row : returns) {
                boolean top = true;
                for (int j = 0; j < c; j++) {
                    top &= row[q.activeIndex()] >= row[j];
                }
                held += top ? 1 : 0;
            }
            confidence = (double) held / n;
            reason = String.format(Locale.ROOT, "%s did best on average after the %d most similar sessions (mean %+.2f%% over %d days)"
                    + " and at least as well as every other set in %d of them; no change suggested", active.label(), n,
                    mean[best] * 100, q.horizon(), held);
        } else {
            confidence = (double) wins[best] / n;
            reason = String.format(Locale.ROOT, "%s beat %s in %d of the %d most similar sessions (mean %+.2f%% vs %+.2f%%"
                    + " over the next %d days)", q.candidates().get(best).label(), active.label(), wins[best], n, mean[best] * 100,
                    mean[q.activeIndex()] * 100, q.horizon());
        }
        return new Advice(q, table.names(), match, returns, mean, wins, best, confidence, reason, forward.dataSource());
    }

    /** {@code returns[neighbour][candidate]} and where the prices came from. */
    private record Forward(double[][] returns, String dataSource) {
    }

    /**
     * The total return of a fresh backtest of each candidate from each neighbour's day to the end of its window.
     */
    private Forward forwardReturns(AdviceRequest q, List<Neighbour> neighbours, List<Candidate> candidates,
                                     ProgressListener progress, CancellationToken cancel) {
        RunBase base = new RunBase(q.base().strategyId(), q.base().symbol(), q.base().capital(), q.base().costs(),
                q.base().benchmark(), Map.of());
        List<Callable<Trial>> jobs = new ArrayList<>();
        for (Neighbour nb : neighbours) {
            BacktestFunction.Prepared prepared = backtests.prepare(base, nb.date(), nb.windowEnd());
            for (Candidate cand : candidates) {
                jobs.add(() -> prepared.run(cand.parameters(), cancel));
            }
        }
        List<ParallelRuns.Outcome<Trial>> outcomes = new ParallelRuns(backtests.parallelism()).run(jobs, "runs", progress, cancel);
        double[][] out = new double[neighbours.size()][candidates.size()];
        String source = "";
        for (int i = 0; i < outcomes.size(); i++) {
            ParallelRuns.Outcome<Trial> o = outcomes.get(i);
            Candidate cand = candidates.get(i % candidates.size());
            if (!o.ok()) {
                throw new IllegalArgumentException(cand.label() + " cannot run: " + o.error());
            }
            source = o.value().dataSource();
            out[i / candidates.size()][i % candidates.size()] = o.value().metrics().totalReturn();
        }
        return new Forward(out, source);
    }

    /** The share of {@code advice}'s windows in which {@code other} returned more than the active version, and its mean. */
    public Measured measure(Advice advice, Candidate other, ProgressListener progress, CancellationToken cancel) {
        double[][] r = forwardReturns(advice.request(), advice.match().neighbours(), List.of(other), progress, cancel).returns();
        int wins = 0;
        double mean = 0;
        for (int i = 0; i < r.length; i++) {
            mean += r[i][0] / r.length;
            if (r[i][0] > advice.returns()[i][advice.request().activeIndex()]) {
                wins++;
            }
        }
        return new Measured(other, mean, wins, r.length, (double) wins / r.length);
    }

    /** How a parameter set did over the advice's windows. */
    public record Measured(Candidate candidate, double meanReturn, int wins, int windows, double confidence) {
    }
}
