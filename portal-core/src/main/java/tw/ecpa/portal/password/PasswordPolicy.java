package tw.ecpa.portal.password;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The portal's password rules from the seeds: at least 8 characters with a letter, a digit and a
 * special symbol; none of {@code % & + ' " ? < > / \}; no whitespace; not one of the last 3
 * passwords; 2 hours between changes; a forced change 180 days after the last; plus a blocklist of
 * common passwords.
 */
public final class PasswordPolicy {

  /** The shortest password accepted. */
  public static final int MIN_LENGTH = 8;
  /** How many previous passwords a new one may not repeat. */
  public static final int HISTORY = 3;
  /** How long after a change the next change is allowed. */
  public static final Duration MIN_INTERVAL = Duration.ofHours(2);
  /** How long a password lives before the portal forces a change. */
  public static final Duration MAX_AGE = Duration.ofDays(180);

  private static final String FORBIDDEN = "%&+'\"?<>/\\";

  private final PasswordHasher hasher;
  private final Set<String> common;

  /**
   * Creates a policy.
   *
   * @param hasher verifies a candidate against previous password hashes
   * @param commonPasswords the blocklist, compared without regard to case
   */
  public PasswordPolicy(PasswordHasher hasher, Set<String> commonPasswords) {
    this.hasher = hasher;
    this.common = commonPasswords.stream()
        .map(p -> p.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The policy with the shipped blocklist of common passwords. */
  public static PasswordPolicy standard(PasswordHasher hasher) {
    return new PasswordPolicy(hasher, shippedCommonPasswords());
  }

  /**
   * Returns every rule a new password breaks, in the order the page lists them; empty when it is
   * acceptable.
   *
   * @param candidate the new password
   * @param confirmation the new password typed again
   * @param previousHashes hashes of the most recent passwords, newest first (the current one included)
   * @param lastChange when the user last changed the password themselves; empty when the current
   *     password was set for them (first login, HR reset), so the two-hour rule does not apply
   * @param now the current time
   */
  public List<PasswordRule> check(String candidate, String confirmation, List<String> previousHashes,
      Optional<Instant> lastChange, Instant now) {
    List<PasswordRule> broken = new ArrayList<>(composition(candidate == null ? "" : candidate));
    if (candidate != null && !candidate.equals(confirmation)) {
      broken.add(PasswordRule.CONFIRMATION);
    }
    if (candidate != null && !candidate.isEmpty()) {
      List<String> recent = previousHashes.subList(0, Math.min(HISTORY, previousHashes.size()));
      if (recent.stream().anyMatch(hash -> hasher.matches(candidate, hash))) {
        broken.add(PasswordRule.NOT_RECENT);
      }
    }
    if (lastChange.isPresent() && now.isBefore(lastChange.get().plus(MIN_INTERVAL))) {
      broken.add(PasswordRule.CHANGE_INTERVAL);
    }
    return List.copyOf(broken);
  }

  /** The rules a password breaks by its characters alone (no history or timing). */
  public List<PasswordRule> composition(String candidate) {
    List<PasswordRule> broken = new ArrayList<>();
    if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
      broken.add(PasswordRule.MIN_LENGTH);
    }
    boolean letter = false;
    boolean digit = false;
    boolean symbol = false;
    boolean forbidden = false;
    boolean whitespace = false;
    boolean wide = false;
    for (int i = 0; i < candidate.length(); ) {
      int c = candidate.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        whitespace = true;
      } else if (c > 0x7E || c < 0x21) {
        wide = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letter = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (FORBIDDEN.indexOf(c) >= 0) {
        forbidden = true;
      } else {
        symbol = true;
      }
    }
    if (!letter) {
      broken.add(PasswordRule.LETTER);
    }
    if (!digit) {
      broken.add(PasswordRule.DIGIT);
    }
    if (!symbol) {
      broken.add(PasswordRule.SYMBOL);
    }
    if (forbidden) {
      broken.add(PasswordRule.FORBIDDEN_CHARACTER);
    }
    if (whitespace) {
      broken.add(PasswordRule.NO_WHITESPACE);
    }
    if (wide) {
      broken.add(PasswordRule.HALF_WIDTH);
    }
    if (common.contains(candidate.toLowerCase(Locale.ROOT))) {
      broken.add(PasswordRule.NOT_COMMON);
    }
    return broken;
  }

  /** Whether the portal must force a change now: 180 days or more since the last one. */
  public boolean mustChange(Instant lastChange, Instant now) {
    return !now.isBefore(lastChange.plus(MAX_AGE));
  }

  /** Days left before a forced change (0 when it is due), for 「密碼什麼時候到期」. */
  public long daysLeft(Instant lastChange, Instant now) {
    Duration left = Duration.between(now, lastChange.plus(MAX_AGE));
    return left.isNegative() ? 0 : left.toDays();
  }

  /** The blocklist shipped with the portal ({@code portal/common-passwords.txt}). */
  public static Set<String> shippedCommonPasswords() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("/portal/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("portal/common-passwords.txt is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
