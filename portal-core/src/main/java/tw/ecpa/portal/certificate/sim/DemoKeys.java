package tw.ecpa.portal.certificate.sim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a demo CA takes the key pairs of its authorities and of the certificates it issues.
 *
 * <p>{@link #fresh()} makes new keys for every pair, as a real CA and card would. {@link #reused(String)} hands the
 * same keys, in the same order, to every CA of this process that draws from a sequence of that name: a second
 * demo server started in the same process (the tests start dozens) issues its certificates over the keys the
 * first made, instead of spending seconds of CPU on another twenty RSA keys. The certificates are still issued
 * anew by each CA, dated by its own clock; two sequences of different names never share a key.
 */
public interface DemoKeys {

  /** The next key pair of this type. */
  KeyPair next(DemoCa.KeyType type);

  /** New keys for every pair. */
  static DemoKeys fresh() {
    return DemoKeys::generate;
  }

  /** The keys of a sequence shared within this process: the n-th pair of a type is the same for every CA. */
  static DemoKeys reused(String sequence) {
    Map<DemoCa.KeyType, List<KeyPair>> made = Shared.SEQUENCES.computeIfAbsent(sequence,
        name -> new EnumMap<>(DemoCa.KeyType.class));
    Map<DemoCa.KeyType, Integer> taken = new EnumMap<>(DemoCa.KeyType.class);
    return type -> {
      synchronized (made) {
        int index = taken.merge(type, 1, Integer::sum) - 1;
        List<KeyPair> keys = made.computeIfAbsent(type, t -> new ArrayList<>());
        while (keys.size() <= index) {
          keys.add(generate(type));
        }
        return keys.get(index);
      }
    };
  }

  /** A new key pair: RSA 2048 as on the MOICA cards, or ECDSA on P-256. */
  static KeyPair generate(DemoCa.KeyType type) {
    try {
      KeyPairGenerator generator;
      if (type == DemoCa.KeyType.EC) {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), Shared.RANDOM);
      } else {
        generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, Shared.RANDOM);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no " + type + " key generator", e);
    }
  }

  /** The process's shared sequences and randomness. */
  final class Shared {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Map<DemoCa.KeyType, List<KeyPair>>> SEQUENCES = new ConcurrentHashMap<>();

    private Shared() {}
  }
}
