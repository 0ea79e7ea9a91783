package tw.ecpa.portal.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tw.ecpa.portal.captcha.Captcha;
import tw.ecpa.portal.captcha.CaptchaStore;

/** Captchas in memory: the contract is simple and the JDBC store is tested with the databases. */
public final class MemoryCaptchaStore implements CaptchaStore {

  /** The stored captchas by id, for tests to look at. */
  public final Map<String, Captcha> captchas = new ConcurrentHashMap<>();

  @Override
  public void save(Captcha captcha) {
    if (captchas.putIfAbsent(captcha.id(), captcha) != null) {
      throw new IllegalStateException("duplicate captcha id");
    }
  }

  @Override
  public Optional<Captcha> take(String id) {
    return Optional.ofNullable(captchas.remove(id));
  }

  @Override
  public int removeExpired(Instant now) {
    int before = captchas.size();
    captchas.values().removeIf(c -> !now.isBefore(c.expiresAt()));
    return before - captchas.size();
  }
}
