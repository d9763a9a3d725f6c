package org.leverdesk.report.account;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A small line chart of the equity at each recorded close, as PNG bytes (headless Java2D). */
public final class EquityChartPng {
    private EquityChartPng() {
    }

    /** The chart of {@code points} ({@code width}×{@code height} pixels), or null with fewer than two points. */
    public static byte[] of(List<AccountReport.EquityPoint> points, int width, int height) {
        if (points.size() < 2) {
            return null;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (AccountReport.EquityPoint p : points) {
                min = Math.min(min, p.equity().doubleValue());
                max = Math.max(max, p.equity().doubleValue());
            }
            if (max - min < 1e-9) {
                max = min + 1;
            }
            int left = 70;
            int right = 12;
            int top = 24;
            int bottom = 26;
            double w = width - left - right;
            double h = height - top - bottom;
            g.setColor(new Color(0xDDDDDD));
            g.drawRect(left, top, (int) w, (int) h);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(new Color(0x444444));
            g.drawString(String.format(Locale.ROOT, "$%,.0f", max), 4, top + 10);
            g.drawString(String.format(Locale.ROOT, "$%,.0f", min), 4, top + (int) h);
            g.drawString(points.get(0).date().toString(), left, height - 8);
            String last = points.get(points.size() - 1).date().toString();
            g.drawString(last, width - right - g.getFontMetrics().stringWidth(last), height - 8);
            g.drawString("Equity at each close", left, 16);
            Path2D.Double line = new Path2D.Double();
            for (int i = 0; i < points.size(); i++) {
                double x = left + w * i / (points.size() - 1);
                double y = top + h * (max - points.get(i).equity().doubleValue()) / (max - min);
                if (i == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            g.setColor(new Color(0x1F6FEB));
            g.setStroke(new BasicStroke(2f));
            g.draw(line);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the equity chart: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
