package org.leverdesk.optionbook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.ChainInputs;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;
import org.leverdesk.options.pricing.Greeks;

/**
 * A hand-made QQQ chain for tests: 2025-01-02, spot 481.30, the 17 Jan 25 expiry, strikes 470..490 by 5, VXN 22.50.
 * Each put's mark is 1 + (K − 470) × 0.1, each call's 1 + (490 − K) × 0.1 (round numbers to check by hand),
 * bid/ask ±0.05, IV 20%, delta −0.40 (puts) / 0.45 (calls).
 */
public final class FixedChainSource implements ChainSource {
    public static final LocalDate AS_OF = LocalDate.of(2025, 1, 2);
    public static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);
    public static final double SPOT = 481.30;

    public static double putMark(double k) {
        return 1 + (k - 470) * 0.1;
    }

    public static double callMark(double k) {
        return 1 + (490 - k) * 0.1;
    }

    private final OptionChain chain;

    public FixedChainSource() {
        List<OptionQuote> quotes = new ArrayList<>();
        for (int k = 470; k <= 490; k += 5) {
            for (OptionRight r : new OptionRight[] {OptionRight.CALL, OptionRight.PUT}) {
                double mark = r == OptionRight.CALL ? callMark(k) : putMark(k);
                quotes.add(new OptionQuote(OptionContract.of("QQQ", EXPIRY, r, Integer.toString(k)), mark - 0.05, mark + 0.05, mark, 0.20,
                        new Greeks(r == OptionRight.CALL ? 0.45 : -0.40, 0.02, -36.5, 30, 5)));
            }
        }
        ChainInputs inputs = new ChainInputs(new VolatilityIndex.Observation(22.5, AS_OF, "VXN"), 0.2,
                new RiskFreeRate.Observation(0.04, AS_OF, "test"), 0.006);
        chain = new OptionChain("QQQ", AS_OF, SPOT, inputs, List.of(new Expiry(EXPIRY, true)), quotes);
    }

    @Override
    public List<String> underlyings() {
        return List.of("QQQ");
    }

    @Override
    public Snapshot chain(String underlying, ChainFilter filter) {
        if (!underlying.equals("QQQ")) {
            throw new IllegalArgumentException("no synthetic options for " + underlying);
        }
        return new Snapshot(chain, "synthetic chain priced from VXN 22.50 of " + AS_OF);
    }

    @Override
    public Optional<OptionQuote> quote(OptionContract contract) {
        return chain.find(contract);
    }
}
