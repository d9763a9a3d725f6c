package org.leverdesk.research.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeflatedSharpeTest {

    @Test
    void reproducesThePapersWorkedExample() {
        // Bailey & López de Prado (2014): SR 2.5 annualised over 5 years of daily data (T = 1,250, 250 days a
        // year), N = 100 trials with annualised variance of their Sharpe ratios V = 0.5, skew -3, kurtosis 10.
        DeflatedSharpe d = DeflatedSharpe.annualised(2.5, 100, 1250, 0.5, -3, 10, 250);
        // Per period: SR = 2.5/sqrt(250) = 0.158114; V = 0.002; SR0 = sqrt(0.002)·(0.42278·2.32635 + 0.57722·2.68080)
        assertEquals(0.1581139, d.sr(), 1e-7);
        assertEquals(0.1131720, d.sr0(), 1e-6);
        assertEquals(1.7894, d.sr0() * Math.sqrt(250), 1e-4, "SR0 annualised");
        // z = (0.158114 - 0.113172)·sqrt(1249) / sqrt(1 + 3·0.158114 + 9/4·0.158114²) = 1.28382
        assertEquals(0.9004, d.dsr(), 1e-4, "the paper's DSR ≈ 0.90");
    }

    @Test
    void annualisedInputsMustBeDeAnnualised() {
        // The same numbers taken as per-period would claim near certainty: the trap the paper warns about.
        DeflatedSharpe wrong = DeflatedSharpe.of(2.5, 100, 1250, 0.5, -3, 10);
        assertTrue(Double.isNaN(wrong.dsr()) || wrong.dsr() > 0.99 || wrong.dsr() < 0.9,
                "treating annual SR as daily gives another answer: " + wrong.dsr());
    }

    @Test
    void oneTrialIsTheProbabilisticSharpeRatioAgainstZero() {
        DeflatedSharpe d = DeflatedSharpe.of(0.1, 1, 101, 0.3, 0, 3);
        assertEquals(0, d.sr0());
        // z = 0.1·sqrt(100)/sqrt(1 + 0.5·0.01) = 0.9975093; Φ(z) = 0.8407413
        assertEquals(0.8407413, d.dsr(), 1e-7);
    }

    @Test
    void moreTrialsRaiseTheBar() {
        double few = DeflatedSharpe.of(0.1, 10, 1000, 0.001, 0, 3).dsr();
        double many = DeflatedSharpe.of(0.1, 10_000, 1000, 0.001, 0, 3).dsr();
        assertTrue(many < few, few + " then " + many);
    }
}
