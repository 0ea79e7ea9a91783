package tw.ecpa.portal.apps.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import tw.ecpa.portal.apps.Favourites;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/**
 * Favourite application systems in the portal's database (V14). Seeding inserts the owner row with
 * {@code ON CONFLICT DO NOTHING} (PostgreSQL, and H2 in PostgreSQL mode) and the default favourites only
 * when that insert happened, in one transaction, so two first visits seed once.
 */
public final class JdbcFavourites implements Favourites {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcFavourites(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public Set<String> of(long accountId) {
    return new LinkedHashSet<>(jdbc.list("SELECT system_id FROM application_favourite WHERE account_id = ?"
        + " ORDER BY added_at, system_id", rs -> rs.getString(1), accountId));
  }

  @Override
  public boolean seed(long accountId, Collection<String> systemIds, Instant now) {
    return jdbc.transaction(c -> {
      try (PreparedStatement owner = Jdbc.prepare(c, "INSERT INTO application_favourite_owner (account_id, seeded_at)"
          + " VALUES (?, ?) ON CONFLICT DO NOTHING", accountId, now)) {
        if (owner.executeUpdate() != 1) {
          return false;
        }
      }
      for (String id : systemIds) {
        try (PreparedStatement add = Jdbc.prepare(c, "INSERT INTO application_favourite (account_id, system_id,"
            + " added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", accountId, id, now)) {
          add.executeUpdate();
        }
      }
      return true;
    });
  }

  @Override
  public boolean seeded(long accountId) {
    return jdbc.one("SELECT 1 FROM application_favourite_owner WHERE account_id = ?", rs -> 1, accountId).isPresent();
  }

  @Override
  public boolean add(long accountId, String systemId, Instant now) {
    return jdbc.update("INSERT INTO application_favourite (account_id, system_id, added_at) VALUES (?, ?, ?)"
        + " ON CONFLICT DO NOTHING", accountId, systemId, now) == 1;
  }

  @Override
  public boolean remove(long accountId, String systemId) {
    return jdbc.update("DELETE FROM application_favourite WHERE account_id = ? AND system_id = ?",
        accountId, systemId) == 1;
  }
}
