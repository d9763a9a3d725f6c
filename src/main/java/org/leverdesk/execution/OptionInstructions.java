package org.leverdesk.execution;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.alpaca.AlpacaBroker;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.store.JournalRepository;

/**
 * Alpaca's exercise and do-not-exercise instructions for a held (long) contract, through {@code AlpacaOptions}: the
 * one service behind {@code leverdesk option exercise|do-not-exercise} and the Options view's buttons. The symbol is
 * checked against the broker's positions first (not held, a short or a share is refused, nothing sent); the live
 * account needs an explicit confirmation; the instruction is journalled before sending (kind {@value #KIND}) and
 * with its outcome. On the built-in paper broker an exercise is carried out at once (American style: the shares at the
 * strike, in the paper account's one transaction; {@code PaperBroker#exercise}); it has no do-not-exercise instruction
 * (it exercises a long in the money by $0.01 or more at expiry).
 */
public final class OptionInstructions {
    /** The journal kind of the instructions. */
    public static final String KIND = "option-instruction";

    /** Which instruction. */
    public enum Kind {
        EXERCISE("exercise"),
        DO_NOT_EXERCISE("do-not-exercise");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The instruction's name in Alpaca's endpoint, the CLI and the journal. */
        public String word() {
            return word;
        }
    }

    /**
     * What happened.
     *
     * @param sent    true when Alpaca accepted the instruction
     * @param message the line to show ("exercise sent: ...", or why nothing was sent)
     */
    public record Outcome(boolean sent, String message) {
    }

    private final JournalRepository journal;

    public OptionInstructions(JournalRepository journal) {
        this.journal = journal;
    }

    /** True when {@code broker} is Alpaca's live (real-money) account: an instruction there needs a confirmation. */
    public static boolean live(Broker broker) {
        return broker != null && "alpaca-live".equals(broker.name());
    }

    /** Null when {@code broker} can take the instructions; otherwise why not, in one line. */
    public static String unsupported(Broker broker, Kind kind) {
        if (broker instanceof AlpacaBroker || broker instanceof PaperBroker && kind == Kind.EXERCISE) {
            return null;
        }
        if (broker instanceof PaperBroker) {
            return kind.word() + " is only available on Alpaca accounts: the paper broker exercises a long option in the money"
                    + " by $0.01 or more at expiry; sell it before the close of its expiry day instead";
        }
        return kind.word() + " is only available on Alpaca and paper accounts: the " + (broker == null ? "no" : broker.name())
                + " broker exercises options only at expiry (in the money by $0.01 or more)";
    }

    /**
     * Sends {@code kind} for the held {@code symbol} (padded or compact OCC). Throws {@link IllegalArgumentException}
     * (nothing sent) for a symbol that is not a held long contract or a broker that is not Alpaca's, and
     * {@link BrokerException} when Alpaca refuses (journalled as refused). On the live account without
     * {@code confirmedLive} nothing is sent and the outcome says so.
     *
     * @param by who asked, for the journal ("cli", "window")
     */
    public Outcome send(Broker broker, Kind kind, String symbol, boolean confirmedLive, String by) {
        OptionContract contract = OptionSymbols.contract(symbol.strip()).orElseThrow(() -> new IllegalArgumentException(
                "'" + symbol + "' is not an OCC option symbol (e.g. QQQ260320C00490000); 'leverdesk positions' lists what is held"));
        String occ = contract.occSymbol();
        String unsupported = unsupported(broker, kind);
        if (unsupported != null) {
            throw new IllegalArgumentException(unsupported);
        }
        if (broker instanceof PaperBroker paper) {
            return exerciseOnPaper(paper, contract, by);
        }
        AlpacaBroker alpaca = (AlpacaBroker) broker;
        BigDecimal held = heldContracts(alpaca, occ);
        if (held.signum() <= 0) {
            throw new IllegalArgumentException(held.signum() < 0
                    ? occ.strip() + " is a short position at " + alpaca.name() + " (" + held.toPlainString()
                    + "): only the holder can " + kind.word() + "; a short is assigned, not exercised"
                    : occ.strip() + " is not an option position at " + alpaca.name() + " (" + heldOptions(alpaca) + ")");
        }
        if (live(alpaca) && !confirmedLive) {
            return new Outcome(false, "not sent: the account is Alpaca's live one; add --confirm-live to " + kind.word() + " "
                    + occ.strip());
        }
        String what = kind.word() + " " + occ + " (" + contracts(held) + ") at " + alpaca.name();
        // Stored before sending, like an order's intent: a crash after Alpaca took it still leaves a trace.
        journal.append(KIND, null, what + ": sending (by " + by + ")", null);
        try {
            if (kind == Kind.EXERCISE) {
                alpaca.options().exercise(occ);
            } else {
                alpaca.options().doNotExercise(occ);
            }
        } catch (BrokerException | IllegalArgumentException e) {
            journal.append(KIND, null, what + ": refused: " + oneLine(e), null);
            throw e;
        }
        journal.append(KIND, null, what + ": accepted", null);
        return new Outcome(true, kind.word() + " sent: " + occ.strip() + ", " + contracts(held) + " at " + alpaca.name() + "; "
                + outcome(kind, contract, held));
    }

    /**
     * The paper account exercises at once: journalled before (a crash leaves the trace) and with its outcome; the
     * exercise itself (the option event and both fills) is one transaction of the paper store, so a restart finds
     * either the option or the shares, and a second press finds nothing held and is refused.
     */
    private Outcome exerciseOnPaper(PaperBroker paper, OptionContract contract, String by) {
        String occ = contract.occSymbol();
        String what = "exercise " + occ + " at " + paper.name();
        journal.append(KIND, null, what + ": sending (by " + by + ")", null);
        org.leverdesk.broker.sim.SimOptionEvent e;
        try {
            e = paper.exercise(occ);
        } catch (BrokerException | IllegalArgumentException ex) {
            journal.append(KIND, null, what + ": refused: " + oneLine(ex), null);
            throw ex;
        }
        String done = e.describe() + ", " + contracts(e.contracts());
        journal.append(KIND, null, what + ": done: " + done, null);
        return new Outcome(true, "exercised on the paper account: " + done);
    }

    /** What happens next, for the line shown after Alpaca accepted. */
    public static String outcome(Kind kind, OptionContract c, BigDecimal contracts) {
        if (kind == Kind.DO_NOT_EXERCISE) {
            return "it expires worthless on " + c.expiry() + " even in the money (Alpaca's OPEXP activity)";
        }
        BigDecimal shares = contracts.multiply(BigDecimal.valueOf(c.multiplier()));
        return (c.right() == OptionRight.CALL ? "buys " : "sells ") + shares.stripTrailingZeros().toPlainString() + " "
                + c.underlying() + " at " + c.strike().stripTrailingZeros().toPlainString()
                + "; recorded from Alpaca's OPEXC activity at the next run or 'leverdesk reconcile'";
    }

    private static String contracts(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString() + (n.compareTo(BigDecimal.ONE) == 0 ? " contract" : " contracts");
    }

    private static BigDecimal heldContracts(AlpacaBroker alpaca, String occ) {
        return alpaca.positions().stream().filter(p -> p.symbol().equals(occ)).map(BrokerPosition::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String heldOptions(AlpacaBroker alpaca) {
        String held = alpaca.positions().stream().filter(p -> OptionSymbols.isOption(p.symbol()))
                .map(p -> p.symbol().strip() + " " + p.quantity().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
        return held.isEmpty() ? "it holds no option" : "options held: " + held;
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()).replace('\n', ' ').strip();
    }
}
