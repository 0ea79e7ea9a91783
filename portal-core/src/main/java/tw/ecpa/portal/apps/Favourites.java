package tw.ecpa.portal.apps;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Each account's favourite application systems (我的最愛), shared by every server node. */
public interface Favourites {

  /** The ids of an account's favourites (empty when it has none or was never given any). */
  Set<String> of(long accountId);

  /**
   * Gives an account its first favourites unless it was given them before: atomically, so that of two
   * concurrent first visits one does it. Returns whether this call did.
   */
  boolean seed(long accountId, Collection<String> systemIds, Instant now);

  /** Whether the account was given its first favourites already. */
  boolean seeded(long accountId);

  /** Adds a favourite; returns whether it was not one already. */
  boolean add(long accountId, String systemId, Instant now);

  /** Removes a favourite; returns whether it was one. */
  boolean remove(long accountId, String systemId);
}
