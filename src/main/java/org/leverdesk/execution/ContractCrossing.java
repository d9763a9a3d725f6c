package org.leverdesk.execution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.leverdesk.domain.Side;
import org.leverdesk.optionbook.HeldOption;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;

/**
 * The risk step's rule that strategies sharing an account never cross (decision record 0031): the broker holds one net
 * position per contract, so an order of one strategy that trades a contract against another strategy's holding of it
 * (its filled part, or what its open orders will add) would net the two away in the account, and neither strategy's view
 * would show its side any more. Such an order unit is denied whole (every leg of a multi-leg order with it). What an
 * order takes off the strategy's own holding is never denied: closing its own position never nets against anyone.
 * Only option contracts are judged; emergency exits do not pass the risk step.
 */
final class ContractCrossing {
    private ContractCrossing() {
    }

    /**
     * The reason {@code unit} of {@code strategyId} is denied, or empty. {@code holders} gives every strategy's holding
     * of a contract (empty when parts are not told apart: one strategy, so the rule never fires).
     */
    static Optional<String> check(String strategyId, List<PlannedOrder> unit, Function<String, Map<String, PositionBook.Holding>> holders) {
        for (PlannedOrder o : unit) {
            Optional<OptionContract> contract = OptionSymbols.contract(o.symbol());
            if (contract.isEmpty()) {
                continue;
            }
            Map<String, PositionBook.Holding> all = holders.apply(o.symbol());
            if (all.isEmpty()) {
                continue;
            }
            long signed = o.side() == Side.BUY ? o.quantity() : -o.quantity();
            PositionBook.Holding own = all.get(strategyId);
            long mine = own == null ? 0 : own.part();
            // What the order takes off the strategy's own holding is its own business; only the rest can net against others.
            long reduces = Long.signum(mine) == -Long.signum(signed) ? Math.min(Math.abs(signed), Math.abs(mine)) : 0;
            long beyond = signed - Long.signum(signed) * reduces;
            if (beyond == 0) {
                continue;
            }
            for (Map.Entry<String, PositionBook.Holding> e : all.entrySet()) {
                if (e.getKey().equals(strategyId)) {
                    continue;
                }
                PositionBook.Holding h = e.getValue();
                long against = Long.signum(h.part()) == -Long.signum(beyond) ? h.part()
                        : Long.signum(h.part() + h.pending()) == -Long.signum(beyond) ? h.part() + h.pending() : 0;
                if (against != 0) {
                    String what = HeldOption.readable(contract.get());
                    String holds = (against < 0 ? "short " : "long ") + Math.abs(against)
                            + (against == h.part() ? "" : " with its open orders");
                    String whose = strategyId + (strategyId.endsWith("s") ? "'" : "'s");
                    return Optional.of(what + ": " + e.getKey() + " is " + holds + "; " + whose + " "
                            + (o.side() == Side.BUY ? "buy" : "sell") + " would net against it in the account");
                }
            }
        }
        return Optional.empty();
    }
}
