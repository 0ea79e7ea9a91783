package tw.ecpa.portal.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import tw.ecpa.portal.password.PasswordPolicy;

/**
 * What an account must do before it may use anything else in the portal: change a password set for
 * it or older than 180 days, and, before activation, choose a custom account (「為維護個人資料之安全性，
 * 請先設定自訂帳號後才能使用本系統其他服務。」).
 */
public final class AccountGate {

  /** A step that blocks the rest of the portal until done. */
  public enum Pending {
    /** The password must be changed (first login, reset by HR, or 180 days old). */
    PASSWORD_CHANGE,
    /** The custom account, e-mail and phone must be set (first-time activation). */
    PROFILE
  }

  private AccountGate() {}

  /** The steps the account must take now; empty when the portal is open to it. */
  public static Set<Pending> pending(Account account, PasswordPolicy policy, Instant now) {
    Set<Pending> pending = EnumSet.noneOf(Pending.class);
    if (mustChangePassword(account, policy, now)) {
      pending.add(Pending.PASSWORD_CHANGE);
    }
    if (account.customAccount() == null) {
      pending.add(Pending.PROFILE);
    }
    return pending;
  }

  /** Whether the password must be changed before anything else. */
  public static boolean mustChangePassword(Account account, PasswordPolicy policy, Instant now) {
    return account.mustChangePassword() || account.passwordChangedAt() == null
        || policy.mustChange(account.passwordChangedAt(), now);
  }

  /**
   * Whether the change is the first-login one, which confirms the birthday: the current password was
   * set for the person (an initial password from HR), not chosen by them.
   */
  public static boolean firstLogin(Account account) {
    return !account.passwordSetByUser();
  }
}
