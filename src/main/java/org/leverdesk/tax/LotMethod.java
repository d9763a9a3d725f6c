package org.leverdesk.tax;

/** Which open lots a sale closes first. */
public enum LotMethod {
    /** First in, first out: the IRS default when no lot is identified. */
    FIFO,
    /**
     * Specific identification by a standing instruction: the highest-cost lot first (the broker is told
     * the lots at each sale, as specific identification requires), which realises the smallest gain.
     */
    HIFO
}
