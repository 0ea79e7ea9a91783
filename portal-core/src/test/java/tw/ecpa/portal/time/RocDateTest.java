package tw.ecpa.portal.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class RocDateTest {

  @Test
  void parse_formDigits_giveTheGregorianDay() {
    assertEquals(LocalDate.of(1972, 1, 1), RocDate.parse("0610101").orElseThrow());
    assertEquals(LocalDate.of(2021, 1, 1), RocDate.parse("1100101").orElseThrow());
    assertEquals(LocalDate.of(2024, 2, 29), RocDate.parse(" 1130229 ").orElseThrow());
  }

  @Test
  void parse_impossibleOrMalformed_isEmpty() {
    assertTrue(RocDate.parse("0000101").isEmpty(), "year 0 does not exist");
    assertTrue(RocDate.parse("1100230").isEmpty());
    assertTrue(RocDate.parse("1101301").isEmpty());
    assertTrue(RocDate.parse("610101").isEmpty(), "six digits");
    assertTrue(RocDate.parse("61/01/01").isEmpty());
    assertTrue(RocDate.parse(null).isEmpty());
  }

  @Test
  void format_pageForms_matchTheSeed() {
    assertEquals("0610101", RocDate.toDigits(LocalDate.of(1972, 1, 1)));
    assertEquals("111/11/10", RocDate.slashed(LocalDate.of(2022, 11, 10)));
    assertEquals("111年5月31日 15時58分", RocDate.written(LocalDateTime.of(2022, 5, 31, 15, 58)));
    assertEquals("111年2月11日 0時0分", RocDate.written(LocalDateTime.of(2022, 2, 11, 0, 0)));
    assertThrows(IllegalArgumentException.class, () -> RocDate.toDigits(LocalDate.of(1900, 1, 1)));
  }
}
