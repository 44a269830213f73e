/**
 * Notices that reach people: an outbox of notices written with the change that causes
 * them (an urgent case, an escalation, a missing diary, the roster published or changed,
 * a villager's follow-up, a hand-over waiting), delivered once across instances, retried,
 * held back in quiet hours, through each person's channel (in-app, SMS) and the
 * department's group robot (WeCom webhook). No message carries a reporter's identity.
 */
@NullMarked
package org.oneweek.notify;

import org.jspecify.annotations.NullMarked;
