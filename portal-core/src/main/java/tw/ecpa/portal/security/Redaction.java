package tw.ecpa.portal.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tw.ecpa.portal.identity.IdNumber;

/**
 * Free text a person typed (a chat question, a comment), as it may be kept or logged: what must never be
 * stored is masked first. Identity numbers keep their first five characters ({@code A1234*****}), e-mail
 * addresses their first two letters; long digit runs (phone numbers, PINs), codes in capitals and digits
 * (such as a reset code {@code H9CN8NMC}), anything typed after 密碼, PIN or 認證碼 that is not plain
 * Chinese or a plain word, and any token that looks like a password (eight or more characters of three
 * kinds among capitals, small letters, digits and symbols) become stars. An error code the knowledge base
 * answers ({@code 0x76100006}) is kept.
 */
public final class Redaction {

  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-]{1,2})[A-Za-z0-9._%+-]*@");
  /** What follows a word that introduces a secret: its first run of ASCII characters with a digit or symbol. */
  private static final Pattern AFTER_KEYWORD = Pattern.compile(
      "(?i)(密碼|密码|pin碼|pin|password|passwd|pwd|認證碼|驗證碼|重設碼|code)(\\s*(?:是|為|:|：|=|is)?\\s*)"
      + "(?=[\\x21-\\x7E]*[^A-Za-z\\s])([\\x21-\\x7E]{4,})");
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{6,}");
  private static final Pattern HEX_CODE = Pattern.compile("(?i)0x[0-9a-f]+");
  private static final Pattern DIGITS = Pattern.compile("\\d{6,}");

  private Redaction() {}

  /** The text with every secret it may hold masked (null stays null). */
  public static String typed(String text) {
    if (text == null) {
      return null;
    }
    String masked = IdNumber.redact(text);
    masked = EMAIL.matcher(masked).replaceAll("$1***@");
    masked = AFTER_KEYWORD.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "****"));
    masked = TOKEN.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(token(m.group())));
    return masked;
  }

  private static String token(String token) {
    if (HEX_CODE.matcher(token).matches() || token.contains("***") || token.contains("@")) {
      return token;
    }
    if (passwordLike(token) || code(token)) {
      return "****";
    }
    return DIGITS.matcher(token).replaceAll(m -> "*".repeat(m.group().length()));
  }

  private static boolean passwordLike(String token) {
    if (token.length() < 8) {
      return false;
    }
    int kinds = (token.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
        + (token.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
        + (token.chars().anyMatch(Character::isDigit) ? 1 : 0)
        + (token.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
    return kinds >= 3;
  }

  /** Capitals and digits, both, six to twelve of them: how the portal's codes look. */
  private static boolean code(String token) {
    return token.length() <= 12 && token.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || Character.isDigit(c))
        && token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter);
  }
}
