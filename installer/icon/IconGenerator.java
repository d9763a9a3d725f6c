import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the Leverdesk icon (a rising line chart over a lever's fulcrum, in the app's accent
 * colour on a dark rounded square) as PNGs at the sizes desktops use. Every size is drawn from
 * the same vector shapes, not scaled from a bitmap, so small sizes stay sharp. Deterministic:
 * running it again gives the same pixels.
 *
 * <p>Run from the repository root with any Java 11+: {@code java installer/icon/IconGenerator.java}
 * (writes installer/icons/leverdesk-SIZE.png and installer/icons/leverdesk.png, the 256 px copy
 * jpackage takes on Linux).
 */
public final class IconGenerator {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};
    private static final Color BACKGROUND_TOP = new Color(0x24, 0x2d, 0x42);
    private static final Color BACKGROUND = new Color(0x1b, 0x22, 0x33);
    private static final Color ACCENT = new Color(0x1f, 0x5e, 0xff);
    private static final Color ACCENT_LIGHT = new Color(0x6f, 0x9b, 0xff);
    private static final Color GRID = new Color(255, 255, 255, 28);
    private static final Color FULCRUM = new Color(0xc9, 0xd3, 0xe6);

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "installer/icons");
        Files.createDirectories(out);
        for (int size : SIZES) {
            BufferedImage image = draw(size);
            ImageIO.write(image, "png", out.resolve("leverdesk-" + size + ".png").toFile());
            if (size == 256) {
                ImageIO.write(image, "png", out.resolve("leverdesk.png").toFile());
            }
        }
        System.out.println("icons written to " + out.toAbsolutePath());
    }

    /** The icon at one size; all coordinates are in a 100 x 100 design grid scaled to the size. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double s = size / 100.0;
        g.scale(s, s);
        boolean tiny = size < 32;

        // rounded square, a slight vertical gradient so it does not look flat on light panels
        double inset = tiny ? 0 : 4;
        RoundRectangle2D square = new RoundRectangle2D.Double(inset, inset, 100 - 2 * inset, 100 - 2 * inset, 22, 22);
        g.setPaint(new GradientPaint(0, 0, BACKGROUND_TOP, 0, 100, BACKGROUND));
        g.fill(square);

        // faint grid: two horizontal lines (left out below 48 px, where they would only blur)
        if (size >= 48) {
            g.setColor(GRID);
            g.setStroke(new BasicStroke(1.2f));
            for (double y : new double[] {34, 52}) {
                g.draw(new java.awt.geom.Line2D.Double(16, y, 84, y));
            }
        }

        // the lever: a beam resting on a fulcrum, tilted up to the right like the chart
        float beam = tiny ? 7f : 4.5f;
        g.setColor(FULCRUM);
        g.setStroke(new BasicStroke(beam, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(18, 80, 82, 70));
        Path2D fulcrum = new Path2D.Double();
        fulcrum.moveTo(38, 77.5);
        fulcrum.lineTo(30, 88);
        fulcrum.lineTo(46, 88);
        fulcrum.closePath();
        g.fill(fulcrum);

        // the rising line chart, with a soft area under it
        double[][] points = tiny
                ? new double[][] {{18, 62}, {40, 46}, {56, 52}, {82, 20}}
                : new double[][] {{18, 62}, {32, 50}, {44, 55}, {60, 36}, {70, 41}, {82, 20}};
        GeneralPath line = new GeneralPath();
        line.moveTo(points[0][0], points[0][1]);
        for (int i = 1; i < points.length; i++) {
            line.lineTo(points[i][0], points[i][1]);
        }
        if (!tiny) {
            GeneralPath area = (GeneralPath) line.clone();
            area.lineTo(82, 66);
            area.lineTo(18, 66);
            area.closePath();
            g.setPaint(new GradientPaint(0, 20, new Color(0x1f, 0x5e, 0xff, 110), 0, 66, new Color(0x1f, 0x5e, 0xff, 0)));
            g.fill(area);
        }
        g.setPaint(new GradientPaint(18, 62, ACCENT, 82, 20, ACCENT_LIGHT));
        g.setStroke(new BasicStroke(tiny ? 9f : 6.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);

        // the latest value: a bright dot at the end of the line
        double r = tiny ? 7 : 6;
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(82 - r, 20 - r, 2 * r, 2 * r));
        g.setColor(ACCENT);
        double ri = r * 0.5;
        g.fill(new Ellipse2D.Double(82 - ri, 20 - ri, 2 * ri, 2 * ri));
        g.dispose();
        return image;
    }
}
