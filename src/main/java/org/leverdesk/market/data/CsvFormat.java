package org.leverdesk.market.data;

import java.util.Locale;

/** The two daily-bar CSV layouts Leverdesk reads, told apart by their header line. */
enum CsvFormat {
    /** Leverdesk's own and the shared data's layout. */
    LEVERDESK("date,open,high,low,close,volume,adj_close", 0, 1, 2, 3, 4, 5, 6),
    /** What Yahoo Finance's "Download" button writes. */
    YAHOO("Date,Open,High,Low,Close,Adj Close,Volume", 0, 1, 2, 3, 4, 6, 5);

    static final int COLUMNS = 7;

    final String header;
    final int date, open, high, low, close, volume, adjClose;

    CsvFormat(String header, int date, int open, int high, int low, int close, int volume, int adjClose) {
        this.header = header;
        this.date = date;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.adjClose = adjClose;
    }

    /** Columns of open, high, low, close and adj_close, in that order. */
    int[] priceColumns() {
        return new int[] {open, high, low, close, adjClose};
    }

    /** The format whose header matches {@code line} ignoring case, BOM and spaces around names; or null. */
    static CsvFormat detect(String line) {
        String normalized = normalize(line);
        for (CsvFormat f : values()) {
            if (normalize(f.header).equals(normalized)) {
                return f;
            }
        }
        return null;
    }

    static String expectedHeaders() {
        return "'" + LEVERDESK.header + "' (Leverdesk) or '" + YAHOO.header + "' (Yahoo Finance export)";
    }

    private static String normalize(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        StringBuilder out = new StringBuilder(s.length());
        for (String name : s.split(",", -1)) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            String n = name.strip();
            if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
                n = n.substring(1, n.length() - 1).strip();
            }
            out.append(n.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
