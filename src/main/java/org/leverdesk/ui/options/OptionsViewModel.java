package org.leverdesk.ui.options;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.broker.Account;
import org.leverdesk.optionbook.ChainSource;
import org.leverdesk.optionbook.GuardLimit;
import org.leverdesk.optionbook.GuardPanelSource;
import org.leverdesk.optionbook.HeldOption;
import org.leverdesk.optionbook.OptionBook;
import org.leverdesk.optionbook.OptionGroup;
import org.leverdesk.optionbook.PayoffCurve;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.chain.OptionChain;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.Expiry;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;

/**
 * The Options view's state: the chain of the chosen underlying and expiry (at-the-money row and held strikes
 * marked), the account's open option positions, spreads and condors grouped with their payoff diagram, and the
 * RiskGuard's limits with their use. Reads run on the executor; the view binds to the properties.
 */
public final class OptionsViewModel {
    /** The chain's window: expiries up to 60 days out, at most 8 of them, 40 strikes each side of the money (a 20-delta put a month out lies about 25 strikes below). */
    static final ChainFilter FILTER = new ChainFilter(0, 60, 8, 40);

    private final OptionBook book;
    private final OptionAccount account;
    private final GuardPanelSource guard;
    private final String guardUnderlying;
    private final TaskExecutor executor;
    private final Clock clock;

    private final ObservableList<String> underlyings = FXCollections.observableArrayList();
    private final StringProperty underlying = new SimpleStringProperty();
    private final ObservableList<LocalDate> expiries = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> expiry = new SimpleObjectProperty<>();
    private final ObservableList<ChainRow> chainRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper("");
    private final ObservableList<HeldOption> positions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper positionsSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<OptionGroup> groups = FXCollections.observableArrayList();
    private final ObjectProperty<OptionGroup> selectedGroup = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PayoffCurve> payoff = new ReadOnlyObjectWrapper<>();
    private final ObservableList<GuardLimit> guardLimits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();

    private OptionChain chain;
    private OptionBook.Snapshot held;
    private Map<String, OptionChain> chainsOfGroups = Map.of();
    private boolean applying;

