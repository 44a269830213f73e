package org.oneweek.diary;

import java.time.Instant;

/**
 * Something added to a diary after it closed, dated and shown as such.
 */
public record DiaryAmendment(long id, long entryId, Instant writtenAt, String text, String authorName) {

}
