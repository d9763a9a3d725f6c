package org.leverdesk.ui.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.research.RunBase;
import org.leverdesk.research.advisor.AdvisorWorkflow;
import org.leverdesk.research.advisor.LlmClient;
import org.leverdesk.research.advisor.Suggestion;
import org.leverdesk.research.similar.Advice;
import org.leverdesk.research.similar.Candidate;
import org.leverdesk.research.similar.Neighbour;
import org.leverdesk.research.sweep.ParameterAxis;
import org.leverdesk.ui.common.TaskExecutor;

/**
 * The "Similar sessions" tab: finds the past days most like the chosen day, compares the active version,
 * the newest other versions and an optional grid over the days after each, shows the measured suggestion,
 * optionally asks the LLM, and applies a suggestion as a new version (auto-apply only on a paper account).
 */
public final class AdviceViewModel {
    private final ResearchViewModel form;
    private final AdvisorWorkflow flow;
    private final Supplier<LlmClient> llm;
    private final TradingMode account;
    private final TaskExecutor executor;

    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final StringProperty k = new SimpleStringProperty("20");
    private final StringProperty horizon = new SimpleStringProperty("10");
    private final StringProperty versions = new SimpleStringProperty("5");
    private final StringProperty grid = new SimpleStringProperty("");
    private final BooleanProperty autoApply = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper gridPrompt = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<NeighbourRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<Candidate>> candidates = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper todayText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper candidatesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper suggestionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper llmText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canApplyLlm = new ReadOnlyBooleanWrapper();
    private Advice advice;
    private List<String> candidateNames = List.of();
    private Suggestion llmSuggestion;

    /**
     * @param flow    the advisor over the store's versions and suggestions; null: no store, the tab says so
     * @param llm     builds the LLM client from Settings; null when the LLM advisor is off
     * @param account the account strategies trade on: auto-apply is offered only for PAPER
     */
    public AdviceViewModel(ResearchViewModel form, AdvisorWorkflow flow, Supplier<LlmClient> llm, TradingMode account,
                           TaskExecutor executor) {
        this.form = form;
        this.flow = flow;
        this.llm = llm;
        this.account = account;
        this.executor = executor;
        asOf.set(form.toProperty().get());
        form.toProperty().addListener((o, old, now) -> asOf.set(now));
        showGridPrompt();
        form.strategyProperty().addListener((o, old, now) -> showGridPrompt());
        if (flow == null) {
            message.set("Similar-session advice needs the store's strategy versions; open a store to use it.");
        }
    }

