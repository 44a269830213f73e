/**
 * Shared infrastructure every module stands on: the database (embedded PostgreSQL when no
 * server is configured), the web shell, spreadsheet imports and the audit trail.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.oneweek.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
