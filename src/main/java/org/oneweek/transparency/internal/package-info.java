@NullMarked
package org.oneweek.transparency.internal;

import org.jspecify.annotations.NullMarked;
