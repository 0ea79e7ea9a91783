package tw.ecpa.portal.apps;

import java.util.Locale;

/** The kind of device a person uses the portal from, as far as the browser tells. */
public enum Device {
  /** A computer (or anything not known to be a phone or tablet). */
  DESKTOP,
  /** A phone or tablet. */
  MOBILE;

  /**
   * The device a User-Agent header suggests: a hint only, since browsers may say anything.
   * Missing headers count as a computer.
   */
  public static Device fromUserAgent(String userAgent) {
    if (userAgent == null) {
      return DESKTOP;
    }
    String ua = userAgent.toLowerCase(Locale.ROOT);
    boolean mobile = ua.contains("mobi") || ua.contains("android") || ua.contains("iphone") || ua.contains("ipad")
        || ua.contains("ipod");
    return mobile ? MOBILE : DESKTOP;
  }
}
