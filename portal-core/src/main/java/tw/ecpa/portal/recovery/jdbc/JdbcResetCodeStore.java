package tw.ecpa.portal.recovery.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.recovery.ResetCode;
import tw.ecpa.portal.recovery.ResetCodeStore;

/** Verification codes and reset grants in the portal's database. */
public final class JdbcResetCodeStore implements ResetCodeStore {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcResetCodeStore(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public void issue(long accountId, String codeHash, Instant at, Instant expiresAt) {
    jdbc.transaction(c -> {
      try (PreparedStatement s = Jdbc.prepare(c, "UPDATE reset_code SET closed_at = ?, closed_reason = ?"
          + " WHERE account_id = ? AND closed_at IS NULL", at, Closed.REPLACED.name(), accountId)) {
        s.executeUpdate();
      }
      try (PreparedStatement s = Jdbc.prepare(c, "INSERT INTO reset_code (account_id, code_hash, created_at,"
          + " expires_at) VALUES (?, ?, ?, ?)", accountId, codeHash, at, expiresAt)) {
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<ResetCode> open(long accountId, Instant now) {
    return jdbc.one("SELECT id, account_id, code_hash, expires_at, failed_attempts FROM reset_code"
            + " WHERE account_id = ? AND closed_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1",
        rs -> new ResetCode(rs.getLong("id"), rs.getLong("account_id"), rs.getString("code_hash"),
            Jdbc.instant(rs, "expires_at"), rs.getInt("failed_attempts")),
        accountId, now);
  }

  @Override
  public boolean close(long codeId, Instant at, Closed reason) {
    return jdbc.update("UPDATE reset_code SET closed_at = ?, closed_reason = ? WHERE id = ? AND closed_at IS NULL",
        at, reason.name(), codeId) == 1;
  }

  @Override
  public int recordFailure(long codeId) {
    jdbc.update("UPDATE reset_code SET failed_attempts = failed_attempts + 1 WHERE id = ?", codeId);
    return jdbc.one("SELECT failed_attempts FROM reset_code WHERE id = ?", rs -> rs.getInt(1), codeId).orElse(0);
  }

  @Override
  public void grant(String tokenHash, long accountId, Instant expiresAt) {
    jdbc.update("INSERT INTO reset_grant (token_hash, account_id, expires_at) VALUES (?, ?, ?)",
        tokenHash, accountId, expiresAt);
  }

  @Override
  public Optional<Long> grantee(String tokenHash, Instant now) {
    return jdbc.one("SELECT account_id FROM reset_grant WHERE token_hash = ? AND expires_at > ?",
        rs -> rs.getLong(1), tokenHash, now);
  }

  @Override
  public boolean takeGrant(String tokenHash) {
    return jdbc.update("DELETE FROM reset_grant WHERE token_hash = ?", tokenHash) == 1;
  }

  @Override
  public int removeExpired(Instant now) {
    return jdbc.update("DELETE FROM reset_code WHERE expires_at <= ?", now)
        + jdbc.update("DELETE FROM reset_grant WHERE expires_at <= ?", now);
  }
}
