package tw.ecpa.portal.questionnaire;

import java.util.List;
import java.util.Objects;
import tw.ecpa.portal.identity.IdNumber;

/**
 * A respondent group (填答人群組): the people a questionnaire is published to, either everyone serving
 * in an organization or a list of people.
 *
 * @param id the key (0 before it is saved)
 * @param organizationCode the organization whose HR staff keep the group
 * @param name the group's name
 * @param kind by organization or by list
 * @param targetOrganization the organization whose staff make the group (by organization), else {@code null}
 * @param members the listed people (by list), else empty
 */
public record RespondentGroup(long id, String organizationCode, String name, Kind kind, String targetOrganization,
    List<IdNumber> members) {

  /** How a group names its people. */
  public enum Kind {
    /** Everyone serving in an organization when a questionnaire is published. */
    ORGANIZATION,
    /** The listed people. */
    LIST
  }

  public RespondentGroup {
    Objects.requireNonNull(organizationCode, "organizationCode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    members = List.copyOf(members);
  }
}
