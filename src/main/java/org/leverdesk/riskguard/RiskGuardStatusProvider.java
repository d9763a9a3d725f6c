package org.leverdesk.riskguard;

import java.util.List;

/** Reads the RiskGuard's status of every configured strategy (the Dashboard, the CLI, the Options view). */
@FunctionalInterface
public interface RiskGuardStatusProvider {
    /** One status per configured strategy, in the config's order. */
    List<RiskGuardStatus> statuses();
}
