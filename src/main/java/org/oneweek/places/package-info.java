/**
 * Places: the district, its townships and streets (街道/镇), and their villages and
 * communities (村/社区) with their facts and committee contacts.
 */
@NullMarked
package org.oneweek.places;

import org.jspecify.annotations.NullMarked;
