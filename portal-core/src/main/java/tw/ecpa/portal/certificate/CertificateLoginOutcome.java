package tw.ecpa.portal.certificate;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;

/** What a citizen-certificate login (or its first-time binding step) came to; each carries its zh-TW message. */
public sealed interface CertificateLoginOutcome {

  /** The message for the user, in zh-TW. */
  String message();

  /**
   * Logged in. As with a password login, {@code pending} lists what must be done before anything else
   * (on a first login: the custom account, e-mail and password).
   *
   * @param newlyBound whether this login bound the certificate to the account
   */
  record LoggedIn(Account account, Set<AccountGate.Pending> pending, CertificateFacts certificate,
      boolean newlyBound) implements CertificateLoginOutcome {

    public LoggedIn {
      Objects.requireNonNull(account, "account");
      pending = Set.copyOf(pending);
    }

    @Override
    public String message() {
      return "驗證成功";
    }
  }

  /**
   * The certificate is good but bound to no account yet: the holder must type the custom account (or,
   * without one, the identity number) and send it with the ticket within a few minutes.
   *
   * @param ticket the secret that stands for the verified certificate in the next step
   * @param expiresAt when the ticket stops being accepted
   * @param certificate the verified certificate's facts
   */
  record NeedsBinding(String ticket, Instant expiresAt, CertificateFacts certificate)
      implements CertificateLoginOutcome {

    @Override
    public String message() {
      return "第 1 次使用自然人憑證登入本網站，請輸入人事服務網之自訂帳號（如無自訂帳號者則請輸入身分證號），再按【下一步】。";
    }

    /** Leaves the ticket out, so that it cannot reach a log. */
    @Override
    public String toString() {
      return "NeedsBinding[expiresAt=" + expiresAt + ", serial=" + certificate.serial() + "]";
    }
  }

  /** The signature or the certificate was refused. */
  record Rejected(Verification.Failure failure) implements CertificateLoginOutcome {

    @Override
    public String message() {
      return failure.message();
    }
  }

  /** A good certificate, but not a citizen certificate (no identity-number digits in it). */
  record NotCitizenCertificate() implements CertificateLoginOutcome {

    @Override
    public String message() {
      return "此憑證不是自然人憑證，請插入自然人憑證後重新登入。";
    }
  }

  /** The binding ticket is unknown, expired, used, or used up by wrong tries: start again with the card. */
  record TicketExpired() implements CertificateLoginOutcome {

    @Override
    public String message() {
      return "驗證已逾時，請重新插入自然人憑證並輸入憑證密碼(Pin Code)登入。";
    }
  }

  /** The custom account or identity number is not in the civil-service database. */
  record NotInDatabase() implements CertificateLoginOutcome {

    @Override
    public String message() {
      return "自訂帳號或身分證號驗證不存在於本總處公務人力資料庫中，如為現職公務人員，"
          + "請洽人事人員儘速將該員個人資料報送至本總處完成入檔後，方可登入 ECPA。";
    }
  }

  /** The person has left the service (卸職). */
  record OffDuty() implements CertificateLoginOutcome {

    @Override
    public String message() {
      return "驗證之公務人員為卸職狀態，非現職公務人員將無法登入 ECPA；如為現職公務人員，"
          + "請洽人事人員儘速將該員個人資料報送至本總處完成入檔後，方可登入 ECPA。";
    }
  }

  /**
   * The custom account or identity number and the certificate's holder are not the same person.
   *
   * @param triesLeft how many more accounts may be typed against this ticket; at zero, start again
   */
  record NotSamePerson(int triesLeft) implements CertificateLoginOutcome {

    @Override
    public String message() {
      return "此身分證字號與使用的自然人憑證並不是同一個使用者，請確定輸入的eCPA自訂帳號或是身分證字號是否正確"
          + (triesLeft > 0 ? "，請按【上一步】重新輸入。" : "；輸入錯誤次數過多，請重新插入自然人憑證登入。");
    }
  }
}
