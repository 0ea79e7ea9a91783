package tw.ecpa.portal.permission.http;

import java.util.List;
import tw.ecpa.portal.permission.Delegation;
import tw.ecpa.portal.permission.DelegationEntry;
import tw.ecpa.portal.permission.Holder;
import tw.ecpa.portal.permission.Member;
import tw.ecpa.portal.permission.Right;
import tw.ecpa.portal.permission.SystemCatalogue;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;

/** The JSON shapes of the permission routes, and their mapping from the domain's records. */
final class PermissionWire {

  /** An organization: code and name. */
  record OrganizationJson(String code, String name) {}

  /** A system or HR function of the catalogue. */
  record SystemJson(String id, String name, boolean hrFunction) {}

  /** A person with an account; the identity number masked. */
  record MemberJson(long accountId, String account, String idNumber, String name, String organization,
      String organizationName) {}

  /** A right: on whose behalf, which system, where it comes from, and for a delegation its period. */
  record RightJson(String organization, String organizationName, String system, String systemName, String source,
      String sourceText, Long delegationId, String startDate, String endDate) {}

  /** Someone holding a right, since when and granted by whom. */
  record HolderJson(MemberJson member, RightJson right, String since, String by) {}

  /** A delegation (兼辦) with its people and where it stands. */
  record DelegationJson(long id, String organization, String organizationName, String system, String systemName,
      MemberJson delegator, MemberJson delegate, String startDate, String endDate, String status, String statusText,
      String createdAt, String createdBy, String revokedAt, String revokedBy) {}

  /** A person and the rights a search found. */
  record PersonRightsJson(MemberJson member, List<RightJson> rights) {}

  /** What the caller may do here: the organizations it manages and its effective rights. */
  record MineJson(List<OrganizationJson> managedOrganizations, List<OrganizationJson> resetOrganizations,
      List<RightJson> rights) {}

  private final People people;
  private final SystemCatalogue catalogue;

  PermissionWire(People people, SystemCatalogue catalogue) {
    this.people = people;
    this.catalogue = catalogue;
  }

  OrganizationJson organization(String code) {
    return new OrganizationJson(code, organizationName(code));
  }

  String organizationName(String code) {
    return code == null ? null : people.organization(code).map(Organization::name).orElse(code);
  }

  MemberJson member(Member m) {
    return new MemberJson(m.accountId(), m.customAccount(), m.maskedId(), m.name(), m.organizationCode(),
        organizationName(m.organizationCode()));
  }

  RightJson right(Right r) {
    Delegation d = r.delegation();
    return new RightJson(r.organizationCode(), organizationName(r.organizationCode()), r.systemId(),
        r.systemId() == null ? "管理權限" : catalogue.name(r.systemId()), r.source().name(), sourceText(r.source()),
        d == null ? null : d.id(), d == null ? null : d.startDate().toString(), d == null ? null : d.endDate().toString());
  }

  HolderJson holder(Holder h) {
    return new HolderJson(member(h.member()), right(h.right()), h.since() == null ? null : h.since().toString(),
        h.by());
  }

  DelegationJson delegation(DelegationEntry e) {
    Delegation d = e.delegation();
    return new DelegationJson(d.id(), d.organizationCode(), organizationName(d.organizationCode()), d.systemId(),
        catalogue.name(d.systemId()), member(e.delegator()), member(e.delegate()), d.startDate().toString(),
        d.endDate().toString(), e.status().name(), statusText(e.status()), d.createdAt().toString(), d.createdBy(),
        d.revokedAt() == null ? null : d.revokedAt().toString(), d.revokedBy());
  }

  static String sourceText(Right.Source source) {
    return switch (source) {
      case ROLE -> "人事人員預設";
      case GRANT -> "授權設定";
      case DELEGATION -> "兼辦";
    };
  }

  static String statusText(Delegation.Status status) {
    return switch (status) {
      case SCHEDULED -> "未開始";
      case ACTIVE -> "兼辦中";
      case ENDED -> "已屆期";
      case REVOKED -> "已撤銷";
    };
  }
}
