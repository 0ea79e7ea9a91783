package tw.ecpa.portal.account.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/** Accounts, their roles and password history in the portal's database. */
public final class JdbcAccounts implements Accounts {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcAccounts(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public Account create(IdNumber idNumber, Set<Role> roles) {
    long id = jdbc.transaction(c -> {
      long key;
      try (PreparedStatement s = c.prepareStatement("INSERT INTO account (id_number) VALUES (?)",
          Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, idNumber.value());
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          key = keys.getLong(1);
        }
      }
      for (Role role : roles) {
        try (PreparedStatement s = Jdbc.prepare(c, "INSERT INTO account_role (account_id, role) VALUES (?, ?)",
            key, role.name())) {
          s.executeUpdate();
        }
      }
      return key;
    });
    return byId(id).orElseThrow();
  }

  @Override
  public void grant(long id, Role role) {
    jdbc.update("INSERT INTO account_role (account_id, role) SELECT ?, ? WHERE NOT EXISTS"
        + " (SELECT 1 FROM account_role WHERE account_id = ? AND role = ?)", id, role.name(), id, role.name());
  }

  @Override
  public Optional<Account> byId(long id) {
    return jdbc.one("SELECT * FROM account WHERE id = ?", JdbcAccounts::account, id).map(this::withRoles);
  }

  @Override
  public Optional<Account> byLogin(String login) {
    if (login == null || login.isBlank()) {
      return Optional.empty();
    }
    String key = login.strip();
    Optional<IdNumber> idNumber = IdNumber.parse(key);
    if (idNumber.isPresent()) {
      Optional<Account> byIdNumber = jdbc.one("SELECT * FROM account WHERE id_number = ?",
          JdbcAccounts::account, idNumber.get().value()).map(this::withRoles);
      if (byIdNumber.isPresent()) {
        return byIdNumber;
      }
    }
    return jdbc.one("SELECT * FROM account WHERE custom_account_key = ?", JdbcAccounts::account,
        key.toLowerCase(Locale.ROOT)).map(this::withRoles);
  }

  @Override
  public boolean claimCustomAccount(long id, String customAccount) {
    String key = customAccount.toLowerCase(Locale.ROOT);
    return jdbc.transaction(c -> {
      try (PreparedStatement s = Jdbc.prepare(c,
          "SELECT id FROM account WHERE custom_account_key = ? AND id <> ?", key, id);
          ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
      try (PreparedStatement s = Jdbc.prepare(c,
          "UPDATE account SET custom_account = ?, custom_account_key = ? WHERE id = ?", customAccount, key, id)) {
        return s.executeUpdate() == 1;
      } catch (SQLException unique) {
        // A concurrent claim of the same name lost the race at the unique constraint.
        if ("23505".equals(unique.getSQLState())) {
          return false;
        }
        throw unique;
      }
    });
  }

  @Override
  public void setPassword(long id, String passwordHash, Instant at, boolean byUser, boolean mustChange) {
    jdbc.transaction(c -> {
      try (PreparedStatement s = Jdbc.prepare(c,
          "UPDATE account SET password_hash = ?, password_changed_at = ?, password_set_by_user = ?,"
              + " must_change_password = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
          passwordHash, at, byUser, mustChange, id)) {
        if (s.executeUpdate() != 1) {
          throw new IllegalArgumentException("no account " + id);
        }
      }
      try (PreparedStatement s = Jdbc.prepare(c,
          "INSERT INTO password_history (account_id, password_hash, set_at) VALUES (?, ?, ?)",
          id, passwordHash, at)) {
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public List<String> recentPasswordHashes(long id, int count) {
    return jdbc.list("SELECT password_hash FROM password_history WHERE account_id = ?"
        + " ORDER BY set_at DESC LIMIT ?", rs -> rs.getString(1), id, count);
  }

  @Override
  public void recordFailures(long id, int failedAttempts, Instant lockedUntil) {
    jdbc.update("UPDATE account SET failed_attempts = ?, locked_until = ? WHERE id = ?",
        failedAttempts, lockedUntil, id);
  }

  @Override
  public void clearFailures(long id) {
    jdbc.update("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = ?", id);
  }

  /** Reads the roles once the account's row is read, on the connection's next use. */
  private Account withRoles(Account a) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roles.addAll(jdbc.list("SELECT role FROM account_role WHERE account_id = ?",
        r -> Role.valueOf(r.getString(1)), a.id()));
    return new Account(a.id(), a.idNumber(), a.customAccount(), a.passwordHash(), a.passwordChangedAt(),
        a.passwordSetByUser(), a.mustChangePassword(), a.failedAttempts(), a.lockedUntil(), roles);
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getLong("id"),
        IdNumber.parse(rs.getString("id_number")).orElseThrow(
            () -> new IllegalStateException("the account table holds an invalid identity number")),
        rs.getString("custom_account"),
        rs.getString("password_hash"),
        Jdbc.instant(rs, "password_changed_at"),
        rs.getBoolean("password_set_by_user"),
        rs.getBoolean("must_change_password"),
        rs.getInt("failed_attempts"),
        Jdbc.instant(rs, "locked_until"),
        Set.of());
  }
}
