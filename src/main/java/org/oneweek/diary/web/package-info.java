/**
 * The diary's pages: writing the day's diary on a phone, meetings, inspections,
 * compliance and the printable hand-over report.
 */
@NullMarked
package org.oneweek.diary.web;

import org.jspecify.annotations.NullMarked;
