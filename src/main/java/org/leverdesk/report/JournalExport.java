package org.leverdesk.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.leverdesk.store.JournalEntry;

/**
 * Journal exports: CSV (RFC 4180, like {@link CsvExport}) and JSON lines (one JSON object per line,
 * details embedded as JSON rather than as a string, so {@code jq} can read them). Files are written
 * atomically.
 */
public final class JournalExport {
    private static final String EOL = "\r\n";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalExport() {
    }

    /** {@code id,at,kind,strategy,message,details_json}, one line per entry, in the given order. */
    public static void csv(List<JournalEntry> entries, Appendable out) {
        try {
            out.append("id,at,kind,strategy,message,details_json").append(EOL);
            for (JournalEntry e : entries) {
                out.append(Long.toString(e.id())).append(',')
                        .append(e.at().toString()).append(',')
                        .append(CsvExport.field(e.kind())).append(',')
                        .append(CsvExport.field(e.strategyId())).append(',')
                        .append(CsvExport.field(e.message())).append(',')
                        .append(CsvExport.field(e.detailsJson())).append(EOL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"id":..,"at":"..","kind":..,"strategy":..,"message":..,"details":{..}}}, one per line ending in LF. */
    public static void jsonLines(List<JournalEntry> entries, Appendable out) {
        try {
            for (JournalEntry e : entries) {
                ObjectNode line = MAPPER.createObjectNode();
                line.put("id", e.id());
                line.put("at", e.at().toString());
                line.put("kind", e.kind());
                line.put("strategy", e.strategyId());
                line.put("message", e.message());
                line.set("details", e.detailsJson() == null ? null : MAPPER.readTree(e.detailsJson()));
                out.append(MAPPER.writeValueAsString(line)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal entry holds details that are not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code entries} as CSV to {@code file}, completely or not at all. */
    public static void writeCsv(List<JournalEntry> entries, Path file) {
        write(file, w -> csv(entries, w));
    }

    /** Writes {@code entries} as JSON lines to {@code file}, completely or not at all. */
    public static void writeJsonLines(List<JournalEntry> entries, Path file) {
        write(file, w -> jsonLines(entries, w));
    }

    private static void write(Path file, java.util.function.Consumer<Writer> content) {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.accept(w);
            w.flush();
        });
    }
}
