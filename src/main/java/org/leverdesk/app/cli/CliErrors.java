package org.leverdesk.app.cli;

/** Turns an exception into the one-line message a CLI user sees. */
final class CliErrors {
    private CliErrors() {
    }

    static String oneLine(Throwable ex) {
        Throwable t = ex;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return msg.replace('\n', ' ').strip();
    }
}
