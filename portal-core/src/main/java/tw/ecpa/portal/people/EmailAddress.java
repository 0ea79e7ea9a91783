package tw.ecpa.portal.people;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** E-mail addresses as people type them: checked, normalised, compared and masked for logs. */
public final class EmailAddress {

  /** The longest address accepted (RFC 5321's path limit). */
  public static final int MAX_LENGTH = 254;

  private static final Pattern SHAPE =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

  private EmailAddress() {}

  /**
   * The address in its stored form (full-width characters folded, spaces around removed), or empty
   * when it is not an e-mail address.
   */
  public static Optional<String> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String value = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** Whether a typed address is the one on file (domain and local part compared without case). */
  public static boolean same(String typed, String onFile) {
    Optional<String> a = parse(typed);
    return a.isPresent() && onFile != null
        && a.get().toLowerCase(Locale.ROOT).equals(onFile.strip().toLowerCase(Locale.ROOT));
  }

  /** The address with most of the local part hidden, for logs and screens: {@code wa***@example.gov.tw}. */
  public static String mask(String address) {
    if (address == null) {
      return null;
    }
    int at = address.indexOf('@');
    if (at < 0) {
      return "***";
    }
    return address.substring(0, Math.min(2, at)) + "***" + address.substring(at);
  }
}
