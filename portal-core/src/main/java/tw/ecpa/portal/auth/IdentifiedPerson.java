package tw.ecpa.portal.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;

/**
 * The account a login method that proves an identity number (NHI card, mobile natural-person
 * certificate) logs in: the person must be in the civil-service database and serving. A serving person
 * without an account yet gets one, with nothing set (the seeds' 「啟用帳號：有自然人憑證或健保卡或行動自然人憑證」):
 * the login then leads through the first-login steps, as a first citizen-certificate login does.
 */
public final class IdentifiedPerson {

  /** What the identity number came to. */
  public sealed interface Match {}

  /** A serving person and their account. */
  public record Serving(Person person, Account account) implements Match {

    public Serving {
      Objects.requireNonNull(person, "person");
      Objects.requireNonNull(account, "account");
    }
  }

  /** Nobody with this identity number is in the civil-service database. */
  public record NotInDatabase() implements Match {}

  /** The person has left the service (卸職). */
  public record OffDuty(Person person) implements Match {}

  /** The person is not the one the login method proved (say, a certificate of someone else's). */
  public record NotTheHolder(Person person) implements Match {}

  private final People people;
  private final Accounts accounts;

  /** Creates the lookup over the people and accounts stores. */
  public IdentifiedPerson(People people, Accounts accounts) {
    this.people = people;
    this.accounts = accounts;
  }

  /** The person behind a proven identity number and their account, created when missing. */
  public Match match(IdNumber idNumber) {
    return match(idNumber, person -> true);
  }

  /**
   * The person behind an identity number and their account, created when missing, once the person
   * passes the login method's own check of the holder (made before any account is created).
   */
  public Match match(IdNumber idNumber, Predicate<Person> isHolder) {
    Optional<Person> person = people.find(idNumber);
    if (person.isEmpty()) {
      return new NotInDatabase();
    }
    if (!isHolder.test(person.get())) {
      return new NotTheHolder(person.get());
    }
    if (person.get().status() != PersonStatus.ACTIVE) {
      return new OffDuty(person.get());
    }
    Account account = accounts.byLogin(idNumber.value()).orElseGet(() -> create(idNumber));
    return new Serving(person.get(), account);
  }

  /** Creates the account; when a concurrent login created it first, that one. */
  private Account create(IdNumber idNumber) {
    try {
      return accounts.create(idNumber, Set.of(Role.EMPLOYEE));
    } catch (RuntimeException e) {
      return accounts.byLogin(idNumber.value()).orElseThrow(() -> e);
    }
  }
}
