package tw.ecpa.portal.permission.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.permission.Delegation;
import tw.ecpa.portal.permission.Grant;
import tw.ecpa.portal.permission.ManagerRight;
import tw.ecpa.portal.permission.PermissionStore;

/**
 * Grants, manager rights and delegations (V16) in the portal's database. Adding a grant or a manager
 * right that exists already changes nothing ({@code ON CONFLICT DO NOTHING}, PostgreSQL and H2 in
 * PostgreSQL mode); revoking a delegation is a conditional update that one caller wins.
 */
public final class JdbcPermissionStore implements PermissionStore {

  private static final String DELEGATION_COLUMNS = "id, organization_code, delegator_account_id,"
      + " delegate_account_id, system_id, start_date, end_date, created_at, created_by, revoked_at, revoked_by";

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcPermissionStore(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public boolean addGrant(Grant g) {
    return jdbc.update("INSERT INTO permission_grant (account_id, organization_code, system_id, granted_at, granted_by)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        g.accountId(), g.organizationCode(), g.systemId(), g.grantedAt(), g.grantedBy()) == 1;
  }

  @Override
  public boolean removeGrant(long accountId, String organizationCode, String systemId) {
    return jdbc.update("DELETE FROM permission_grant WHERE account_id = ? AND organization_code = ? AND system_id = ?",
        accountId, organizationCode, systemId) == 1;
  }

  @Override
  public List<Grant> grantsIn(String organizationCode) {
    return jdbc.list("SELECT * FROM permission_grant WHERE organization_code = ? ORDER BY system_id, account_id",
        JdbcPermissionStore::grant, organizationCode);
  }

  @Override
  public List<Grant> grantsTo(long accountId) {
    return jdbc.list("SELECT * FROM permission_grant WHERE account_id = ? ORDER BY organization_code, system_id",
        JdbcPermissionStore::grant, accountId);
  }

  @Override
  public boolean addManager(ManagerRight r) {
    return jdbc.update("INSERT INTO permission_manager (account_id, organization_code, granted_at, granted_by)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        r.accountId(), r.organizationCode(), r.grantedAt(), r.grantedBy()) == 1;
  }

  @Override
  public boolean removeManager(long accountId, String organizationCode) {
    return jdbc.update("DELETE FROM permission_manager WHERE account_id = ? AND organization_code = ?",
        accountId, organizationCode) == 1;
  }

  @Override
  public List<ManagerRight> managersOf(String organizationCode) {
    return jdbc.list("SELECT * FROM permission_manager WHERE organization_code = ? ORDER BY account_id",
        JdbcPermissionStore::manager, organizationCode);
  }

  @Override
  public List<ManagerRight> managedBy(long accountId) {
    return jdbc.list("SELECT * FROM permission_manager WHERE account_id = ? ORDER BY organization_code",
        JdbcPermissionStore::manager, accountId);
  }

  @Override
  public Delegation addDelegation(Delegation d) {
    long id = jdbc.transaction(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO delegation (organization_code, delegator_account_id,"
          + " delegate_account_id, system_id, start_date, end_date, created_at, created_by)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
        s.setString(1, d.organizationCode());
        s.setLong(2, d.delegatorAccountId());
        s.setLong(3, d.delegateAccountId());
        s.setString(4, d.systemId());
        s.setObject(5, d.startDate());
        s.setObject(6, d.endDate());
        s.setObject(7, java.time.OffsetDateTime.ofInstant(d.createdAt(), java.time.ZoneOffset.UTC));
        s.setString(8, d.createdBy());
        s.executeUpdate();
        try (ResultSet keys = s.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    });
    return delegation(id).orElseThrow();
  }

  @Override
  public Optional<Delegation> delegation(long id) {
    return jdbc.one("SELECT " + DELEGATION_COLUMNS + " FROM delegation WHERE id = ?",
        JdbcPermissionStore::delegation, id);
  }

  @Override
  public boolean revokeDelegation(long id, Instant at, String by) {
    return jdbc.update("UPDATE delegation SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
        at, by, id) == 1;
  }

  @Override
  public List<Delegation> delegationsFrom(String organizationCode) {
    return jdbc.list("SELECT " + DELEGATION_COLUMNS + " FROM delegation WHERE organization_code = ?"
        + " ORDER BY created_at DESC, id DESC", JdbcPermissionStore::delegation, organizationCode);
  }

  @Override
  public List<Delegation> delegationsTo(long accountId) {
    return jdbc.list("SELECT " + DELEGATION_COLUMNS + " FROM delegation WHERE delegate_account_id = ?"
        + " ORDER BY created_at DESC, id DESC", JdbcPermissionStore::delegation, accountId);
  }

  @Override
  public List<Long> hrAccountsOf(String organizationCode) {
    return jdbc.list("SELECT DISTINCT a.id FROM account a JOIN person p ON p.id_number = a.id_number"
        + " JOIN account_role r ON r.account_id = a.id"
        + " WHERE p.organization_code = ? AND r.role IN (?, ?) ORDER BY a.id",
        rs -> rs.getLong(1), organizationCode, Role.HR_OFFICER.name(), Role.HR_HEAD.name());
  }

  private static Grant grant(ResultSet rs) throws SQLException {
    return new Grant(rs.getLong("account_id"), rs.getString("organization_code"), rs.getString("system_id"),
        Jdbc.instant(rs, "granted_at"), rs.getString("granted_by"));
  }

  private static ManagerRight manager(ResultSet rs) throws SQLException {
    return new ManagerRight(rs.getLong("account_id"), rs.getString("organization_code"),
        Jdbc.instant(rs, "granted_at"), rs.getString("granted_by"));
  }

  private static Delegation delegation(ResultSet rs) throws SQLException {
    return new Delegation(rs.getLong("id"), rs.getString("organization_code"), rs.getLong("delegator_account_id"),
        rs.getLong("delegate_account_id"), rs.getString("system_id"), rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class), Jdbc.instant(rs, "created_at"), rs.getString("created_by"),
        Jdbc.instant(rs, "revoked_at"), rs.getString("revoked_by"));
  }
}
