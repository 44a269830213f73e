package org.oneweek;

import java.net.URL;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests run with the application's own {@code application.properties}: a second one
 * under src/test/resources comes first on the test class path and hides it (the upload
 * limits, Tomcat's swallow size, the session's settings...). Test settings go in
 * {@code application-test.properties}.
 */
class ApplicationPropertiesTest {

	@Test
	void onlyTheApplicationsOwnApplicationPropertiesIsOnTheClassPath() throws Exception {
		List<URL> found = Collections
			.list(ApplicationPropertiesTest.class.getClassLoader().getResources("application.properties"));
		assertThat(found).hasSize(1);
		assertThat(found.get(0).toString()).doesNotContain("test-classes");
	}

}
