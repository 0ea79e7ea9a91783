package tw.ecpa.portal.captcha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CaptchaImageTest {

  static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  static BufferedImage decode(byte[] png) throws IOException {
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), "a PNG file");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "ImageIO reads it back");
    return image;
  }

  /**
   * Fails unless the image is the expected size and shows something: many colours, and dark ink
   * (only the characters are dark; background, dots and lines are light or mid tones).
   */
  static void assertLooksLikeACaptcha(byte[] png) throws IOException {
    BufferedImage image = decode(png);
    assertEquals(CaptchaImage.WIDTH, image.getWidth());
    assertEquals(CaptchaImage.HEIGHT, image.getHeight());
    Set<Integer> colours = new HashSet<>();
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        int luma = (299 * (rgb >> 16) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
        if (luma < 110) {
          dark++;
        }
      }
    }
    assertTrue(colours.size() >= 20, "several distinct colours: " + colours.size());
    double ink = dark / (double) (image.getWidth() * image.getHeight());
    // One small letter (x) inks about 1.3 % of the image at the least; none inks nothing.
    assertTrue(ink > 0.005 && ink < 0.5, "dark characters on a light background: " + ink);
  }

  @Test
  void png_isAValidImageOfTheExpectedSizeWithTheCharactersDrawn() throws IOException {
    assertLooksLikeACaptcha(CaptchaImage.png("q8QWw", new SecureRandom()));
    assertLooksLikeACaptcha(CaptchaImage.png("x", new SecureRandom()));
    assertLooksLikeACaptcha(CaptchaImage.png("MMMMMMMM", new SecureRandom()));
  }

  @Test
  void png_ofTheSameText_differsFromDrawToDraw() {
    SecureRandom random = new SecureRandom();
    assertFalse(Arrays.equals(CaptchaImage.png("aK3pX", random), CaptchaImage.png("aK3pX", random)));
  }

  @Test
  void png_sameSeed_sameImage() {
    assertArrayEquals(CaptchaImage.png("aK3pX", new SplittableRandom(7)),
        CaptchaImage.png("aK3pX", new SplittableRandom(7)));
  }

  @Test
  void png_textThatDoesNotFit_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png(null, new SecureRandom()));
    assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png("", new SecureRandom()));
    assertThrows(IllegalArgumentException.class, () -> CaptchaImage.png("123456789", new SecureRandom()));
  }
}
