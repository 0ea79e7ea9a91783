package tw.ecpa.bot.server;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.demo.DemoData;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.store.jdbc.Database;
import tw.ecpa.portal.store.jdbc.JdbcAccounts;
import tw.ecpa.portal.store.jdbc.JdbcAuditLog;
import tw.ecpa.portal.session.Sessions;
import tw.ecpa.portal.store.jdbc.JdbcPeople;
import tw.ecpa.portal.store.jdbc.JdbcSessionStore;

/**
 * The portal's services, built over one database: part of the composition root.
 *
 * @param database the migrated database
 * @param people organizations and people
 * @param accounts accounts and password history
 * @param audit the security audit log
 * @param passwordLogin login by account and password
 * @param sessions the portal's sessions
 */
public record Portal(Database database, JdbcPeople people, JdbcAccounts accounts, JdbcAuditLog audit,
    PasswordLogin passwordLogin, Sessions sessions) implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Portal.class);

  /** Opens and migrates the database, loads the demo data when asked, and builds the services. */
  static Portal open(Settings settings, Clock clock) {
    Database database = Database.open(settings.database(), 10);
    try {
      JdbcPeople people = new JdbcPeople(database);
      JdbcAccounts accounts = new JdbcAccounts(database);
      JdbcAuditLog audit = new JdbcAuditLog(database);
      PasswordHasher hasher = PasswordHasher.OWASP;
      if (settings.demoData()) {
        DemoData.load(people, accounts, hasher, clock);
        LOG.info("demo organizations and accounts loaded (see README, Demo accounts)");
      }
      PasswordLogin login = new PasswordLogin(accounts, people, hasher, PasswordPolicy.standard(hasher), audit, clock);
      Sessions sessions = new Sessions(new JdbcSessionStore(database), clock);
      return new Portal(database, people, accounts, audit, login, sessions);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
