/**
 * The web shell: language (zh-CN by default, English on request), shared model
 * attributes.
 */
@NullMarked
package org.oneweek.platform.web;

import org.jspecify.annotations.NullMarked;
