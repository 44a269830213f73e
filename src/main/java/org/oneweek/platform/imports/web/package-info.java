/**
 * The upload, preview and apply pages shared by every import.
 */
@NullMarked
package org.oneweek.platform.imports.web;

import org.jspecify.annotations.NullMarked;
