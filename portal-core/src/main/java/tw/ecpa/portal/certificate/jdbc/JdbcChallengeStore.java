package tw.ecpa.portal.certificate.jdbc;

import java.time.Instant;
import tw.ecpa.portal.certificate.ChallengeStore;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;

/**
 * Login challenges in the portal's database. Taking one is a single conditional delete: of two nodes
 * taking the same challenge at once, the database lets one delete the row and the other delete nothing.
 */
public final class JdbcChallengeStore implements ChallengeStore {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcChallengeStore(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public void save(String challengeHash, Instant expiresAt) {
    jdbc.update("INSERT INTO login_challenge (challenge_hash, expires_at) VALUES (?, ?)", challengeHash, expiresAt);
  }

  @Override
  public boolean take(String challengeHash, Instant now) {
    return jdbc.update("DELETE FROM login_challenge WHERE challenge_hash = ? AND expires_at > ?",
        challengeHash, now) == 1;
  }

  @Override
  public int removeExpired(Instant now) {
    return jdbc.update("DELETE FROM login_challenge WHERE expires_at <= ?", now);
  }
}
