package org.leverdesk.risk;

import java.util.Locale;
import java.util.Map;
import org.leverdesk.domain.Side;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.TradingStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account-level trading state and the check every new order passes. ACTIVE lets everything
 * through; REDUCING only orders that shrink a position without flipping it; HALTED (the kill switch)
 * only cancels and such closing orders. Cancels are never gated. Every denial and every state change
 * is a journal entry; a denial is an answer, never an exception. The state lives in the store, so it
 * survives restarts and a CLI run sees the state the app set.
 */
public final class RiskGate {
    private static final Logger LOG = LoggerFactory.getLogger(RiskGate.class);
    private static final GateVerdict ALLOW_ACTIVE = GateVerdict.allow(TradingState.ACTIVE);

    private final StateKeeper states;
    private final EventSink journal;

    /** The gate of an account whose state lives in the store and whose events go to the journal. */
    public RiskGate(TradingStateRepository states, JournalRepository journal) {
        this(new StateKeeper() {
            @Override
            public TradingState load() {
                return states.load().map(s -> TradingState.valueOf(s.state())).orElse(TradingState.ACTIVE);
            }

            @Override
            public void save(TradingState state, String reason) {
                states.save(state.name(), reason);
            }
        }, journal::append);
    }

    public RiskGate(StateKeeper states, EventSink journal) {
        this.states = states;
        this.journal = journal;
    }

    /** A gate for a backtest: ACTIVE in memory, events dropped (the same rules as the live gate). */
    public static RiskGate inMemory() {
        return new RiskGate(StateKeeper.inMemory(), EventSink.NONE);
    }

    /** The current state (ACTIVE when never set). */
    public TradingState state() {
        return states.load();
    }

    /** Sets the state (e.g. the kill switch) and journals who asked and why. */
    public void setState(TradingState state, String reason) {
        TradingState before = state();
        states.save(state, reason);
        journal.append("trading-state", null, "trading state " + before + " -> " + state + ": " + reason, null);
        LOG.info("trading state {} -> {}: {}", before, state, reason);
    }

    /**
     * Checks one order against the state without recording anything (dry runs).
     *
     * @param held signed quantity of {@code symbol} held now
     */
    public GateVerdict evaluate(String symbol, Side side, long quantity, long held) {
        TradingState state = state();
        if (state == TradingState.ACTIVE || reduces(side, quantity, held)) {
            return state == TradingState.ACTIVE ? ALLOW_ACTIVE : GateVerdict.allow(state);
        }
        String what = side.name().toLowerCase(Locale.ROOT) + " " + quantity + " " + symbol + " (holding " + held + ")";
        String reason = state == TradingState.HALTED
                ? "trading is HALTED (kill switch): only cancels and closing orders pass, not " + what
                : "trading is REDUCING: only position-reducing orders pass, not " + what;
        return GateVerdict.deny(state, reason);
    }

    /** Like {@link #evaluate} and journals a denial (kind "risk-denied") with the order's client id. */
    public GateVerdict check(String strategyId, String clientOrderId, String symbol, Side side, long quantity, long held) {
        GateVerdict v = evaluate(symbol, side, quantity, held);
        if (!v.allowed()) {
            journal.append("risk-denied", strategyId, clientOrderId + ": " + v.reason(),
                    org.leverdesk.common.JsonText.of(Map.of("clientOrderId", clientOrderId, "symbol", symbol,
                            "side", side.name(), "quantity", quantity, "held", held, "state", v.state().name())));
            LOG.warn("risk gate denied {}: {}", clientOrderId, v.reason());
        }
        return v;
    }

    /** True when the order moves the position toward zero and not past it. */
    public static boolean reduces(Side side, long quantity, long held) {
        return held > 0 && side == Side.SELL && quantity <= held
                || held < 0 && side == Side.BUY && quantity <= -held;
    }
}
