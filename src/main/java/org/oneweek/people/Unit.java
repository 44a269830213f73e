package org.oneweek.people;

import org.jspecify.annotations.Nullable;

/**
 * A responsible unit (a street office, a bureau) to which cases are referred.
 */
public record Unit(UnitId id, String code, String name, @Nullable String contact, @Nullable String phone) {

}
