package tw.ecpa.portal.captcha;

import java.time.Instant;
import java.util.Optional;

/** Where issued captchas wait to be checked, shared by every server node. */
public interface CaptchaStore {

  /** Keeps a newly issued captcha. */
  void save(Captcha captcha);

  /**
   * Finds and removes a captcha in one atomic step: when several callers take the same id at once,
   * at most one of them gets it.
   *
   * @return the captcha as it was stored, or empty if there was none with this id
   */
  Optional<Captcha> take(String id);

  /** Removes every captcha that has expired by this moment; returns how many. */
  int removeExpired(Instant now);
}
