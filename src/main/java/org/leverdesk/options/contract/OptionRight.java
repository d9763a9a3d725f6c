package org.leverdesk.options.contract;

/** The right an option gives its holder: to buy (call) or to sell (put) 100 shares at the strike. */
public enum OptionRight {
    CALL('C'), PUT('P');

    private final char occCode;

    OptionRight(char occCode) {
        this.occCode = occCode;
    }

    /** The letter of the OCC symbol: C or P. */
    public char occCode() {
        return occCode;
    }

    /** The right for an OCC letter (C or P, upper case only, as OCC prints them). */
    public static OptionRight fromOccCode(char code) {
        return switch (code) {
            case 'C' -> CALL;
            case 'P' -> PUT;
            default -> throw new IllegalArgumentException("option right must be C or P (got '" + code + "')");
        };
    }

    /** Intrinsic value of one share's worth of this right: max(S − K, 0) for a call, max(K − S, 0) for a put. */
    public double intrinsic(double spot, double strike) {
        return this == CALL ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0);
    }
}
