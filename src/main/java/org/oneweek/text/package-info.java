/**
 * Shared Chinese text analysis: words segmented by Lucene's smartcn analyzer, for search
 * and matching. Chinese has no spaces between words and PostgreSQL's own parsers cannot
 * segment it, so modules index the terms produced here.
 */
@NullMarked
package org.oneweek.text;

import org.jspecify.annotations.NullMarked;
