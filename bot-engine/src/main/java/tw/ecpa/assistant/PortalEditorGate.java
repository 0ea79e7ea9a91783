package tw.ecpa.assistant;

import java.time.Clock;
import java.util.Optional;
import tw.ecpa.kb.console.EditorGate;
import tw.ecpa.portal.account.Account;
import tw.ecpa.portal.account.AccountGate;
import tw.ecpa.portal.account.Accounts;
import tw.ecpa.portal.account.Role;
import tw.ecpa.portal.password.PasswordPolicy;
import tw.ecpa.portal.session.Sessions;

/**
 * The console's gate over the portal: a live portal session of an account with the knowledge-editor
 * role and no pending forced step is an editor; the session's CSRF token guards its changes.
 */
final class PortalEditorGate implements EditorGate {

  private final Sessions sessions;
  private final Accounts accounts;
  private final PasswordPolicy policy;
  private final Clock clock;

  PortalEditorGate(Sessions sessions, Accounts accounts, PasswordPolicy policy, Clock clock) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Access access(String sessionToken) {
    Optional<Sessions.Live> live = sessions.find(sessionToken);
    Optional<Account> account = live.filter(l -> !l.session().forOrganization())
        .flatMap(l -> accounts.byId(l.session().accountId()));
    if (live.isEmpty() || account.isEmpty()) {
      return new NotLoggedIn();
    }
    if (!account.get().roles().contains(Role.KNOWLEDGE_EDITOR)
        || !AccountGate.pending(account.get(), policy, clock.instant()).isEmpty()) {
      return new NotEditor();
    }
    sessions.refresh(sessionToken);
    return new Editor(account.get().custom().orElse(account.get().idNumber().masked()),
        live.get().session().csrfToken());
  }
}
