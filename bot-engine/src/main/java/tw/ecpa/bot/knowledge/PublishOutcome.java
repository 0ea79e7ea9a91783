package tw.ecpa.bot.knowledge;

import java.util.List;
import tw.ecpa.kb.version.KbVersion;
import tw.ecpa.kb.version.Regression;

/** What publishing a new knowledge version came to. */
public sealed interface PublishOutcome {

  /** Published and live on this node; other nodes pick it up within their polling interval. */
  record Published(KbVersion.Summary version) implements PublishOutcome {}

  /** The files do not load: the validation problems, each naming file and node. */
  record Invalid(List<String> problems) implements PublishOutcome {

    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /** Questions the new version would answer wrongly; publish again with confirmation to go ahead. */
  record WouldBreak(List<Regression.Failure> failures) implements PublishOutcome {

    public WouldBreak {
      failures = List.copyOf(failures);
    }
  }
}