    public ObjectProperty<LocalDate> asOfProperty() { return asOf; }
    /** How many similar sessions. */
    public StringProperty kProperty() { return k; }
    /** Trading days after each session over which the sets are compared. */
    public StringProperty horizonProperty() { return horizon; }
    public StringProperty versionsProperty() { return versions; }
    /** An optional grid around the active version in the parameters' labels: "Entry RSI: 20, 25, 35; Exit RSI: 70, 80". */
    public StringProperty gridProperty() { return grid; }
    /** The grid field's prompt: an example in the chosen strategy's labels. */
    public ReadOnlyStringProperty gridPromptProperty() { return gridPrompt.getReadOnlyProperty(); }
    public BooleanProperty autoApplyProperty() { return autoApply; }
    /** True when auto-apply can be offered: the account is a paper account. */
    public boolean autoApplyAllowed() { return account == TradingMode.PAPER; }
    public boolean llmAvailable() { return llm != null && flow != null; }
    public boolean available() { return flow != null; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ObservableList<NeighbourRow> rows() { return rows; }
    /** The compared sets, in the order of each row's returns. */
    public ReadOnlyObjectProperty<List<Candidate>> candidatesProperty() { return candidates.getReadOnlyProperty(); }
    public ReadOnlyStringProperty todayTextProperty() { return todayText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty candidatesTextProperty() { return candidatesText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty suggestionTextProperty() { return suggestionText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty llmTextProperty() { return llmText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canApplyProperty() { return canApply.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canApplyLlmProperty() { return canApplyLlm.getReadOnlyProperty(); }

    /** Finds the similar sessions and compares the sets, in the background. */
    public void advise() {
        if (flow == null || busy.get()) {
            return;
        }
        var s = form.strategyProperty().get();
        if (s == null) {
            return;
        }
        int kk;
        int h;
        int nv;
        List<ParameterAxis> axes = new ArrayList<>();
        try {
            kk = Integer.parseInt(k.get().trim());
            h = Integer.parseInt(horizon.get().trim());
            nv = Integer.parseInt(versions.get().trim());
        } catch (NumberFormatException e) {
            message.set("sessions, days and versions must be whole numbers");
            return;
        }
        try {
            axes.addAll(gridAxes(grid.get(), form.headings(s.id())));
        } catch (IllegalArgumentException e) {
            message.set("Grid: " + e.getMessage());
            return;
        }
        String sym = form.symbolProperty().get() == null || form.symbolProperty().get().isBlank() ? null
                : form.symbolProperty().get().trim().toUpperCase(Locale.ROOT);
        RunBase base = new RunBase(s.id(), sym, 10_000, CostModel.FREE, null, Map.of());
        LocalDate day = asOf.get();
        busy.set(true);
        message.set("Finding similar sessions…");
        canApply.set(false);
        canApplyLlm.set(false);
        llmText.set("");
        executor.execute(() -> {
            List<Candidate> cands = flow.candidates(s.id(), nv, axes);
            if (cands.size() < 2) {
                throw new IllegalArgumentException(s.displayName() + " has only its active version; type a grid (e.g. "
                        + gridPrompt.get() + ") or save another version to compare");
            }
            return flow.advise(base, day, kk, h, cands, org.leverdesk.common.ProgressListener.NONE, CancellationToken.NONE);
        }, this::show, e -> {
            busy.set(false);
            message.set(ResearchViewModel.oneLine(e));
        });
    }

    /** The axes of a grid typed in labels, parts split by ";"; a one-line error in labels when a part is wrong. */
    static List<ParameterAxis> gridAxes(String text, ParameterHeadings words) {
        List<ParameterAxis> axes = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split(";")) {
            if (!part.isBlank()) {
                axes.add(words.axis(part.trim()));
            }
        }
        return axes;
    }

    private void showGridPrompt() {
        var s = form.strategyProperty().get();
        gridPrompt.set(s == null ? "" : form.headings(s.id()).example());
    }

    private void show(Advice a) {
        busy.set(false);
        advice = a;
        llmSuggestion = null;
        List<NeighbourRow> out = new ArrayList<>();
        for (int i = 0; i < a.match().neighbours().size(); i++) {
            Neighbour n = a.match().neighbours().get(i);
            out.add(new NeighbourRow(n.date(), n.windowEnd(), n.similarity(), a.returns()[i]));
        }
        // the parameter sets in the strategy's labels ("Entry RSI 10"), never its keys ("entryRsi=10")
        ParameterHeadings words = form.headings(a.request().base().strategyId());
        List<String> names = new ArrayList<>();
        for (Candidate cand : a.request().candidates()) {
            names.add(setName(cand, a.request().active(), words));
        }
        candidateNames = List.copyOf(names);
        candidates.set(a.request().candidates());
        rows.setAll(out);
        todayText.set("Session " + a.match().today() + ": " + SessionFeatureWords.of(a.featureNames(), a.match().todayFeatures()));
        StringBuilder c = new StringBuilder();
        for (int j = 0; j < a.request().candidates().size(); j++) {
            Candidate cand = a.request().candidates().get(j);
            c.append(String.format(Locale.ROOT, "%sset %d %s: mean %+.2f%%, beat the active version in %d of %d%s", j == 0 ? "" : "\n",
                    j + 1, names.get(j), a.meanReturns()[j] * 100, a.wins()[j], a.match().neighbours().size(),
                    j == a.request().activeIndex() ? "" : " · " + differences(a.request().active(), cand, words)));
        }
        candidatesText.set(c.toString());
        // the advisor's reason names the sets by their keys; the same sets by their labels here
        // (longest first: "entryRsi=1" is the start of "entryRsi=10")
        String reason = a.reason();
        List<Integer> byLength = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            byLength.add(j);
        }
        byLength.sort(java.util.Comparator.comparingInt((Integer j) -> a.request().candidates().get(j).label().length()).reversed());
        for (int j : byLength) {
            reason = reason.replace(a.request().candidates().get(j).label(), names.get(j));
        }
        suggestionText.set(String.format(Locale.ROOT, "%s (confidence %.0f%%)", reason, a.confidence() * 100));
        canApply.set(!a.keepActive());
        message.set("");
    }

    /** "Entry RSI 30 → 25, Exit RSI 75 → 80", or "same parameters". */
    static String differences(Candidate active, Candidate other, ParameterHeadings words) {
        List<String> out = new ArrayList<>();
        other.parameters().forEach((k, v) -> {
            String was = active.parameters().get(k);
            if (!v.equals(was)) {
                out.add(words.of(k) + " " + words.shown(k, was) + " → " + words.shown(k, v));
            }
        });
        return out.isEmpty() ? "same parameters" : String.join(", ", out);
    }

    /**
     * A set's name: a saved version's ("v2", "v1 (active)"); a grid point's by what it changes from the
     * active version ("Entry RSI 10"), as the candidate's label ("entryRsi=10") is in the strategy's keys.
     */
    static String setName(Candidate c, Candidate active, ParameterHeadings words) {
        if (c.versionId() != null) {
            return c.label();
        }
        java.util.Map<String, String> changed = new java.util.LinkedHashMap<>();
        c.parameters().forEach((k, v) -> {
            if (!v.equals(active.parameters().get(k))) {
                changed.put(k, v);
            }
        });
        return changed.isEmpty() ? c.label() : words.inWords(changed);
    }

    /** The sets' names in the order of {@link #candidatesProperty()} (set before it changes). */
    public List<String> candidateNames() {
        return candidateNames;
    }

    /** Asks the LLM about the advice and measures its proposal over the same sessions. */
    public void askLlm() {
        if (advice == null || !llmAvailable() || busy.get()) {
            return;
        }
        Advice a = advice;
        busy.set(true);
        message.set("Asking the LLM…");
        executor.execute(() -> flow.askLlm(a, llm.get(), org.leverdesk.common.ProgressListener.NONE, CancellationToken.NONE), out -> {
            busy.set(false);
            message.set("");
            llmSuggestion = out.suggestion();
            llmText.set(out.suggestion() == null ? "LLM: keep the active parameters. " + out.answer().reason()
                    : String.format(Locale.ROOT, "LLM: %s — measured confidence %.0f%%. %s", out.answer().changes(),
                            out.suggestion().confidence() * 100, out.suggestion().reason()));
            canApplyLlm.set(out.suggestion() != null);
        }, e -> {
            busy.set(false);
            message.set(ResearchViewModel.oneLine(e));
        });
    }

    /** Creates a version (by advisor) from the similar-session suggestion. */
    public void apply() {
        if (advice != null) {
            flow.suggestion(advice).ifPresent(this::applyNow);
        }
    }

    /** Creates a version (by advisor) from the LLM's measured proposal. */
    public void applyLlm() {
        if (llmSuggestion != null) {
            applyNow(llmSuggestion);
        }
    }

    private void applyNow(Suggestion s) {
        boolean auto = autoApply.get() && autoApplyAllowed();
        executor.execute(() -> flow.apply(s, account, auto), applied -> message.set(applied.message()),
                e -> message.set(ResearchViewModel.oneLine(e)));
    }
}
