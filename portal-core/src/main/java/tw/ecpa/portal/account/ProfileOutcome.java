package tw.ecpa.portal.account;

import java.util.List;
import java.util.Map;

/** What saving the profile (自訂帳號、電子郵件、個人電話) came to. */
public sealed interface ProfileOutcome {

  /** Saved; {@code activated} when this completed the first-time activation. */
  record Saved(boolean activated) implements ProfileOutcome {}

  /** Not saved: the zh-TW problems of each field ({@code customAccount}, {@code email}, {@code phone}). */
  record Rejected(Map<String, List<String>> problems) implements ProfileOutcome {

    public Rejected {
      problems = Map.copyOf(problems);
    }
  }
}
