package tw.ecpa.portal.certificate;

/** What binding a new (renewed or replaced) citizen certificate to a logged-in account came to. */
public sealed interface RenewalOutcome {

  /** The message for the user, in zh-TW. */
  String message();

  /** Bound: the new certificate logs the account in from now on. */
  record Bound(CertificateFacts certificate) implements RenewalOutcome {

    @Override
    public String message() {
      return "自然人憑證上傳成功，日後可使用此憑證登入。";
    }
  }

  /** The certificate is bound already: to this account, or to another one. */
  record AlreadyBound(boolean toThisAccount) implements RenewalOutcome {

    @Override
    public String message() {
      return toThisAccount ? "此自然人憑證已上傳，無須重複上傳。" : "此自然人憑證已綁定其他帳號，無法上傳。";
    }
  }

  /** The signature or the certificate was refused. */
  record Rejected(Verification.Failure failure) implements RenewalOutcome {

    @Override
    public String message() {
      return failure.message();
    }
  }

  /** A good certificate, but not a citizen certificate. */
  record NotCitizenCertificate() implements RenewalOutcome {

    @Override
    public String message() {
      return "此憑證不是自然人憑證，請插入自然人憑證後重新上傳。";
    }
  }

  /** The certificate's holder is not the account's person. */
  record NotSamePerson() implements RenewalOutcome {

    @Override
    public String message() {
      return "此自然人憑證與您的身分證字號並不是同一個使用者，請確認所插入的憑證。";
    }
  }
}
