package tw.ecpa.portal.auth;

/**
 * A way to log in to the portal, one class per method, each with a stable id the session records:
 * {@code password}, {@code moica} (citizen certificate), {@code gca} (organization certificate),
 * {@code nhi} (NHI card) and {@code mobile-id} (mobile natural-person certificate).
 *
 * @param <C> what the user presents: an account and password, a signed challenge, a card and its
 *     password, a mobile-ID step
 */
public interface LoginMethod<C> {

  /** The method's stable id, recorded in the session. */
  String id();

  /** Tries a login; never throws for wrong input. */
  LoginResult attempt(C credentials, String clientAddress);
}
