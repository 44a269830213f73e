@NullMarked
package org.oneweek.notify.internal;

import org.jspecify.annotations.NullMarked;
