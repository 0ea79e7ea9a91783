package tw.ecpa.portal.people;

import java.util.List;
import java.util.Optional;
import tw.ecpa.portal.identity.IdNumber;

/** Where the portal keeps organizations and people. */
public interface People {

  /** Adds or replaces an organization. */
  void save(Organization organization);

  /** The organization with this code, if any. */
  Optional<Organization> organization(String code);

  /** Adds or replaces a person. */
  void save(Person person);

  /** The person with this identity number, if any. */
  Optional<Person> find(IdNumber idNumber);

  /** The people of an organization, by identity number. */
  List<Person> ofOrganization(String organizationCode);
}
