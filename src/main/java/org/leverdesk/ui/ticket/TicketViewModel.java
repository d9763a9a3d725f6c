package org.leverdesk.ui.ticket;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.execution.ManualOrderResult;
import org.leverdesk.execution.ManualOrders;
import org.leverdesk.execution.ManualTicket;
import org.leverdesk.execution.TicketPreview;
import org.leverdesk.strategy.catalog.Choice;
import org.leverdesk.strategy.catalog.NumberRange;
import org.leverdesk.strategy.catalog.Params;
import org.leverdesk.ui.common.Formats;
import org.leverdesk.ui.common.TaskExecutor;
import org.leverdesk.ui.common.form.FieldModel;
import org.leverdesk.ui.common.form.FormModel;

/**
 * The order ticket's state: symbol, buy or sell, shares or dollars, market/limit/stop with its price,
 * time in force (fields of the shared form model), a preview refreshed in the background on every
 * change (cost, buying power after, position after, every problem), and Submit through
 * {@link ManualOrders} — after a confirmation on a live account.
 */
public final class TicketViewModel {
    private final ManualOrders orders;
    private final TaskExecutor executor;
    private final FieldModel symbol = new FieldModel(Params.ticker("symbol", "Symbol", "QQQ", "What to trade"));
    private final FieldModel side = new FieldModel(Params.choice("side", "Side", "buy", "Buy or sell",
            new Choice("buy", "Buy"), new Choice("sell", "Sell")));
    private final FieldModel sizing = new FieldModel(Params.choice("sizing", "Size in", "shares", "Whole shares, or dollars' worth",
            new Choice("shares", "Shares"), new Choice("dollars", "Dollars")));
    private final FieldModel amount = new FieldModel(Params.number("amount", "Quantity", 1, "",
            NumberRange.of(0, 1_000_000_000, 1).aboveMin(), "Shares, or dollars when sized in dollars"));
    private final FieldModel type = new FieldModel(Params.choice("type", "Order type", "market", "How it is priced",
            new Choice("market", "Market"), new Choice("limit", "Limit"), new Choice("stop", "Stop")));
    private final FieldModel limit = new FieldModel(Params.money("limit", "Limit price", "0", NumberRange.of(0, 1_000_000, 0.01).aboveMin(),
            "Buy at or below / sell at or above this price"));
    private final FieldModel stop = new FieldModel(Params.money("stop", "Stop price", "0", NumberRange.of(0, 1_000_000, 0.01).aboveMin(),
            "Becomes a market order when the price reaches this"));
    private final FieldModel timeInForce = new FieldModel(Params.choice("timeInForce", "Time in force", "day", "How long the order works",
            new Choice("day", "Day"), new Choice("gtc", "Good till cancelled")));
    private final ReadOnlyObjectWrapper<TicketPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> previewLines = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sendable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSubmit = sendable.and(busy.not());
    private Predicate<String> confirmLive = question -> false;
    private long previews;

    public TicketViewModel(ManualOrders orders, TaskExecutor executor) {
        this.orders = orders;
        this.executor = executor;
        for (FieldModel f : fields()) {
            f.valueProperty().addListener(obs -> refreshPreview());
        }
        limit.load("");
        stop.load("");
    }

    /** Every field, in ticket order. */
    public List<FieldModel> fields() {
        return List.of(symbol, side, sizing, amount, type, limit, stop, timeInForce);
    }

    public FieldModel symbol() { return symbol; }
    public FieldModel side() { return side; }
    public FieldModel sizing() { return sizing; }
    public FieldModel amount() { return amount; }
    public FieldModel type() { return type; }
    public FieldModel limit() { return limit; }
    public FieldModel stop() { return stop; }
    public FieldModel timeInForce() { return timeInForce; }

    /** True while the limit price applies (a limit order). */
    public BooleanBinding limitShown() {
        return Bindings.createBooleanBinding(() -> "limit".equals(type.stored()), type.valueProperty());
    }

    /** True while the stop price applies (a stop order). */
    public BooleanBinding stopShown() {
        return Bindings.createBooleanBinding(() -> "stop".equals(type.stored()), type.valueProperty());
    }

    /** The unit beside the quantity: "shares" or "$". */
    public javafx.beans.binding.StringBinding amountUnit() {
        return Bindings.createStringBinding(() -> "dollars".equals(sizing.stored()) ? "$" : "shares", sizing.valueProperty());
    }

    public ReadOnlyObjectProperty<TicketPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The preview in words: shares and price, value, buying power before and after, position after, the order id. */
    public ObservableList<String> previewLines() {
        return previewLines;
    }

    /** Why the ticket cannot be sent (and what to look at), in words; empty when it can. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** What to look at before sending (e.g. prices are end-of-day closes, the sell opens a short). */
    public ObservableList<String> notes() {
        return notes;
    }

    /** What the last Submit did. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObservableBooleanValue canSubmitProperty() {
        return canSubmit;
    }

    /** True when orders go to a live account. */
    public boolean live() {
        return orders.live();
    }

    /** "Order ticket · paper" for the heading. */
    public String title() {
        return "Order ticket · " + orders.brokerName() + (orders.live() ? " · LIVE" : "");
    }

