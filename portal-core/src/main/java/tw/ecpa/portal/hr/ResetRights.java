package tw.ecpa.portal.hr;

import java.time.Instant;
import java.util.Set;
import tw.ecpa.portal.account.Account;

/** Decides whose passwords an account may reset (重設員工密碼): the organizations it may act for. */
@FunctionalInterface
public interface ResetRights {

  /** The organizations whose employees' passwords the account may reset at this moment. */
  Set<String> organizations(Account account, Instant at);
}
