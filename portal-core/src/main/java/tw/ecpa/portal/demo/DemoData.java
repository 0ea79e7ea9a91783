package tw.ecpa.portal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;
import tw.ecpa.portal.time.RocDate;

/**
 * The demo organizations, people and accounts of the default run, listed for people in docs/demo.md and
 * for scripts in {@code docs/demo-accounts.json} (a test keeps the two the same).
 */
public final class DemoData {

  /** A demo person with an account in one of the states a newcomer wants to try. */
  public record DemoAccount(String role, String state, String name, String idNumber, String account,
      String email, String password, String birthday, String onDutyDate, String organization) {}

  /** The demo organizations. */
  public static final List<Organization> ORGANIZATIONS = List.of(
      new Organization("376480000A", "行政院人事行政總處", null),
      new Organization("376480100A", "行政院人事行政總處人事資訊處", "376480000A"));

  /** The demo accounts, as documented. */
  public static final List<DemoAccount> ACCOUNTS = List.of(
      new DemoAccount("hr-officer", "active", "張人事", "F128705611", "hrchang", "hrchang@demo.ecpa.test",
          "Hr-Demo2026!", "0690315", "1050801", "376480000A"),
      new DemoAccount("employee", "active", "王小明", "A123456789", "wangxm", "wangxm@demo.ecpa.test",
          "Wang-Demo2026!", "0610101", "1100101", "376480000A"),
      new DemoAccount("employee", "not-activated", "林小華", "A220912344", null, "linxh@demo.ecpa.test",
          null, "0800520", "1120901", "376480000A"),
      new DemoAccount("employee", "locked", "陳美玲", "B223451232", "chenml", "chenml@demo.ecpa.test",
          "Chen-Demo2026!", "0750708", "1080301", "376480100A"),
      new DemoAccount("employee", "active", "周志明", "H120987659", "chouzm", "chouzm@demo.ecpa.test",
          "Chou-Demo2026!", "0721111", "1090615", "376480100A"),
      new DemoAccount("administrator", "active", "李系統", "E123456783", "admin", "admin@demo.ecpa.test",
          "Admin-Demo2026!", "0700202", "1070502", "376480100A"),
      new DemoAccount("knowledge-editor", "active", "楊知識", "K123456788", "kbeditor", "kbeditor@demo.ecpa.test",
          "Kb-Demo2026!", "0770909", "1110103", "376480100A"));

  /**
   * The demo passwords' Argon2id hashes (OWASP setting), made once so that start-up does not spend a
   * second hashing; a test checks each against its documented password.
   */
  static final Map<String, String> PASSWORD_HASHES = Map.of(
      "hrchang", "$argon2id$v=19$m=19456,t=2,p=1$5ojh07VabobHCObwSDf/oA$jN9WjUHIlXPMjVBgPz85X5y280nfCI6fohCxOoduhmc",
      "wangxm", "$argon2id$v=19$m=19456,t=2,p=1$/4hjQNkpGa2EjQVu+QY35g$MDegVT7hqlBiRArs5BUpHtSt9zLP4ixkGtJtKnE5xBM",
      "chenml", "$argon2id$v=19$m=19456,t=2,p=1$ng2AAMlH8jwE4JKs6Eao8g$qWbVPEuEBoH+B1yDi1dw47cK2dV6sIS/2mxBs8UeePA",
      "chouzm", "$argon2id$v=19$m=19456,t=2,p=1$YLfzuw8b3bO9WK9+hnFU3A$WJehBNtZYXjrRdsaActYdKLjOkVRx4fZSzHvSVv+c9k",
      "admin", "$argon2id$v=19$m=19456,t=2,p=1$Wg4Km01rG+PjfS/6O4lrBw$Vbjjo/uL96NofE4hWNC/s0+iM60tW1MF/FEs/buVYe8",
      "kbeditor", "$argon2id$v=19$m=19456,t=2,p=1$J1ZEqiS3zr7HZfrZGHQTHg$JYpGeXnl53qIsBhVlYjifBb0koIsFrDeNPpuBcU9uog");

  private DemoData() {}

  /**
   * Loads the demo data where it is missing; existing people and accounts are left as they are, except
   * that the locked demo account is locked again for fifteen minutes at every start.
   */
  public static void load(People people, Accounts accounts, PasswordHasher hasher, Clock clock) {
    Instant now = clock.instant();
    ORGANIZATIONS.forEach(people::save);
    for (DemoAccount demo : ACCOUNTS) {
      IdNumber id = IdNumber.parse(demo.idNumber()).orElseThrow();
      if (people.find(id).isEmpty()) {
        people.save(new Person(id, demo.name(), RocDate.parse(demo.birthday()).orElseThrow(),
            demo.organization(), RocDate.parse(demo.onDutyDate()).orElseThrow(), PersonStatus.ACTIVE,
            demo.email(), null));
      }
      Account account = accounts.byLogin(demo.idNumber()).orElseGet(() -> accounts.create(id, roles(demo)));
      if (account.passwordHash() == null && demo.password() != null) {
        accounts.claimCustomAccount(account.id(), demo.account());
        String hash = PASSWORD_HASHES.get(demo.account());
        accounts.setPassword(account.id(), hash != null ? hash : hasher.hash(demo.password()),
            now.minus(Duration.ofDays(30)), true, false);
      }
      if (demo.state().equals("locked")) {
        accounts.recordFailures(account.id(), PasswordLogin.MAX_FAILURES, now.plus(PasswordLogin.LOCK));
      }
    }
  }

  private static Set<Role> roles(DemoAccount demo) {
    Set<Role> roles = EnumSet.of(Role.EMPLOYEE);
    if (demo.role().equals("hr-officer")) {
      roles.add(Role.HR_OFFICER);
    }
    if (demo.role().equals("administrator")) {
      roles.add(Role.ADMINISTRATOR);
    }
    if (demo.role().equals("knowledge-editor")) {
      roles.add(Role.KNOWLEDGE_EDITOR);
    }
    return roles;
  }
}
