package org.leverdesk.research.cluster;

import java.io.Serializable;
import java.util.TreeMap;
import org.leverdesk.backtest.CostModel;
import org.leverdesk.research.RunBase;

/** A {@link RunBase} as it crosses the network. */
record BaseWire(String strategyId, String symbol, double capital, double commissionPerOrder, double commissionPerShare,
                double slippageBps, String benchmark, TreeMap<String, String> fixed) implements Serializable {

    static BaseWire of(RunBase b) {
        return new BaseWire(b.strategyId(), b.symbol(), b.capital(), b.costs().commissionPerOrder(), b.costs().commissionPerShare(),
                b.costs().slippageBps(), b.benchmark(), new TreeMap<>(b.fixedParameters()));
    }

    RunBase base() {
        return new RunBase(strategyId, symbol, capital, new CostModel(commissionPerOrder, commissionPerShare, slippageBps),
                benchmark, fixed);
    }
}
