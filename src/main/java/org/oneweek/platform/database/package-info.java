/**
 * The database: an embedded, durable PostgreSQL when no server is configured.
 */
@NullMarked
package org.oneweek.platform.database;

import org.jspecify.annotations.NullMarked;
