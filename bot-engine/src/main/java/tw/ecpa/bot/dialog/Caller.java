package tw.ecpa.bot.dialog;

import java.util.Optional;

/**
 * Who is chatting, as far as the bot may know: the portal account of the page's session when the
 * widget runs on a logged-in page, and the client's network address (for the portal's rate limits).
 *
 * @param accountId the logged-in account, if any
 * @param clientAddress the client's address
 */
public record Caller(Optional<Long> accountId, String clientAddress) {

  /** Nobody logged in, address unknown: for tests and warm-up. */
  public static final Caller ANONYMOUS = new Caller(Optional.empty(), "unknown");

  public Caller {
    accountId = accountId == null ? Optional.empty() : accountId;
    clientAddress = clientAddress == null ? "unknown" : clientAddress;
  }
}
