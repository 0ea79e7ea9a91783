package tw.ecpa.portal.nhi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.certificate.CertificateLoginOutcome;
import tw.ecpa.portal.time.RocDate;

/** What an NHI card login (健保卡登入) came to; each carries its zh-TW message. */
public sealed interface NhiLoginOutcome {

  /** The message for the user, in zh-TW. */
  String message();

  /**
   * Logged in. As with a password login, {@code pending} lists what must be done before anything else
   * (for an account not yet activated: the custom account, e-mail and password).
   */
  record LoggedIn(Account account, Set<AccountGate.Pending> pending) implements NhiLoginOutcome {

    public LoggedIn {
      Objects.requireNonNull(account, "account");
      pending = Set.copyOf(pending);
    }

    @Override
    public String message() {
      return "驗證成功";
    }
  }

  /** A wrong registration password; at zero the next wrong one suspends the card's online use. */
  record WrongPassword(int triesLeft) implements NhiLoginOutcome {

    @Override
    public String message() {
      return "健保卡註冊密碼輸入錯誤，尚可再試 " + triesLeft + " 次；如連續錯誤 " + NhiVerifier.MAX_TRIES
          + " 次，將暫停健保卡網路服務使用 10 分鐘。";
    }
  }

  /** The card has no online-services registration. */
  record NotRegistered() implements NhiLoginOutcome {

    @Override
    public String message() {
      return "此健保卡尚未完成網路服務註冊，請先至健保署網站完成網路服務註冊後，再插入健保卡並輸入註冊密碼登入。";
    }
  }

  /** Too many wrong registration passwords: the card's online use is suspended until then. */
  record Suspended(Instant until) implements NhiLoginOutcome {

    public Suspended {
      Objects.requireNonNull(until, "until");
    }

    @Override
    public String message() {
      return "健保卡註冊密碼連續輸入錯誤 " + NhiVerifier.MAX_TRIES + " 次，已暫停網路服務使用，請於 "
          + RocDate.written(LocalDateTime.ofInstant(until, RocDate.TAIPEI)) + " 後再試。";
    }
  }

  /** The card's holder is not in the civil-service database (the citizen certificate login's wording). */
  record NotInDatabase() implements NhiLoginOutcome {

    @Override
    public String message() {
      return new CertificateLoginOutcome.NotInDatabase().message();
    }
  }

  /** The card's holder has left the service (卸職; the citizen certificate login's wording). */
  record OffDuty() implements NhiLoginOutcome {

    @Override
    public String message() {
      return new CertificateLoginOutcome.OffDuty().message();
    }
  }
}
