package org.leverdesk.strategy.regime;

/** Realized-volatility band of QQQ; HIGH halves the position and EXTREME forces an exit. */
public enum VolBand {
    LOW, NORMAL, HIGH, EXTREME
}
