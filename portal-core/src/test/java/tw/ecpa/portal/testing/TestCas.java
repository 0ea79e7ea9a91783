package tw.ecpa.portal.testing;

import tw.ecpa.portal.certificate.sim.DemoCa;
import tw.ecpa.portal.certificate.sim.DemoKeys;

/**
 * The demo CAs the certificate tests share, made once per test JVM (RSA keys take a while) and dated by a clock
 * standing at {@link MovableClock#DEFAULT_START}, where the tests' own clocks start: a trusted one, and a second
 * with the same names and other keys, trusted by nobody.
 */
public final class TestCas {

  private static DemoCa trusted;
  private static DemoCa foreign;

  private TestCas() {}

  /** The trusted demo CA. */
  public static synchronized DemoCa trusted() {
    if (trusted == null) {
      trusted = DemoCa.create(new MovableClock(), DemoKeys.reused("test-trusted-ca"));
    }
    return trusted;
  }

  /** A CA with the trusted one's names and other keys. */
  public static synchronized DemoCa foreign() {
    if (foreign == null) {
      foreign = DemoCa.create(new MovableClock(), DemoKeys.reused("test-foreign-ca"));
    }
    return foreign;
  }
}
