package org.leverdesk.options.chain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.ListedExpiries;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.market.OptionInputException;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;
import org.leverdesk.options.pricing.AmericanValuation;
import org.leverdesk.options.pricing.BlackScholes;
import org.leverdesk.options.pricing.CrrBinomialTree;
import org.leverdesk.options.pricing.Greeks;
import org.leverdesk.options.pricing.OptionValuation;
import org.leverdesk.options.surface.VolSurface;

/**
 * Option chains priced from the underlying's close and the day's volatility index, for backtests and
 * the demo market, where no licensed chain data exists (README, Options; decision record 0004).
 *
 * <p>Per day: the index level gives a {@link VolSurface}; each listed expiry gets its ATM volatility and
 * forward; each strike its smile volatility, a Black-Scholes-Merton price and Greeks with the day's
 * T-bill rate and the underlying's dividend yield, floored at the intrinsic value (these are American
 * options: a European price below intrinsic would be exercised at once), and a bid/ask from the
 * {@link SpreadModel} on the class's tick. Only values dated on or before the day are used, so a
 * backtest cannot see the future through its chains. No I/O, no clock: inputs come in as series.
 */
public final class SyntheticChains {
    private static final OptionRight[] RIGHTS = {OptionRight.CALL, OptionRight.PUT};

    private final RiskFreeRate rates;
    private final Map<String, Setup> setups = new LinkedHashMap<>();

    private record Setup(UnderlyingSetup setup, ListedExpiries expiries) {
    }

    public SyntheticChains(TradingCalendar calendar, RiskFreeRate rates, List<UnderlyingSetup> underlyings) {
        Objects.requireNonNull(calendar, "calendar");
        this.rates = Objects.requireNonNull(rates, "rates");
        for (UnderlyingSetup u : underlyings) {
            setups.put(u.underlying(), new Setup(u, new ListedExpiries(calendar, u.listing().expiries())));
        }
    }

    public Set<String> underlyings() {
        return setups.keySet();
    }

    public UnderlyingSetup setup(String underlying) {
        return setupOf(underlying).setup();
    }

    public RiskFreeRate rates() {
        return rates;
    }

    /** The listed expiries of {@code underlying} on {@code asOf}. */
    public List<Expiry> expiries(String underlying, LocalDate asOf) {
        return setupOf(underlying).expiries().listed(asOf);
    }

    /** True when every input for {@code asOf} is there (the index level above all). */
    public boolean isAvailable(String underlying, LocalDate asOf) {
        return setups.containsKey(underlying) && setupOf(underlying).setup().index().on(asOf) != null;
    }

    /**
     * What the chain of {@code asOf} is priced from.
     *
     * @throws OptionInputException when the index has no level for the day
     */
    public ChainInputs inputs(String underlying, LocalDate asOf) {
        UnderlyingSetup u = setupOf(underlying).setup();
        VolatilityIndex.Observation level = u.index().on(asOf);
        if (level == null) {
            throw new OptionInputException("no synthetic " + underlying + " options on " + asOf + ": " + u.index().missingReason(asOf));
        }
        double atm30 = u.surface().atmFromIndex(level.level() / 100);
        return new ChainInputs(level, atm30, rates.on(asOf), u.dividends().on(asOf));
    }

    /**
     * The chain of {@code underlying} at {@code asOf}'s close with the underlying at {@code spot}: the
     * expiries and strikes {@code filter} selects, both rights.
     *
     * @throws OptionInputException when an input is missing on that day
     */
    public OptionChain chain(String underlying, LocalDate asOf, double spot, ChainFilter filter) {
        requireSpot(underlying, spot);
        Setup s = setupOf(underlying);
        UnderlyingSetup u = s.setup();
        ChainInputs inputs = inputs(underlying, asOf);
        VolSurface surface = u.surface().surface(inputs.index().level() / 100);
        double r = inputs.rate().continuous();
        double q = inputs.dividendYield();
        List<Expiry> expiries = s.expiries().withinDte(asOf, filter.minDte(), filter.maxDte());
        if (expiries.size() > filter.maxExpiries()) {
            expiries = expiries.subList(0, filter.maxExpiries());
        }
        List<BigDecimal> strikes = u.listing().strikes().strikesAround(spot, filter.strikesEachSide());
        double[] k = new double[strikes.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = strikes.get(i).doubleValue();
        }
        List<OptionQuote> quotes = new ArrayList<>(expiries.size() * strikes.size() * 2);
        for (Expiry e : expiries) {
            double t = Math.max(0, e.daysFrom(asOf)) / 365.0;
            double forward = spot * Math.exp((r - q) * t);
            double atm = surface.atmVol(t);
            for (int i = 0; i < k.length; i++) {
                double vol = surface.vol(t, Math.log(k[i] / forward), atm);
                BlackScholes.CallPut both = BlackScholes.callAndPut(spot, k[i], t, r, q, vol);
                for (OptionRight right : RIGHTS) {
                    OptionContract c = new OptionContract(underlying, e.date(), right, strikes.get(i), u.listing().multiplier());
                    quotes.add(quote(c, u, spot, k[i], vol, both.of(right)));
                }
            }
        }
        return new OptionChain(underlying, asOf, spot, inputs, expiries, quotes);
    }

