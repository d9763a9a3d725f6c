package org.leverdesk.riskguard;

/**
 * One strategy's RiskGuard limits (seed 003 v6/v10). 0 switches a dollar or percent limit off. The account
 * limits (stops, throttle, cooldown, trades per day, day trades, margin) are checked by the decision cycle for
 * every strategy; the position limits (open risk, volatility ceiling, direction cap, cash buffer) by the cycle
 * for stock strategies and, for spreads and condors, by the strategy itself, which sizes its contracts to them
 * (only it can read the chain's deltas and the spread's width).
 *
 * @param dailyStop       no new position after the equity fell this many dollars since the previous decision
 * @param weeklyStopPct   no new position after the equity fell this fraction since the previous week's last decision
 * @param maxRiskPct      all open positions' maximum loss within this share of the equity (1 = off)
 * @param vixMax          no new position when the volatility index (VXN for QQQ, VIX for SPY) is above it (0 = off)
 * @param cooldownDays    calendar days with no new position after a stop exit
 * @param maxTradesPerDay trades (a spread, its close, an order) a day at most (0 = off)
 * @param maxDrawdownPct  drawdown throttle: no new position while the equity is this far below its peak
 * @param maxNetDelta     direction cap: |net delta| in shares (an option: delta × 100 × contracts; a share: 1)
 * @param cashBufferPct   share of the equity kept free of collateral and purchases
 * @param marginPolicy    what to do on a margin account
 * @param maxDayTrades    day trades allowed in 5 sessions under {@code dayTradeEquity} (FINRA's pattern day
 *                        trader rule; Alpaca answers 403 to the next)
 * @param dayTradeEquity  equity from which day trades are not counted ($25,000)
 */
public record GuardLimits(double dailyStop, double weeklyStopPct, double maxRiskPct, double vixMax, int cooldownDays,
                          int maxTradesPerDay, double maxDrawdownPct, double maxNetDelta, double cashBufferPct,
                          MarginPolicy marginPolicy, int maxDayTrades, double dayTradeEquity) {
    /** Every limit off but the broker's day-trade rule, margin allowed: the default of a strategy that sets none. */
    public static final GuardLimits OFF = new GuardLimits(0, 0, 1, 0, 0, 0, 0, 0, 0, MarginPolicy.ALLOW, 3, 25_000);

    public GuardLimits {
        check(dailyStop >= 0, "dailyStop must be dollars, 0 or more (0 = off) (got " + dailyStop + ")");
        check(weeklyStopPct >= 0 && weeklyStopPct < 1, "weeklyStopPct must be a fraction from 0 (off) to below 1 (got "
                + weeklyStopPct + ")");
        check(maxRiskPct > 0 && maxRiskPct <= 1, "maxRiskPct must be a fraction of the equity above 0, at most 1 (got "
                + maxRiskPct + ")");
        check(vixMax >= 0 && vixMax <= 200, "vixMax must be an index level from 0 (off) to 200 (got " + vixMax + ")");
        check(cooldownDays >= 0 && cooldownDays <= 365, "cooldownDays must be 0 to 365 (got " + cooldownDays + ")");
        check(maxTradesPerDay >= 0 && maxTradesPerDay <= 100, "maxTradesPerDay must be 0 (off) to 100 (got "
                + maxTradesPerDay + ")");
        check(maxDrawdownPct >= 0 && maxDrawdownPct < 1, "maxDrawdownPct must be a fraction from 0 (off) to below 1 (got "
                + maxDrawdownPct + ")");
        check(maxNetDelta >= 0, "maxNetDelta must be shares of delta, 0 or more (0 = off) (got " + maxNetDelta + ")");
        check(cashBufferPct >= 0 && cashBufferPct < 1, "cashBufferPct must be a fraction from 0 to below 1 (got "
                + cashBufferPct + ")");
        check(marginPolicy != null, "marginPolicy must be cash_only, forbid or allow");
        check(maxDayTrades >= 0 && maxDayTrades <= 100, "maxDayTrades must be 0 to 100 (got " + maxDayTrades + ")");
        check(dayTradeEquity >= 0, "dayTradeEquity must be dollars, 0 or more (got " + dayTradeEquity + ")");
    }

    /** Seed 003's defaults: $2,000 a day, 5% a week, 10% open risk, VIX 35, 7 days' cooldown, 2 trades a day... */
    public static GuardLimits seed003() {
        return new GuardLimits(2000, 0.05, 0.10, 35, 7, 2, 0.20, 300, 0.10, MarginPolicy.CASH_ONLY, 3, 25_000);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
