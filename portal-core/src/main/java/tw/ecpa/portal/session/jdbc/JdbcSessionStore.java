package tw.ecpa.portal.session.jdbc;

import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.session.Session;
import tw.ecpa.portal.session.SessionStore;

/** Sessions in the portal's database. */
public final class JdbcSessionStore implements SessionStore {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcSessionStore(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public void save(Session s) {
    jdbc.update("INSERT INTO portal_session (token_hash, account_id, organization_code, login_method, csrf_token,"
        + " created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)", s.tokenHash(), s.accountId(),
        s.organizationCode(), s.loginMethod(), s.csrfToken(), s.createdAt(), s.lastSeenAt());
  }

  @Override
  public Optional<Session> find(String tokenHash) {
    return jdbc.one("SELECT * FROM portal_session WHERE token_hash = ?",
        rs -> new Session(rs.getString("token_hash"), (Long) rs.getObject("account_id", Long.class),
            rs.getString("organization_code"), rs.getString("login_method"), rs.getString("csrf_token"),
            Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_seen_at")),
        tokenHash);
  }

  @Override
  public void touch(String tokenHash, Instant at) {
    jdbc.update("UPDATE portal_session SET last_seen_at = ? WHERE token_hash = ?", at, tokenHash);
  }

  @Override
  public void remove(String tokenHash) {
    jdbc.update("DELETE FROM portal_session WHERE token_hash = ?", tokenHash);
  }

  @Override
  public int removeOfAccount(long accountId, String keepTokenHash) {
    return keepTokenHash == null
        ? jdbc.update("DELETE FROM portal_session WHERE account_id = ?", accountId)
        : jdbc.update("DELETE FROM portal_session WHERE account_id = ? AND token_hash <> ?", accountId, keepTokenHash);
  }

  @Override
  public int removeIdleSince(Instant before) {
    return jdbc.update("DELETE FROM portal_session WHERE last_seen_at < ?", before);
  }
}