    /**
     * @param account        the active account; null shows the chain only
     * @param guard          the RiskGuard's limits; null hides them
     * @param guardUnderlying the underlying whose volatility index the guard's ceiling reads (the spreads' symbol, QQQ)
     */
    public OptionsViewModel(OptionBook book, OptionAccount account, GuardPanelSource guard, String guardUnderlying, TaskExecutor executor,
                            Clock clock) {
        this.book = book;
        this.account = account;
        this.guard = guard;
        this.guardUnderlying = guardUnderlying;
        this.executor = executor;
        this.clock = clock;
        underlying.addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                refresh();
            }
        });
        expiry.addListener((obs, old, now) -> {
            if (!applying) {
                showChainRows();
            }
        });
        selectedGroup.addListener((obs, old, now) -> showPayoff());
    }

    /** Everything one background read gives. */
    private record Loaded(List<String> underlyings, String underlying, ChainSource.Snapshot chain, String chainError,
                          OptionBook.Snapshot held, Map<String, OptionChain> groupChains, List<GuardLimit> guard, String accountError) {
    }

    /** Re-reads the chain of the chosen underlying, the account's options and the guard. */
    public void refresh() {
        loading.set(true);
        String wanted = underlying.get();
        executor.execute(() -> load(wanted), this::apply, failure -> {
            loading.set(false);
            errorMessage.set("Options could not be read: " + oneLine(failure));
        });
    }

    private Loaded load(String wanted) {
        ChainSource source = book.source();
        List<String> names = source.underlyings();
        String chosen = wanted != null && names.contains(wanted) ? wanted : names.contains("QQQ") ? "QQQ"
                : names.isEmpty() ? null : names.get(0);
        ChainSource.Snapshot snapshot = null;
        String chainError = null;
        if (chosen == null) {
            chainError = "No option chains: the price source has none of QQQ, QQQM or SPY with a volatility index; import them in the Data view.";
        } else {
            try {
                snapshot = source.chain(chosen, FILTER);
            } catch (RuntimeException e) {
                chainError = "No " + chosen + " chain: " + oneLine(e);
            }
        }
        OptionBook.Snapshot positions = null;
        List<GuardLimit> limits = List.of();
        String accountError = null;
        Map<String, OptionChain> groupChains = new LinkedHashMap<>();
        if (account != null) {
            try {
                OptionAccount.Holdings h = account.read();
                LocalDate asOf = snapshot != null ? snapshot.chain().asOf() : LocalDate.now(clock);
                positions = book.read(h.positions(), asOf);
                for (OptionGroup g : positions.groups()) {
                    if (!groupChains.containsKey(g.underlying())) {
                        groupChains.put(g.underlying(), chainOf(g.underlying(), snapshot));
                    }
                }
                if (guard != null) {
                    OptionChain guardChain = groupChains.containsKey(guardUnderlying) ? groupChains.get(guardUnderlying)
                            : chainOf(guardUnderlying, snapshot);
                    double index = guardChain == null ? Double.NaN : guardChain.inputs().index().level();
                    Account a = h.account();
                    limits = guard.limits(new GuardPanelSource.AccountFigures(a.equity().doubleValue(), a.cash().doubleValue(),
                            a.dayProfit().doubleValue()), positions, index);
                }
            } catch (RuntimeException e) {
                accountError = "The account could not be read: " + oneLine(e);
            }
        }
        return new Loaded(names, chosen, snapshot, chainError, positions, groupChains, limits, accountError);
    }

    /** The chain of {@code underlying} (reusing {@code shown} when it is that one); null when it cannot be priced. */
    private OptionChain chainOf(String underlying, ChainSource.Snapshot shown) {
        if (shown != null && shown.chain().underlying().equals(underlying)) {
            return shown.chain();
        }
        try {
            return book.source().chain(underlying, new ChainFilter(0, 3650, 1, 0)).chain();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The expiry the chain opens on: the nearest with at least one day to go. A 0-DTE expiry is all but
     * expired (its Greeks are zeros and its deltas 0 or 1), not what a trader opening the chain wants to
     * see first; it stays in the list. The nearest one when every expiry is 0 DTE; null without any.
     */
    static LocalDate defaultExpiry(List<LocalDate> dates, LocalDate asOf) {
        if (dates.isEmpty()) {
            return null;
        }
        return dates.stream().filter(d -> asOf == null || d.isAfter(asOf)).findFirst().orElse(dates.get(0));
    }

    private void apply(Loaded l) {
        applying = true;
        try {
            if (!underlyings.equals(l.underlyings())) {
                underlyings.setAll(l.underlyings());
            }
            underlying.set(l.underlying());
            chain = l.chain() == null ? null : l.chain().chain();
            sourceText.set(l.chain() == null ? "" : l.chain().label());
            LocalDate keep = expiry.get();
            List<LocalDate> dates = chain == null ? List.of() : chain.expiries().stream().map(Expiry::date).toList();
            expiries.setAll(dates);
            expiry.set(dates.contains(keep) ? keep : defaultExpiry(dates, chain == null ? null : chain.asOf()));
        } finally {
            applying = false;
        }
        held = l.held();
        chainsOfGroups = l.groupChains();
        positions.setAll(held == null ? List.of() : held.held());
        positionsSummary.set(held == null ? "" : summary(held));
        OptionGroup was = selectedGroup.get();
        groups.setAll(held == null ? List.of() : held.groups());
        selectedGroup.set(groups.stream().filter(g -> was != null && g.title().equals(was.title())).findFirst()
                .orElse(groups.isEmpty() ? null : groups.get(0)));
        showPayoff();
        guardLimits.setAll(l.guard());
        showChainRows();
        List<String> errors = new ArrayList<>();
        if (l.chainError() != null) {
            errors.add(l.chainError());
        }
        if (l.accountError() != null) {
            errors.add(l.accountError());
        }
        errorMessage.set(String.join(" ", errors));
        loading.set(false);
    }

    private static String summary(OptionBook.Snapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(s.held().size()).append(s.held().size() == 1 ? " option position" : " option positions");
        b.append(" · net delta ").append(String.format(java.util.Locale.ROOT, "%+.1f", s.netDelta())).append(" shares");
        b.append(" · cash held as collateral ").append(Formats.money(s.collateral()));
        s.callShares().forEach((u, n) -> b.append(" · ").append(n.stripTrailingZeros().toPlainString()).append(' ').append(u)
                .append(" shares reserved for covered calls"));
        return b.toString();
    }

    /** Builds the chain rows of the chosen expiry: calls and puts side by side, the at-the-money strike marked. */
    private void showChainRows() {
        LocalDate e = expiry.get();
        if (chain == null || e == null) {
            chainRows.clear();
            return;
        }
        List<OptionQuote> calls = chain.quotes(e, OptionRight.CALL);
        List<OptionQuote> puts = chain.quotes(e, OptionRight.PUT);
        int atm = -1;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < calls.size(); i++) {
            double d = Math.abs(calls.get(i).contract().strikeValue() - chain.spot());
            if (d < best) {
                best = d;
                atm = i;
            }
        }
        List<ChainRow> rows = new ArrayList<>();
        for (int i = 0; i < calls.size() && i < puts.size(); i++) {
            OptionQuote c = calls.get(i);
            OptionQuote p = puts.get(i);
            rows.add(new ChainRow(c.contract().strikeValue(), c, p, i == atm, heldOf(c), heldOf(p)));
        }
        chainRows.setAll(rows);
    }

    private double heldOf(OptionQuote q) {
        if (held == null) {
            return 0;
        }
        return held.held().stream().filter(h -> h.contract().equals(q.contract())).mapToDouble(h -> h.leg().contracts()).sum();
    }

    private void showPayoff() {
        OptionGroup g = selectedGroup.get();
        OptionChain c = g == null ? null : chainsOfGroups.get(g.underlying());
        payoff.set(g == null || c == null ? null : PayoffCurve.of(g, c));
    }

    /** The chain shown, for the view's spot line; null before the first read. */
    public OptionChain chain() {
        return chain;
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public ObservableList<String> underlyings() { return underlyings; }
    public StringProperty underlyingProperty() { return underlying; }
    public ObservableList<LocalDate> expiries() { return expiries; }
    public ObjectProperty<LocalDate> expiryProperty() { return expiry; }
    public ObservableList<ChainRow> chainRows() { return chainRows; }
    public ReadOnlyStringProperty sourceTextProperty() { return sourceText.getReadOnlyProperty(); }
    public ObservableList<HeldOption> positions() { return positions; }
    public ReadOnlyStringProperty positionsSummaryProperty() { return positionsSummary.getReadOnlyProperty(); }
    public ObservableList<OptionGroup> groups() { return groups; }
    public ObjectProperty<OptionGroup> selectedGroupProperty() { return selectedGroup; }
    public ReadOnlyObjectProperty<PayoffCurve> payoffProperty() { return payoff.getReadOnlyProperty(); }
    public ObservableList<GuardLimit> guardLimits() { return guardLimits; }
    public ReadOnlyStringProperty errorMessageProperty() { return errorMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public boolean hasAccount() { return account != null; }
}
