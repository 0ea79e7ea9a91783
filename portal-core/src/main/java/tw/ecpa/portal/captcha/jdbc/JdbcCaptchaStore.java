package tw.ecpa.portal.captcha.jdbc;

import java.time.Instant;
import java.util.Optional;
import tw.ecpa.portal.captcha.Captcha;
import tw.ecpa.portal.captcha.CaptchaStore;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/**
 * Captchas in the portal's database. Taking one reads the row, then deletes it and hands it out
 * only if this very delete removed it: of two nodes taking the same id at once, the database lets
 * one delete the row and the other delete nothing. (PostgreSQL's {@code DELETE … RETURNING} would
 * do it in one statement, but H2 2.5 rejects it even in PostgreSQL mode, and H2's own
 * {@code SELECT … FROM OLD TABLE (DELETE …)} is not PostgreSQL.) The rows never change, so the row
 * read before the delete is the row deleted.
 */
public final class JdbcCaptchaStore implements CaptchaStore {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcCaptchaStore(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public void save(Captcha c) {
    jdbc.update("INSERT INTO captcha (id, answer_hash, expires_at) VALUES (?, ?, ?)",
        c.id(), c.answerHash(), c.expiresAt());
  }

  @Override
  public Optional<Captcha> take(String id) {
    Optional<Captcha> found = jdbc.one("SELECT id, answer_hash, expires_at FROM captcha WHERE id = ?",
        rs -> new Captcha(rs.getString("id"), rs.getString("answer_hash"), Jdbc.instant(rs, "expires_at")),
        id);
    if (found.isEmpty()) {
      return found;
    }
    return jdbc.update("DELETE FROM captcha WHERE id = ?", id) == 1 ? found : Optional.empty();
  }

  @Override
  public int removeExpired(Instant now) {
    return jdbc.update("DELETE FROM captcha WHERE expires_at <= ?", now);
  }
}