    /** Asked, with the question, before a live order is sent; true sends it. Without one no live order is sent. */
    public void setLiveConfirmation(Predicate<String> confirm) {
        confirmLive = confirm == null ? q -> false : confirm;
    }

    /** Starts a ticket for {@code s} (the charted symbol) and {@code buy} or sell. */
    public void start(String s, boolean buy) {
        symbol.load(s);
        side.load(buy ? "buy" : "sell");
        result.set("");
        refreshPreview();
    }

    /** Reads the preview again (prices move). */
    public void refreshPreview() {
        List<String> own = ownProblems();
        if (!own.isEmpty()) {
            preview.set(null);
            previewLines.clear();
            notes.clear();
            problems.setAll(own);
            sendable.set(false);
            return;
        }
        ManualTicket ticket = ticket();
        long id = ++previews;
        executor.execute(() -> orders.preview(ticket), p -> {
            if (id != previews) {
                return;
            }
            preview.set(p);
            previewLines.setAll(lines(p, ticket));
            problems.setAll(p.problems());
            notes.setAll(p.warnings());
            sendable.set(p.sendable());
        }, failure -> {
            if (id == previews) {
                problems.setAll("No preview: " + FormModel.oneLine(failure.getMessage()));
                sendable.set(false);
            }
        });
    }

    /** Sends the ticket (after the live confirmation); the outcome shows in {@link #resultProperty()}. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        ManualTicket ticket = ticket();
        TicketPreview p = preview.get();
        if (orders.live() && !confirmLive.test("Send " + describe(ticket, p) + " to your LIVE account? It spends real money.")) {
            result.set("Not sent: the live order was not confirmed");
            return;
        }
        busy.set(true);
        result.set("Sending " + describe(ticket, p) + "…");
        executor.execute(() -> orders.submit(ticket), (ManualOrderResult r) -> {
            busy.set(false);
            result.set(r.message());
            refreshPreview();
        }, failure -> {
            busy.set(false);
            result.set("Not sent: " + FormModel.oneLine(failure.getMessage()));
            refreshPreview();
        });
    }

    private List<String> ownProblems() {
        List<String> out = new ArrayList<>();
        for (FieldModel f : List.of(symbol, side, sizing, amount, type, timeInForce)) {
            if (!f.ownProblem().isEmpty()) {
                out.add(f.ownProblem());
            }
        }
        if ("limit".equals(type.stored()) && !limit.ownProblem().isEmpty()) {
            out.add(limit.ownProblem());
        }
        if ("stop".equals(type.stored()) && !stop.ownProblem().isEmpty()) {
            out.add(stop.ownProblem());
        }
        return out;
    }

    private ManualTicket ticket() {
        OrderType t = OrderType.valueOf(type.stored().toUpperCase(Locale.ROOT));
        return new ManualTicket(symbol.stored(), "buy".equals(side.stored()) ? Side.BUY : Side.SELL,
                "dollars".equals(sizing.stored()) ? ManualTicket.Sizing.DOLLARS : ManualTicket.Sizing.SHARES,
                new BigDecimal(amount.stored()), t, t == OrderType.LIMIT ? new BigDecimal(limit.stored()) : null,
                t == OrderType.STOP ? new BigDecimal(stop.stored()) : null,
                "gtc".equals(timeInForce.stored()) ? TimeInForce.GTC : TimeInForce.DAY);
    }

    private static String describe(ManualTicket t, TicketPreview p) {
        return t.side().name().toLowerCase(Locale.ROOT) + " " + (p == null ? "?" : Formats.count(p.shares())) + " " + t.symbol()
                .toUpperCase(Locale.ROOT) + " " + t.type().name().toLowerCase(Locale.ROOT)
                + (t.limitPrice() == null ? "" : " at " + Formats.money(t.limitPrice().doubleValue()))
                + (t.stopPrice() == null ? "" : " stop " + Formats.money(t.stopPrice().doubleValue()));
    }

    private static List<String> lines(TicketPreview p, ManualTicket t) {
        List<String> out = new ArrayList<>();
        String verb = t.side() == Side.BUY ? "Buy " : "Sell ";
        String priced = switch (t.type()) {
            case LIMIT -> "limit ";
            case STOP -> "stop ";
            default -> t.side() == Side.BUY ? "ask " : "bid ";
        };
        out.add(verb + Formats.count(p.shares()) + " " + p.symbol() + (p.price() == null ? "" : " at " + priced
                + Formats.money(p.price().doubleValue())));
        out.add("Estimated " + (t.side() == Side.BUY ? "cost" : "proceeds") + ": " + money(p.estimatedValue()));
        out.add("Buying power: " + money(p.buyingPower()) + " → " + money(p.buyingPowerAfter()));
        out.add("Position: " + Formats.count(p.held()) + " → " + Formats.count(p.heldAfter()) + " shares");
        if (p.clientOrderId() != null) {
            out.add("Order id: " + p.clientOrderId());
        }
        return out;
    }

    private static String money(BigDecimal v) {
        return v == null ? Formats.MISSING : Formats.money(v.doubleValue());
    }
}
