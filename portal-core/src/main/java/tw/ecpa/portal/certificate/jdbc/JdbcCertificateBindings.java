package tw.ecpa.portal.certificate.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import tw.ecpa.portal.certificate.CertificateBinding;
import tw.ecpa.portal.certificate.CertificateBindings;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/**
 * Certificate bindings in the portal's database. The fingerprint is the key, so a certificate binds
 * once; a concurrent second bind is turned away by {@code ON CONFLICT DO NOTHING} (PostgreSQL, and H2
 * in PostgreSQL mode).
 */
public final class JdbcCertificateBindings implements CertificateBindings {

  private static final String COLUMNS = "account_id, fingerprint, serial, issuer, subject, not_after, bound_at";

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcCertificateBindings(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public boolean bind(CertificateBinding b) {
    return jdbc.update("INSERT INTO account_certificate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        b.accountId(), b.fingerprint(), b.serial(), b.issuer(), b.subject(), b.notAfter(), b.boundAt()) == 1;
  }

  @Override
  public Optional<CertificateBinding> byFingerprint(String fingerprint) {
    return jdbc.one("SELECT " + COLUMNS + " FROM account_certificate WHERE fingerprint = ?",
        JdbcCertificateBindings::binding, fingerprint);
  }

  @Override
  public List<CertificateBinding> ofAccount(long accountId) {
    return jdbc.list("SELECT " + COLUMNS + " FROM account_certificate WHERE account_id = ?"
        + " ORDER BY bound_at DESC, fingerprint", JdbcCertificateBindings::binding, accountId);
  }

  private static CertificateBinding binding(ResultSet rs) throws SQLException {
    return new CertificateBinding(rs.getLong("account_id"), rs.getString("fingerprint"), rs.getString("serial"),
        rs.getString("issuer"), rs.getString("subject"), Jdbc.instant(rs, "not_after"), Jdbc.instant(rs, "bound_at"));
  }
}
