package tw.ecpa.portal.password;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and verifies passwords with Argon2id. The encoded hash carries its own salt and parameters,
 * so hashes made with older parameters still verify after the parameters change.
 */
public final class PasswordHasher {

  /** OWASP's recommended Argon2id setting: 19 MiB of memory, 2 passes, 1 lane. */
  public static final PasswordHasher OWASP = new PasswordHasher(19 * 1024, 2, 1);

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final Argon2Function function;

  /**
   * Creates a hasher.
   *
   * @param memoryKib memory cost in KiB
   * @param iterations number of passes
   * @param parallelism number of lanes
   */
  public PasswordHasher(int memoryKib, int iterations, int parallelism) {
    if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
      throw new IllegalArgumentException("invalid Argon2id parameters");
    }
    this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
  }

  /** Hashes a password with a fresh random salt; returns the encoded {@code $argon2id$...} string. */
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
  }

  /** Whether the password matches an encoded hash; a malformed hash matches nothing. */
  public boolean matches(String password, String encodedHash) {
    if (password == null || encodedHash == null || !encodedHash.startsWith("$argon2id$")) {
      return false;
    }
    try {
      return Password.check(password, encodedHash).with(Argon2Function.getInstanceFromHash(encodedHash));
    } catch (RuntimeException malformed) {
      return false;
    }
  }
}
