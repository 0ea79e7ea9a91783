package tw.ecpa.portal.account;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tw.ecpa.portal.audit.AuditEvent;
import tw.ecpa.portal.audit.AuditKind;
import tw.ecpa.portal.audit.AuditLog;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.people.EmailAddress;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;

/**
 * 個人資料修改 and the first step of activation (首次啟用 eCPA 帳密之必要資料輸入): the custom account,
 * e-mail and phone. All three are checked before anything is saved.
 */
public final class ProfileSetup {

  private static final Pattern PHONE = Pattern.compile("[0-9+()#\\- ]{6,30}");

  private final Accounts accounts;
  private final People people;
  private final PasswordPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  /** Creates the service over the stores, the policy (to tell when activation is complete) and the log. */
  public ProfileSetup(Accounts accounts, People people, PasswordPolicy policy, AuditLog audit, Clock clock) {
    this.accounts = accounts;
    this.people = people;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks and saves the three fields of a logged-in account. */
  public ProfileOutcome save(long accountId, String customAccount, String email, String phone,
      String clientAddress) {
    Instant now = clock.instant();
    Account account = accounts.byId(accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
    Person person = people.find(account.idNumber())
        .orElseThrow(() -> new IllegalStateException("an account without a person"));
    Map<String, List<String>> problems = new LinkedHashMap<>();
    String name = customAccount == null ? null : customAccount.strip();
    List<String> accountProblems = new ArrayList<>(
        CustomAccountRule.check(name).stream().map(CustomAccountRule::message).toList());
    Optional<String> address = EmailAddress.parse(email);
    String number = phone == null ? "" : Normalizer.normalize(phone, Normalizer.Form.NFKC).strip();
    if (address.isEmpty()) {
      problems.put("email", List.of("請輸入正確的電子郵件，例如：name@mail.gov.tw。"));
    }
    if (!PHONE.matcher(number).matches() || number.chars().filter(Character::isDigit).count() < 6) {
      problems.put("phone", List.of("請輸入正確的電話號碼（數字，可含區碼、-、分機 #），例如：02-23979108#123。"));
    }
    if (!accountProblems.isEmpty()) {
      problems.put("customAccount", accountProblems);
    }
    // The name is claimed only when everything else is right, so a rejected form changes nothing.
    if (problems.isEmpty() && !accounts.claimCustomAccount(account.id(), name)) {
      problems.put("customAccount", List.of("此自訂帳號已有人使用，請改用其他帳號。"));
    }
    if (!problems.isEmpty()) {
      return new ProfileOutcome.Rejected(problems);
    }
    people.save(person.withContact(address.get(), number));
    String target = account.idNumber().masked();
    audit.record(new AuditEvent(now, AuditKind.PROFILE_UPDATED, name, target, clientAddress, null));
    boolean activated = account.customAccount() == null
        && !AccountGate.mustChangePassword(account, policy, now);
    if (activated) {
      audit.record(new AuditEvent(now, AuditKind.ACTIVATED, name, target, clientAddress, null));
    }
    return new ProfileOutcome.Saved(activated);
  }
}
