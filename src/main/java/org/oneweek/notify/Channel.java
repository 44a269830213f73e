package org.oneweek.notify;

/** How a notice reaches its recipient. */
public enum Channel {

	/** On the person's notices page (and nothing else). */
	IN_APP,
	/** A text message to the person's phone. */
	SMS,
	/** The department's group robot (WeCom). */
	WEBHOOK

}
