package org.oneweek.diary;

import org.oneweek.casework.Case;

/**
 * A case a diary, meeting or report mentions.
 *
 * @param automatic linked by the system (recorded that day, raised at a meeting or found
 * on an inspection the secretary attended) rather than by hand
 */
public record LinkedCase(Case c, boolean automatic) {

}
