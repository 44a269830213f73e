/**
 * QR codes, the rendered-board cache, Open311 (its parameters read and checked, the
 * services and requests it answers, its XML and JSON), and the demo's Open311 key.
 */
@NullMarked
package org.oneweek.bulletin.internal;

import org.jspecify.annotations.NullMarked;
