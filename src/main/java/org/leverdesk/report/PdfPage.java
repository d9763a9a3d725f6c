package org.leverdesk.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * One A4 landscape page with drawing helpers in top-down coordinates (points, y grows downwards),
 * so layout code reads like the page. Text is always fitted: a string wider than its box is cut
 * with an ellipsis, and characters the standard fonts cannot encode become '?'.
 */
final class PdfPage implements AutoCloseable {
    static final PDRectangle SIZE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    static final float WIDTH = SIZE.getWidth();
    static final float HEIGHT = SIZE.getHeight();
    static final float MARGIN = 36;
    static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color RULE = new Color(0xCC, 0xCC, 0xCC);

    enum Align { LEFT, RIGHT, CENTER }

    private final PDPageContentStream cs;

    PdfPage(PDDocument doc) {
        PDPage page = new PDPage(SIZE);
        doc.addPage(page);
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width of {@code s} in points. */
    static float width(PDFont font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * size * 0.6f;
        }
    }

    /** {@code s} with every character the font cannot encode replaced by '?'. */
    static String encodable(PDFont font, String s) {
        // explanations use mathematical signs the standard fonts' WinAnsi encoding lacks
        s = s.replace("\u2264", "<=").replace("\u2265", ">=").replace("\u2212", "-").replace("\u2260", "!=")
                .replace("\u03c3", "sd").replace("\u03a3", "sum").replace("\u00b7", "*");
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                sb.append(c);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    /** {@code s} cut with an ellipsis to fit {@code maxWidth}. */
    static String fit(PDFont font, float size, String s, float maxWidth) {
        String t = encodable(font, s);
        if (width(font, size, t) <= maxWidth) {
            return t;
        }
        String ell = "\u2026";
        int n = t.length();
        while (n > 0 && width(font, size, t.substring(0, n) + ell) > maxWidth) {
            n--;
        }
        return t.substring(0, n) + ell;
    }

    /** Draws text with its baseline at y; aligned at x (left edge, right edge or centre), cut to maxWidth. */
    void text(PDFont font, float size, Color color, float x, float y, Align align, float maxWidth, String s) {
        String t = fit(font, size, s, maxWidth);
        float w = width(font, size, t);
        float left = switch (align) {
            case LEFT -> x;
            case RIGHT -> x - w;
            case CENTER -> x - w / 2;
        };
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(left, HEIGHT - y);
            cs.showText(t);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Left-aligned text with no width limit beyond the right margin. */
    void text(PDFont font, float size, float x, float y, String s) {
        text(font, size, TEXT, x, y, Align.LEFT, WIDTH - MARGIN - x, s);
    }

    void line(Color color, float lineWidth, float x1, float y1, float x2, float y2) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(lineWidth);
            cs.moveTo(x1, HEIGHT - y1);
            cs.lineTo(x2, HEIGHT - y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void dashedLine(Color color, float lineWidth, float x1, float y1, float x2, float y2) {
        try {
            cs.saveGraphicsState();
            cs.setLineDashPattern(new float[] {3, 2}, 0);
            line(color, lineWidth, x1, y1, x2, y2);
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A polyline through xs/ys (top-down); NaN points break the line. */
    void polyline(Color color, float lineWidth, float[] xs, float[] ys) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(lineWidth);
            cs.setLineJoinStyle(1);
            boolean open = false;
            for (int i = 0; i < xs.length; i++) {
                if (Float.isNaN(ys[i])) {
                    open = false;
                    continue;
                }
                if (open) {
                    cs.lineTo(xs[i], HEIGHT - ys[i]);
                } else {
                    cs.moveTo(xs[i], HEIGHT - ys[i]);
                    open = true;
                }
            }
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The area between a polyline and a baseline y0, filled. */
    void area(Color color, float[] xs, float[] ys, float y0) {
        if (xs.length == 0) {
            return;
        }
        try {
            cs.setNonStrokingColor(color);
            cs.moveTo(xs[0], HEIGHT - y0);
            for (int i = 0; i < xs.length; i++) {
                cs.lineTo(xs[i], HEIGHT - ys[i]);
            }
            cs.lineTo(xs[xs.length - 1], HEIGHT - y0);
            cs.closePath();
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The area between two polylines over the same xs (a percentile band), filled. */
    void band(Color color, float[] xs, float[] lower, float[] upper) {
        if (xs.length == 0) {
            return;
        }
        try {
            cs.setNonStrokingColor(color);
            cs.moveTo(xs[0], HEIGHT - lower[0]);
            for (int i = 1; i < xs.length; i++) {
                cs.lineTo(xs[i], HEIGHT - lower[i]);
            }
            for (int i = xs.length - 1; i >= 0; i--) {
                cs.lineTo(xs[i], HEIGHT - upper[i]);
            }
            cs.closePath();
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fillRect(Color color, float x, float y, float w, float h) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, HEIGHT - y - h, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void strokeRect(Color color, float lineWidth, float x, float y, float w, float h) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(lineWidth);
            cs.addRect(x, HEIGHT - y - h, w, h);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled triangle pointing up (buy) or down (sell) with its tip at (x, y). */
    void triangle(Color fill, float x, float y, float size, boolean up) {
        float base = up ? y + size : y - size;
        try {
            cs.setNonStrokingColor(fill);
            cs.setStrokingColor(Color.WHITE);
            cs.setLineWidth(0.3f);
            cs.moveTo(x, HEIGHT - y);
            cs.lineTo(x - size * 0.6f, HEIGHT - base);
            cs.lineTo(x + size * 0.6f, HEIGHT - base);
            cs.closePath();
            cs.fillAndStroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(float x, float y, float w, float h) {
        try {
            cs.saveGraphicsState();
            cs.addRect(x, HEIGHT - y - h, w, h);
            cs.clip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void unclip() {
        try {
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            cs.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
