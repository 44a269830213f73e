package org.oneweek.notify;

/**
 * One way out for notices: the SMS provider or the group robot. {@link #send} throws on
 * any failure (the notice is tried again later); it returns only when the other side took
 * the message.
 */
public interface NoticeSender {

	Channel channel();

	/** Whether it is configured; a notice for a channel that is not goes in-app only. */
	boolean enabled();

	void send(Outgoing message) throws Exception;

	/**
	 * A message to send.
	 *
	 * @param noticeId the notice's id, for the provider's own records
	 * @param phone where an SMS goes (empty for the group robot)
	 * @param text the whole text, in the district's language
	 */
	record Outgoing(long noticeId, NoticeKind kind, String phone, String text) {

	}

}
