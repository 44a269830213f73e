@NullMarked
package org.oneweek.transparency.web;

import org.jspecify.annotations.NullMarked;
