package tw.ecpa.portal.mobileid.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.mobileid.MobileIdTransaction;
import tw.ecpa.portal.mobileid.MobileIdTransactions;

/**
 * Mobile-ID login transactions in the portal's database. The identity number column is unique and
 * cleared when a transaction ends, so one number has one pending transaction: a second start is turned
 * away by {@code ON CONFLICT DO NOTHING} (PostgreSQL, and H2 in PostgreSQL mode). Polls and endings are
 * conditional updates that one caller wins.
 */
public final class JdbcMobileIdTransactions implements MobileIdTransactions {

  private static final String COLUMNS =
      "transaction_hash, id_number, id_masked, challenge_hash, status, started_at, expires_at, last_poll_at";
  private static final String PENDING = MobileIdTransaction.Status.PENDING.name();
  private static final String EXPIRED = MobileIdTransaction.Status.EXPIRED.name();

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcMobileIdTransactions(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public boolean create(MobileIdTransaction t, Instant now) {
    if (t.idNumber() == null || t.status() != MobileIdTransaction.Status.PENDING) {
      throw new IllegalArgumentException("a new transaction is pending and has its identity number");
    }
    jdbc.update("UPDATE mobile_id_transaction SET status = ?, id_number = NULL"
        + " WHERE id_number = ? AND status = ? AND expires_at <= ?", EXPIRED, t.idNumber().value(), PENDING, now);
    return jdbc.update("INSERT INTO mobile_id_transaction (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        t.transactionHash(), t.idNumber().value(), t.maskedId(), t.challengeHash(), t.status().name(),
        t.startedAt(), t.expiresAt(), t.lastPollAt()) == 1;
  }

  @Override
  public Optional<MobileIdTransaction> find(String transactionHash) {
    return jdbc.one("SELECT " + COLUMNS + " FROM mobile_id_transaction WHERE transaction_hash = ?",
        JdbcMobileIdTransactions::transaction, transactionHash);
  }

  @Override
  public boolean touch(String transactionHash, Instant now, Duration interval) {
    return jdbc.update("UPDATE mobile_id_transaction SET last_poll_at = ?"
        + " WHERE transaction_hash = ? AND status = ? AND last_poll_at <= ?",
        now, transactionHash, PENDING, now.minus(interval)) == 1;
  }

  @Override
  public boolean end(String transactionHash, MobileIdTransaction.Status status) {
    if (status == MobileIdTransaction.Status.PENDING) {
      throw new IllegalArgumentException("a transaction ends with a final status");
    }
    return jdbc.update("UPDATE mobile_id_transaction SET status = ?, id_number = NULL"
        + " WHERE transaction_hash = ? AND status = ?", status.name(), transactionHash, PENDING) == 1;
  }

  @Override
  public int expire(Instant now) {
    return jdbc.update("UPDATE mobile_id_transaction SET status = ?, id_number = NULL"
        + " WHERE status = ? AND expires_at <= ?", EXPIRED, PENDING, now);
  }

  @Override
  public int removeExpiredBefore(Instant before) {
    return jdbc.update("DELETE FROM mobile_id_transaction WHERE expires_at < ?", before);
  }

  private static MobileIdTransaction transaction(ResultSet rs) throws SQLException {
    String id = rs.getString("id_number");
    return new MobileIdTransaction(rs.getString("transaction_hash"),
        id == null ? null : IdNumber.parse(id).orElseThrow(() -> new SQLException("a malformed stored ID number")),
        rs.getString("id_masked"), rs.getString("challenge_hash"),
        MobileIdTransaction.Status.valueOf(rs.getString("status")), Jdbc.instant(rs, "started_at"),
        Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "last_poll_at"));
  }
}
