package org.leverdesk.app.cli;

import java.io.IOException;
import java.io.Writer;
import org.leverdesk.common.SecretMask;

/** Writes text line by line through {@link SecretMask}, so no secret a broker echoed reaches the terminal. */
final class MaskingWriter extends Writer {
    private final Writer out;
    private final StringBuilder line = new StringBuilder();

    MaskingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            line.append(buf[i]);
            if (buf[i] == '\n') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        out.write(SecretMask.redact(line.toString()));
        line.setLength(0);
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }
}