    /**
     * The quote of any {@code contract} at {@code asOf}'s close, on the grid or not (marking a held
     * position); at the expiry date's close it is worth its intrinsic value.
     *
     * @throws IllegalArgumentException when the contract expired before {@code asOf}
     * @throws OptionInputException     when an input is missing on that day
     */
    public OptionQuote quote(OptionContract contract, LocalDate asOf, double spot) {
        Point p = point(contract, asOf, spot);
        double strike = contract.strikeValue();
        return quote(contract, p.setup(), spot, strike, p.vol(),
                BlackScholes.value(contract.right(), spot, strike, p.years(), p.rate(), p.yield(), p.vol()));
    }

    /**
     * The American value of {@code contract} on a {@code steps}-step CRR tree with the surface's volatility,
     * beside its European value: the early-exercise check for a held position (is a short put or call about
     * to be assigned, how much the chain's European mark leaves out). About 30 µs at 200 steps.
     */
    public AmericanValuation american(OptionContract contract, LocalDate asOf, double spot, int steps) {
        Point p = point(contract, asOf, spot);
        return new CrrBinomialTree(steps).value(contract.right(), spot, contract.strikeValue(), p.years(), p.rate(), p.yield(), p.vol());
    }

    /** A contract's pricing inputs on a day: time to expiry, rate, dividend yield and the surface's volatility at its strike. */
    private record Point(UnderlyingSetup setup, double years, double rate, double yield, double vol) {
    }

    private Point point(OptionContract contract, LocalDate asOf, double spot) {
        if (contract.isExpiredOn(asOf)) {
            throw new IllegalArgumentException(contract.compactSymbol() + " expired on " + contract.expiry() + "; it has no value on " + asOf);
        }
        requireSpot(contract.underlying(), spot);
        UnderlyingSetup u = setupOf(contract.underlying()).setup();
        ChainInputs inputs = inputs(contract.underlying(), asOf);
        VolSurface surface = u.surface().surface(inputs.index().level() / 100);
        double r = inputs.rate().continuous();
        double q = inputs.dividendYield();
        double t = contract.yearsToExpiry(asOf);
        double vol = surface.vol(t, Math.log(contract.strikeValue() / (spot * Math.exp((r - q) * t))));
        return new Point(u, t, r, q, vol);
    }

    private static OptionQuote quote(OptionContract c, UnderlyingSetup u, double spot, double strike, double vol,
                                     OptionValuation v) {
        double intrinsic = c.right().intrinsic(spot, strike);
        double mark = v.price();
        Greeks greeks = v.greeks();
        if (mark < intrinsic) {
            // An American option is never worth less than exercising it: at this point it would be exercised.
            mark = intrinsic;
            greeks = new Greeks(c.right() == OptionRight.CALL ? 1 : -1, 0, 0, 0, 0);
        }
        return new OptionQuote(c, u.spread().bid(mark, u.listing().ticks()), u.spread().ask(mark, u.listing().ticks()), mark, vol,
                greeks);
    }

    private Setup setupOf(String underlying) {
        Setup s = setups.get(underlying);
        if (s == null) {
            throw new IllegalArgumentException("no synthetic options are set up for " + underlying + " (set up: " + setups.keySet() + ")");
        }
        return s;
    }

    private static void requireSpot(String underlying, double spot) {
        if (!(spot > 0) || !Double.isFinite(spot)) {
            throw new IllegalArgumentException(underlying + " price must be positive to price its options (got " + spot + ")");
        }
    }
}
