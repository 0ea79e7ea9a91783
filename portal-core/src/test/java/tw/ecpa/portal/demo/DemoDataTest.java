package tw.ecpa.portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.account.jdbc.JdbcAccounts;
import tw.ecpa.portal.audit.jdbc.JdbcAuditLog;
import tw.ecpa.portal.auth.LoginOutcome;
import tw.ecpa.portal.auth.PasswordLogin;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.password.PasswordHasher;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.jdbc.JdbcPeople;
import tw.ecpa.portal.testing.MovableClock;

class DemoDataTest {

  static final PasswordHasher HASHER = new PasswordHasher(1024, 1, 1);

  @Test
  void documentedFile_listsExactlyTheDemoAccounts() throws Exception {
    Path file = Path.of("../docs/demo-accounts.json");
    DemoData.DemoAccount[] documented =
        new ObjectMapper().readValue(Files.readString(file), DemoData.DemoAccount[].class);
    assertEquals(DemoData.ACCOUNTS, Arrays.asList(documented));
  }

  @Test
  void theReadmesLogIns_andTheDemoGuidesTable_matchTheDemoAccounts() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    Matcher row = Pattern.compile("^\\| [^|]+ \\| `([^`]+)` \\| `([^`]+)` \\|$", Pattern.MULTILINE).matcher(readme);
    int rows = 0;
    while (row.find()) {
      String account = row.group(1);
      String password = row.group(2);
      assertTrue(DemoData.ACCOUNTS.stream().anyMatch(d -> account.equals(d.account()) && password.equals(d.password())),
          account + " in the README");
      rows++;
    }
    assertTrue(rows >= 3, "the README lists demo log-ins");
    String guide = Files.readString(Path.of("../docs/demo.md"));
    for (DemoData.DemoAccount demo : DemoData.ACCOUNTS) {
      assertTrue(guide.contains("| " + demo.name() + " | " + demo.idNumber() + " |"), demo.name() + " in docs/demo.md");
    }
  }

  @Test
  void demoAccounts_areValid_andTheirPasswordsPassThePolicy() {
    PasswordPolicy policy = PasswordPolicy.standard(HASHER);
    for (DemoData.DemoAccount demo : DemoData.ACCOUNTS) {
      assertTrue(IdNumber.isValid(demo.idNumber()), demo.idNumber());
      if (demo.password() != null) {
        assertEquals(List.of(), policy.composition(demo.password()), demo.name());
      }
    }
  }

  @Test
  void precomputedHashes_matchTheDocumentedPasswords() {
    for (DemoData.DemoAccount demo : DemoData.ACCOUNTS) {
      if (demo.password() != null) {
        assertTrue(PasswordHasher.OWASP.matches(demo.password(), DemoData.PASSWORD_HASHES.get(demo.account())),
            demo.account());
      }
    }
  }

  @Test
  void load_twice_givesEachStateItsBehaviour() {
    try (Database db = Database.open(Database.Location.inMemory("demo"), 4)) {
      JdbcPeople people = new JdbcPeople(db);
      JdbcAccounts accounts = new JdbcAccounts(db);
      DemoData.load(people, accounts, HASHER, new MovableClock());
      DemoData.load(people, accounts, HASHER, new MovableClock());
      PasswordLogin login = new PasswordLogin(accounts, people, new tw.ecpa.portal.auth.jdbc.JdbcUnknownLogins(db), HASHER, PasswordPolicy.standard(HASHER),
          new JdbcAuditLog(db), new MovableClock());

      assertInstanceOf(LoginOutcome.LoggedIn.class, login.login("wangxm", "Wang-Demo2026!", null));
      assertInstanceOf(LoginOutcome.LoggedIn.class, login.login("F128705611", "Hr-Demo2026!", null));
      assertTrue(accounts.byLogin("hrchang").orElseThrow().roles().contains(Role.HR_OFFICER));
      assertInstanceOf(LoginOutcome.Locked.class, login.login("chenml", "Chen-Demo2026!", null));
      assertInstanceOf(LoginOutcome.WrongCredentials.class, login.login("A220912344", "anything", null));
      assertTrue(accounts.byLogin("A220912344").orElseThrow().mustChangePassword());
    }
  }
}
