package org.oneweek.platform;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests run with the application's own settings: an {@code application.properties} among
 * the test resources would come first on the class path and hide the main one (its upload
 * limits, its API description, its messages), so test settings go in
 * {@code application-test.properties}.
 */
class TestConfigurationTest {

	@Test
	void theOnlyApplicationPropertiesIsTheApplicationsOwn() throws Exception {
		List<java.net.URL> found = Collections.list(getClass().getClassLoader().getResources("application.properties"));
		assertThat(found).hasSize(1);
		assertThat(found.get(0).toString()).doesNotContain("test-classes");
	}

}
