package org.oneweek.places;

/**
 * A district (区), whose organization department runs the program.
 *
 * @param casePrefix the prefix of its case reference numbers, e.g. {@code QX}
 */
public record District(DistrictId id, String code, String name, String casePrefix) {

}
