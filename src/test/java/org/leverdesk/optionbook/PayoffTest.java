package org.leverdesk.optionbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.pricing.BlackScholes;

/** Payoffs checked by hand: a bull put spread, an iron condor, a long call (unbounded). */
class PayoffTest {
    private static final LocalDate EXPIRY = LocalDate.of(2025, 1, 17);

    static OptionLeg leg(OptionRight right, String strike, double contracts, double price) {
        return new OptionLeg(OptionContract.of("QQQ", EXPIRY, right, strike), contracts, price);
    }

    @Test
    void bullPutSpreadMaxProfitLossAndBreakEven() {
        // Sell the 480 put at 3.00, buy the 475 put at 1.80: credit 1.20 a share.
        Payoff p = new Payoff(List.of(leg(OptionRight.PUT, "480", -1, 3.00), leg(OptionRight.PUT, "475", 1, 1.80)));
        Payoff.Summary s = p.summary();
        assertEquals(120.0, s.maxProfit(), 1e-9, "credit × 100");
        assertEquals(380.0, s.maxLoss(), 1e-9, "(width 5 − credit 1.20) × 100");
        assertEquals(List.of(478.80), rounded(s.breakEvens()), "short strike − credit");
        // at expiry at three prices: below both strikes, between them, above both
        assertEquals(-380.0, p.atExpiry(470), 1e-9, "−(10 − 3.00)×100 + (5 − 1.80)×100");
        assertEquals(-80.0, p.atExpiry(478), 1e-9, "−(2 − 3.00)×100 − 1.80×100");
        assertEquals(120.0, p.atExpiry(490), 1e-9, "both expire worthless: the credit");
    }

    @Test
    void ironCondorHasTwoBreakEvens() {
        // Puts 470/475 for a 0.60 credit, calls 520/525 for 0.60: credit 1.20, width 5.
        Payoff p = new Payoff(List.of(leg(OptionRight.PUT, "470", 1, 1.00), leg(OptionRight.PUT, "475", -1, 1.60),
                leg(OptionRight.CALL, "520", -1, 1.50), leg(OptionRight.CALL, "525", 1, 0.90)));
        Payoff.Summary s = p.summary();
        assertEquals(120.0, s.maxProfit(), 1e-9);
        assertEquals(380.0, s.maxLoss(), 1e-9);
        assertEquals(List.of(473.80, 521.20), rounded(s.breakEvens()), "short put − credit, short call + credit");
        assertEquals(120.0, p.atExpiry(500), 1e-9);
        assertEquals(-380.0, p.atExpiry(460), 1e-9);
        assertEquals(-380.0, p.atExpiry(540), 1e-9);
        assertEquals(-130.0, p.atExpiry(522.5), 1e-9, "(credit 1.20 − the short call's 2.50 in the money) × 100");
    }

    @Test
    void longCallIsUnboundedAndTodayIsBlackScholes() {
        Payoff p = new Payoff(List.of(leg(OptionRight.CALL, "500", 2, 4.00)));
        Payoff.Summary s = p.summary();
        assertTrue(Double.isInfinite(s.maxProfit()));
        assertEquals(800.0, s.maxLoss(), 1e-9, "the premium: 2 × 4.00 × 100");
        assertEquals(List.of(504.0), rounded(s.breakEvens()));
        LocalDate today = LocalDate.of(2025, 1, 2);
        double years = 15 / 365.0;
        double bs = BlackScholes.price(OptionRight.CALL, 495, 500, years, 0.04, 0.006, 0.22);
        assertEquals(2 * 100 * (bs - 4.00), p.today(495, today, 0.04, 0.006, l -> 0.22), 1e-9);
    }

    private static List<Double> rounded(List<Double> xs) {
        return xs.stream().map(x -> Math.round(x * 100) / 100.0).toList();
    }
}
