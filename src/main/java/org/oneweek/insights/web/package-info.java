/**
 * The dashboards, the callback queue, exports, the monthly report and the metrics API.
 */
@NullMarked
package org.oneweek.insights.web;

import org.jspecify.annotations.NullMarked;
