package tw.ecpa.portal.auth.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.auth.UnknownLogins;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/** The wrong-login counts of unknown names in the portal's database, shared by every node. */
public final class JdbcUnknownLogins implements UnknownLogins {

  /** How long an unlocked count is kept after its last failure. */
  static final Duration KEPT = Duration.ofDays(1);

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcUnknownLogins(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public Optional<State> find(String digest) {
    return jdbc.one("SELECT failed_attempts, locked_until FROM unknown_login_failure WHERE digest = ?",
        rs -> new State(rs.getInt("failed_attempts"), Jdbc.instant(rs, "locked_until")), digest);
  }

  @Override
  public void record(String digest, State state, Instant at) {
    jdbc.transaction(c -> {
      int updated = execute(c, "UPDATE unknown_login_failure SET failed_attempts = ?, locked_until = ?,"
          + " last_failure = ? WHERE digest = ?", state.failedAttempts(), state.lockedUntil(), at, digest);
      if (updated == 0) {
        execute(c, "INSERT INTO unknown_login_failure (digest, failed_attempts, locked_until, last_failure)"
            + " VALUES (?, ?, ?, ?)", digest, state.failedAttempts(), state.lockedUntil(), at);
      }
      execute(c, "DELETE FROM unknown_login_failure WHERE last_failure < ? AND (locked_until IS NULL"
          + " OR locked_until < ?)", at.minus(KEPT), at);
      return null;
    });
  }

  private static int execute(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = Jdbc.prepare(c, sql, parameters)) {
      return s.executeUpdate();
    }
  }
}
