package org.leverdesk.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.leverdesk.riskguard.RiskGuardStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk guard}: the RiskGuard's state and each limit's use, per enabled strategy (the Dashboard's numbers). */
@Command(name = "guard", mixinStandardHelpOptions = true,
        description = {"Print the RiskGuard of every enabled strategy: OK / REDUCING / HALTED / cooling down until ...,",
                "and each limit's use (daily $ stop, weekly %% stop, drawdown throttle, trades today, day trades in 5",
                "sessions, cooldown), from the state the decision cycle keeps in the store: the Dashboard's banner and",
                "gauges. With spreads or condor enabled also the account's open risk (the spreads' and condors' maximum",
                "loss against maxRiskPct of the equity) and the options' net delta (against maxNetDelta), read from the",
                "broker when it can be reached. While the daemon or the window runs, this is answered by it."})
public final class GuardCommand implements Callable<Integer>, ForwardedCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    ConfigOptions config;

    @Option(names = "--json", description = "Print a JSON array, one object per strategy {strategy, level, headline, gauges}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<RiskGuardStatus> statuses;
        try (StoreLease lease = StoreLease.open(store, 0, true)) {
            org.leverdesk.config.AppConfig c = config.file().read();
            // the open-risk and net-delta gauges need the account; without one (no keys, offline) the stored gauges show
            boolean options = c.enabledStrategies().stream().anyMatch(x -> x.strategyId().equals("spreads")
                    || x.strategyId().equals("condor"));
            LeasedBroker leased = options ? LeasedBroker.of(lease, config.file(lease)) : null;
            statuses = lease.app().riskGuardStatus(c, leased != null && leased.available() ? leased.broker() : null).statuses();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ArrayNode all = m.createArrayNode();
            for (RiskGuardStatus s : statuses) {
                ObjectNode o = all.addObject();
                o.put("strategy", s.strategyId());
                o.put("level", s.level().name());
                o.put("headline", s.headline());
                o.put("cooldownUntil", s.cooldownUntil() == null ? null : s.cooldownUntil().toString());
                ArrayNode gauges = o.putArray("gauges");
                for (RiskGuardStatus.Gauge g : s.gauges()) {
                    gauges.addObject().put("name", g.name()).put("used", g.used()).put("limit", g.limit()).put("text", g.text());
                }
            }
            out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } else if (statuses.isEmpty()) {
            out.println("no strategy is enabled; enable one in Settings or with 'leverdesk config set'");
        } else {
            statuses.forEach(s -> s.lines().forEach(out::println));
        }
        out.flush();
        return 0;
    }

    @Override
    public java.nio.file.Path dataDir() {
        return store.folder();
    }
}
