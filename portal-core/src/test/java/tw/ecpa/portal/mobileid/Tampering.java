package tw.ecpa.portal.mobileid;

import java.util.function.Function;
import tw.ecpa.portal.mobileid.sim.MobileIdSimulator;

/**
 * The simulator with a hand on the wire: it can answer every poll as approved with a forged response
 * (made from the content the portal asked to sign), answer with a fixed result, or be unreachable.
 */
final class Tampering implements MobileIdService {
  final MobileIdSimulator real;
  volatile Function<String, byte[]> forge;
  volatile TransactionResult answer;
  volatile boolean down;
  volatile String signData;
  int starts;

  Tampering(MobileIdSimulator real) {
    this.real = real;
  }

  @Override
  public StartAnswer start(StartRequest request) {
    starts++;
    signData = request.signData();
    return real.start(request);
  }

  @Override
  public TransactionResult result(ResultRequest request) {
    if (down) {
      throw new IllegalStateException("connection refused");
    }
    if (forge != null) {
      return new TransactionResult.Approved(forge.apply(signData));
    }
    return answer != null ? answer : real.result(request);
  }
}
