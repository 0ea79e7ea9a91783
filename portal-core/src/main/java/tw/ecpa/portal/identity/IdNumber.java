package tw.ecpa.portal.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Taiwanese identity number: the national ID (身分證字號) or a resident certificate number, both
 * checked with the letter-value checksum.
 */
public final class IdNumber {

  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
  private static final Pattern NATIONAL = Pattern.compile("[A-Z][1289][0-9]{8}");
  private static final Pattern OLD_RESIDENT = Pattern.compile("[A-Z][A-D][0-9]{8}");
  private static final Pattern ANYWHERE = Pattern.compile("(?i)(?<![A-Z0-9])[A-Z][1289A-D][0-9]{8}(?![0-9])");

  private final String value;

  private IdNumber(String value) {
    this.value = value;
  }

  /** Parses and checks a number; upper-cases the letters and trims spaces. */
  public static Optional<IdNumber> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String candidate = text.trim().toUpperCase(Locale.ROOT);
    return isValid(candidate) ? Optional.of(new IdNumber(candidate)) : Optional.empty();
  }

  /** Whether the text is a well-formed number with a correct check digit. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    boolean national = NATIONAL.matcher(text).matches();
    if (!national && !OLD_RESIDENT.matcher(text).matches()) {
      return false;
    }
    int first = LETTERS.indexOf(text.charAt(0)) + 10;
    int second = national ? text.charAt(1) - '0' : (LETTERS.indexOf(text.charAt(1)) + 10) % 10;
    int sum = first / 10 + (first % 10) * 9 + second * 8;
    for (int i = 2; i < 9; i++) {
      sum += (text.charAt(i) - '0') * (9 - i);
    }
    sum += text.charAt(9) - '0';
    return sum % 10 == 0;
  }

  /** Masks a number as the portal shows it: the first five characters, then {@code *****}. */
  public static String mask(String idNumber) {
    if (idNumber == null || idNumber.length() < 5) {
      return "*****";
    }
    return idNumber.substring(0, 5) + "*****";
  }

  /** Replaces everything in free text that looks like an identity number with its masked form. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ANYWHERE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group().toUpperCase(Locale.ROOT))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The number, upper-case. */
  public String value() {
    return value;
  }

  /** The masked form, safe to log or show. */
  public String masked() {
    return mask(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdNumber other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The masked form: an identity number never reaches a log by accident. */
  @Override
  public String toString() {
    return masked();
  }
}
