package tw.ecpa.portal.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws a captcha's text as a small PNG: each character turned, shifted and coloured at random on a
 * light background, with a few thin lines and arcs across. Meant to stay easy for people to read;
 * it only has to make the form's answers cost a little more than a plain request.
 *
 * <p>Uses only {@link BufferedImage} and {@link ImageIO}, which work without a display; nothing
 * global (such as {@code java.awt.headless}) is set.
 */
public final class CaptchaImage {

  /** The image's width in pixels. */
  public static final int WIDTH = 150;
  /** The image's height in pixels. */
  public static final int HEIGHT = 50;
  /** The longest text that fits. */
  public static final int MAX_LENGTH = 8;

  private static final int MARGIN = 10;
  private static final double MAX_TURN = Math.toRadians(25);

  private CaptchaImage() {}

  /**
   * The PNG bytes of an image showing the text.
   *
   * @param text one to {@value #MAX_LENGTH} characters
   * @param random the source of the characters' turns, shifts and colours
   * @throws IllegalArgumentException if the text is null, empty or too long
   */
  public static byte[] png(String text, RandomGenerator random) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("captcha text must have 1 to " + MAX_LENGTH + " characters");
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(light(random), light(random), light(random)));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      speckle(g, random);
      noise(g, random, 3);
      characters(g, text, random);
      noise(g, random, 2);
    } finally {
      g.dispose();
    }
    return encode(image);
  }

  /** Each character in its own slot, centred, then turned and shifted a little. */
  private static void characters(Graphics2D g, String text, RandomGenerator random) {
    double slot = (WIDTH - 2.0 * MARGIN) / text.length();
    AffineTransform upright = g.getTransform();
    for (int i = 0; i < text.length(); i++) {
      String c = text.substring(i, i + 1);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, random.nextInt(26, 33)));
      FontMetrics metrics = g.getFontMetrics();
      double centreX = MARGIN + slot * (i + 0.5) + random.nextDouble(-3, 3);
      double centreY = HEIGHT / 2.0 + random.nextDouble(-5, 5);
      g.setColor(new Color(dark(random), dark(random), dark(random)));
      g.rotate(random.nextDouble(-MAX_TURN, MAX_TURN), centreX, centreY);
      // The baseline that puts the glyph's ascent box around the centre.
      float x = (float) (centreX - metrics.stringWidth(c) / 2.0);
      float y = (float) (centreY + (metrics.getAscent() - metrics.getDescent()) / 2.0);
      g.drawString(c, x, y);
      g.setTransform(upright);
    }
  }

  /** Thin lines and arcs in mid tones, from edge to edge. */
  private static void noise(Graphics2D g, RandomGenerator random, int count) {
    for (int i = 0; i < count; i++) {
      g.setColor(new Color(mid(random), mid(random), mid(random)));
      g.setStroke(new BasicStroke((float) random.nextDouble(1.0, 2.0)));
      if (random.nextBoolean()) {
        g.drawLine(0, random.nextInt(HEIGHT), WIDTH, random.nextInt(HEIGHT));
      } else {
        int x = random.nextInt(-WIDTH / 4, WIDTH / 2);
        int y = random.nextInt(-HEIGHT / 2, HEIGHT / 2);
        g.drawArc(x, y, random.nextInt(WIDTH / 2, WIDTH), random.nextInt(HEIGHT / 2, HEIGHT * 2),
            random.nextInt(360), random.nextInt(90, 200));
      }
    }
  }

  /** Faint dots over the background. */
  private static void speckle(Graphics2D g, RandomGenerator random) {
    for (int i = 0; i < 120; i++) {
      g.setColor(new Color(mid(random), mid(random), mid(random)));
      g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1, 1);
    }
  }

  private static int light(RandomGenerator random) {
    return random.nextInt(230, 256);
  }

  private static int mid(RandomGenerator random) {
    return random.nextInt(130, 200);
  }

  /** Ink for the characters: every channel under 90, so the characters stay well darker than any noise. */
  private static int dark(RandomGenerator random) {
    return random.nextInt(10, 90);
  }

  private static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    // A memory-cached stream of our own: ImageIO.write(image, "png", out) would cache in a temporary file.
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      if (!ImageIO.write(image, "png", stream)) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
