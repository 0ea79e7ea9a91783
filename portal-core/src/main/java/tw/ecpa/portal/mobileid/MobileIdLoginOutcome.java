package tw.ecpa.portal.mobileid;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.certificate.CertificateFacts;
import tw.ecpa.portal.certificate.CertificateLoginOutcome;
import tw.ecpa.portal.certificate.Verification;

/**
 * What starting or polling a mobile natural-person certificate login (行動自然人憑證登入) came to; each
 * carries its zh-TW message.
 */
public sealed interface MobileIdLoginOutcome {

  /** The message for the user, in zh-TW. */
  String message();

  /**
   * Started: the service pushed the transaction to the holder's phone. The client polls with the
   * transaction id every {@code pollEverySeconds} until an outcome other than {@link Waiting}.
   *
   * @param transactionId the secret the client polls with
   * @param expiresAt when the transaction stops waiting for the phone
   * @param pollEverySeconds the shortest interval between polls
   */
  record Started(String transactionId, Instant expiresAt, int pollEverySeconds) implements MobileIdLoginOutcome {

    public Started {
      Objects.requireNonNull(transactionId, "transactionId");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String message() {
      return "已發送驗證通知至您的行動裝置，請開啟行動自然人憑證APP，以生物特徵完成驗證。";
    }

    /** Leaves the transaction id out, so that it cannot reach a log. */
    @Override
    public String toString() {
      return "Started[expiresAt=" + expiresAt + ", pollEverySeconds=" + pollEverySeconds + "]";
    }
  }

  /** The holder has not acted on the phone yet: poll again. */
  record Waiting() implements MobileIdLoginOutcome {

    @Override
    public String message() {
      return "等待行動自然人憑證APP驗證中，請於行動裝置上完成驗證。";
    }
  }

  /**
   * Logged in. As with a password login, {@code pending} lists what must be done before anything else.
   *
   * @param certificate the holder's verified citizen certificate
   */
  record LoggedIn(Account account, Set<AccountGate.Pending> pending, CertificateFacts certificate)
      implements MobileIdLoginOutcome {

    public LoggedIn {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(certificate, "certificate");
      pending = Set.copyOf(pending);
    }

    @Override
    public String message() {
      return "驗證成功";
    }
  }

  /** The holder declined on the phone. */
  record Denied() implements MobileIdLoginOutcome {

    @Override
    public String message() {
      return "您已於行動自然人憑證APP拒絕本次登入驗證，如需登入請重新操作。";
    }
  }

  /** Nobody acted on the phone in time (three minutes). */
  record Expired() implements MobileIdLoginOutcome {

    @Override
    public String message() {
      return "驗證已逾時，請重新輸入身分證字號並於行動裝置上完成驗證。";
    }
  }

  /** Polled sooner than every four seconds: poll again after {@code retryAfter}. */
  record TooSoon(Duration retryAfter) implements MobileIdLoginOutcome {

    public TooSoon {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public String message() {
      return "查詢過於頻繁，請於 " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " 秒後再查詢驗證結果。";
    }
  }

  /** The request was refused before or without a signed response to check. */
  record Refused(Reason reason) implements MobileIdLoginOutcome {

    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String message() {
      return reason.message();
    }
  }

  /** Why a request was refused. */
  enum Reason {
    /** The identity number typed is malformed or fails its check digit. */
    INVALID_ID_NUMBER("身分證字號格式錯誤，請重新輸入。"),
    /** No phone is bound to the identity number. */
    NO_BOUND_PHONE("此身分證字號尚未註冊行動自然人憑證，請先下載行動自然人憑證APP，並持自然人憑證登入行動自然人憑證網站完成註冊/綁定。"),
    /**
     * The identity number has a live transaction already. The live one is not handed out again: its
     * transaction id would let whoever typed the same number collect the holder's approval.
     */
    ALREADY_PENDING("此身分證字號已有進行中的行動自然人憑證驗證，請於行動裝置上完成驗證，或待 3 分鐘逾時後再重新登入。"),
    /** No such transaction (never started here, or long gone). */
    UNKNOWN_TRANSACTION("查無此驗證交易，請重新登入。"),
    /** The transaction ended with an approval already collected: it cannot log in again. */
    ALREADY_USED("此驗證交易已使用或已失效，請重新登入。"),
    /** The service refused the request or lost the transaction. */
    SERVICE_ERROR("行動自然人憑證服務暫時無法使用，請稍後再試。");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    /** The message for the user, in zh-TW. */
    public String message() {
      return message;
    }
  }

  /** The signed response was refused by the certificate checks; the message is the check's own. */
  record Rejected(Verification.Failure failure) implements MobileIdLoginOutcome {

    public Rejected {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public String message() {
      return failure.message();
    }
  }

  /** The certificate that signed is not that of the person whose identity number started the transaction. */
  record NotSamePerson() implements MobileIdLoginOutcome {

    @Override
    public String message() {
      return "此身分證字號與使用的行動自然人憑證並不是同一個使用者，請確定輸入的身分證字號是否正確後重新登入。";
    }
  }

  /** The person is not in the civil-service database (the citizen certificate login's wording). */
  record NotInDatabase() implements MobileIdLoginOutcome {

    @Override
    public String message() {
      return new CertificateLoginOutcome.NotInDatabase().message();
    }
  }

  /** The person has left the service (卸職; the citizen certificate login's wording). */
  record OffDuty() implements MobileIdLoginOutcome {

    @Override
    public String message() {
      return new CertificateLoginOutcome.OffDuty().message();
    }
  }
}
