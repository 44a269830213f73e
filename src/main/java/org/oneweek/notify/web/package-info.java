@NullMarked
package org.oneweek.notify.web;

import org.jspecify.annotations.NullMarked;
