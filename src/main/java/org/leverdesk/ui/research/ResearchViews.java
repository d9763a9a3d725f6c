package org.leverdesk.ui.research;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import org.leverdesk.backtest.SavedRuns;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.Secrets;
import org.leverdesk.domain.TradingMode;
import org.leverdesk.research.ParameterCheck;
import org.leverdesk.research.RunnerBacktestFunction;
import org.leverdesk.research.advisor.AdvisorWorkflow;
import org.leverdesk.research.advisor.LlmClient;
import org.leverdesk.research.advisor.LlmSettings;
import org.leverdesk.research.similar.SessionAdvisor;
import org.leverdesk.ui.AppServices;
import org.leverdesk.ui.common.TaskExecutor;

/** Builds the Research view from the application's services (the main window registers it with one line). */
public final class ResearchViews {
    private ResearchViews() {
    }

    /** The view; {@code openInBacktest} shows a saved run in the Backtest view. */
    public static Parent create(AppServices services, TaskExecutor executor, Clock clock, Consumer<SavedRuns.SavedRun> openInBacktest) {
        var runner = services.backtests();
        ParameterCheck check = services.strategyVersions() == null ? ParameterCheck.NONE : services.strategyVersions()::validate;
        ResearchViewModel vm = new ResearchViewModel(runner, services.savedRuns(), services.research().runs(), ResearchBackends.of(runner),
                check, executor, openInBacktest, clock);
        AdvisorWorkflow flow = null;
        if (services.strategyVersions() != null && services.research().suggestions() != null) {
            RunnerBacktestFunction local = new RunnerBacktestFunction(runner);
            flow = new AdvisorWorkflow(new SessionAdvisor(runner, local), local, services.strategyVersions(),
                    services.research().suggestions());
        }
        AdviceViewModel advice = new AdviceViewModel(vm, flow, llm(services), account(services), executor);
        return ResearchView.load(vm, advice);
    }

    /** The LLM client as Settings describe it when asked (so a change in Settings counts at once); null without a config file. */
    private static Supplier<LlmClient> llm(AppServices services) {
        if (services.configFile() == null) {
            return null;
        }
        return () -> {
            AppConfig config = services.configFile().loadIfPresent().orElse(AppConfig.defaults());
            var a = config.advisor();
            if (!a.llmEnabled()) {
                throw new IllegalArgumentException("the LLM advisor is off; switch it on in Settings > Research advisor");
            }
            String key = services.secrets().get(Secrets.LLM_API_KEY).orElseThrow(() -> new IllegalArgumentException(
                    "no LLM API key; type it in Settings > Research advisor"));
            return new LlmClient(new LlmSettings(a.llmApi(), a.llmEndpoint(), a.llmModel(), Duration.ofSeconds(90)), key);
        };
    }

    /** The account strategies trade on, as the settings say; LIVE when the window says so. */
    private static TradingMode account(AppServices services) {
        if (services.mode() == AppServices.Mode.LIVE) {
            return TradingMode.LIVE;
        }
        if (services.configFile() != null) {
            try {
                return services.configFile().loadIfPresent().map(c -> c.broker().mode()).orElse(TradingMode.PAPER);
            } catch (RuntimeException unreadable) {
                return TradingMode.LIVE; // unknown: never auto-apply
            }
        }
        return TradingMode.PAPER;
    }
}
