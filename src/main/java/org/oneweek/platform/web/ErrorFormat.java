package org.oneweek.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How a module answers errors on paths of its own in a format its clients expect
 * (Open311's error documents, for instance) instead of the site's page or problem detail.
 * Every error comes through {@code /error}, whoever raised it (a controller, a filter,
 * the server itself), and is answered by the first format that claims the path.
 */
public interface ErrorFormat {

	/**
	 * @param path the path of the request that failed, without the context path
	 */
	boolean claims(String path);

	/**
	 * @param path the path of the request that failed, without the context path
	 * @param detail what was wrong, in the person's language
	 */
	ResponseEntity<?> answer(String path, HttpStatus status, String detail);

}
