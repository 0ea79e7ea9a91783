package tw.ecpa.portal.people.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tw.ecpa.portal.identity.IdNumber;
import tw.ecpa.portal.jdbc.Database;
import tw.ecpa.portal.jdbc.Jdbc;
import tw.ecpa.portal.people.Organization;
import tw.ecpa.portal.people.People;
import tw.ecpa.portal.people.Person;
import tw.ecpa.portal.people.PersonStatus;

/** Organizations and people in the portal's database. */
public final class JdbcPeople implements People {

  private final Jdbc jdbc;

  /** Creates the store over a migrated database. */
  public JdbcPeople(Database database) {
    this.jdbc = new Jdbc(database.dataSource());
  }

  @Override
  public void save(Organization o) {
    if (jdbc.update("UPDATE organization SET name = ?, parent_code = ? WHERE code = ?",
        o.name(), o.parentCode(), o.code()) == 0) {
      jdbc.update("INSERT INTO organization (code, name, parent_code) VALUES (?, ?, ?)",
          o.code(), o.name(), o.parentCode());
    }
  }

  @Override
  public Optional<Organization> organization(String code) {
    return jdbc.one("SELECT code, name, parent_code FROM organization WHERE code = ?",
        rs -> new Organization(rs.getString("code"), rs.getString("name"), rs.getString("parent_code")), code);
  }

  @Override
  public void save(Person p) {
    Object[] values = {p.name(), p.birthday(), p.organizationCode(), p.onDutyDate(), p.status().name(),
        p.email(), p.phone(), p.idNumber().value()};
    if (jdbc.update("UPDATE person SET name = ?, birthday = ?, organization_code = ?, on_duty_date = ?,"
        + " status = ?, email = ?, phone = ? WHERE id_number = ?", values) == 0) {
      jdbc.update("INSERT INTO person (name, birthday, organization_code, on_duty_date, status, email, phone,"
          + " id_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
    }
  }

  @Override
  public Optional<Person> find(IdNumber idNumber) {
    return jdbc.one("SELECT * FROM person WHERE id_number = ?", JdbcPeople::person, idNumber.value());
  }

  @Override
  public List<Person> ofOrganization(String organizationCode) {
    return jdbc.list("SELECT * FROM person WHERE organization_code = ? ORDER BY id_number",
        JdbcPeople::person, organizationCode);
  }

  private static Person person(ResultSet rs) throws SQLException {
    return new Person(
        IdNumber.parse(rs.getString("id_number")).orElseThrow(
            () -> new IllegalStateException("the person table holds an invalid identity number")),
        rs.getString("name"),
        rs.getObject("birthday", LocalDate.class),
        rs.getString("organization_code"),
        rs.getObject("on_duty_date", LocalDate.class),
        PersonStatus.valueOf(rs.getString("status")),
        rs.getString("email"),
        rs.getString("phone"));
  }
}
