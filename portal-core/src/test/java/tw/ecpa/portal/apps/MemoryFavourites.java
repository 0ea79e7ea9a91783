package tw.ecpa.portal.apps;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Favourites in memory, for the domain tests (the JDBC store has its own contract tests). */
final class MemoryFavourites implements Favourites {

  private final Map<Long, Set<String>> byAccount = new HashMap<>();
  int seeds;

  @Override
  public synchronized Set<String> of(long accountId) {
    return Set.copyOf(byAccount.getOrDefault(accountId, Set.of()));
  }

  @Override
  public synchronized boolean seed(long accountId, Collection<String> systemIds, Instant now) {
    if (byAccount.containsKey(accountId)) {
      return false;
    }
    seeds++;
    byAccount.put(accountId, new LinkedHashSet<>(systemIds));
    return true;
  }

  @Override
  public synchronized boolean seeded(long accountId) {
    return byAccount.containsKey(accountId);
  }

  @Override
  public synchronized boolean add(long accountId, String systemId, Instant now) {
    return byAccount.computeIfAbsent(accountId, k -> new LinkedHashSet<>()).add(systemId);
  }

  @Override
  public synchronized boolean remove(long accountId, String systemId) {
    return byAccount.computeIfAbsent(accountId, k -> new LinkedHashSet<>()).remove(systemId);
  }
}
