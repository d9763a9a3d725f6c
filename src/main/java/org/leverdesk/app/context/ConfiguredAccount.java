package org.leverdesk.app.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.common.SecretMask;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.StrategySettings;
import org.leverdesk.insight.AccountSnapshot;
import org.leverdesk.broker.StrategyPortfolio;

/**
 * The account a "what if run now" picture (status, the Regime and Rotation views) is sized against: the
 * configured broker's equity times the strategy's capital share, and its real positions in the symbols
 * it trades - the same capital isolation a live run uses. When the broker cannot be read, the flat
 * $10,000 paper account, labelled with the reason.
 */
public final class ConfiguredAccount {
    private ConfiguredAccount() {
    }

    /** The account {@code strategyId} would trade with {@code config}'s capital share at {@code broker}. */
    public static AccountSnapshot of(Broker broker, AppConfig config, String strategyId, Set<String> tradedSymbols) {
        Optional<StrategySettings> settings = config.strategy(strategyId);
        double share = settings.map(StrategySettings::capitalShare).filter(s -> s > 0 && s <= 1).orElse(1.0);
        try {
            Account account = broker.account();
            List<BrokerPosition> positions = broker.positions();
            StrategyPortfolio mine = StrategyPortfolio.of(account, positions, tradedSymbols, share);
            Map<String, Long> shares = new LinkedHashMap<>();
            mine.positions().forEach((symbol, p) -> shares.put(symbol, p.quantity()));
            String label = String.format(Locale.ROOT, "%s account equity $%,.2f x %s's capital share %.0f%%%s", broker.name(),
                    account.equity(), strategyId, share * 100, settings.isPresent() ? "" : " (not in the config: 100%)");
            return new AccountSnapshot(label, mine.cash(), shares);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            AccountSnapshot paper = AccountSnapshot.paper();
            return new AccountSnapshot(paper.label() + " (the broker " + broker.name() + " cannot be read: "
                    + SecretMask.redact(why) + ")", paper.cash(), paper.shares());
        }
    }
}
