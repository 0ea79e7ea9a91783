package tw.ecpa.bot.dialog;

import java.util.List;
import java.util.Objects;

/**
 * Something the bot asks the widget to do in the user's browser, on {@code action} messages: run the
 * environment probes and send the results back as a form turn.
 *
 * @param name what to do ({@code env-check})
 * @param formId the form id to send the results back with
 * @param probes what to probe, in order ({@code browser}, {@code os}, {@code cookies}, …)
 * @param method the login method the check is for ({@code moica}, {@code nhi} or {@code other}), sent back
 */
public record ClientAction(String name, String formId, List<String> probes, String method) {

  public ClientAction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(formId, "formId");
    probes = List.copyOf(probes);
    Objects.requireNonNull(method, "method");
  }
}
