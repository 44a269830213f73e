package org.oneweek;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(OneweekApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyModuleOfTheDesignThatExistsIsFound() {
		assertThat(modules.stream().map((m) -> m.getIdentifier().toString())).contains("places", "people", "roster",
				"home", "demo", "platform", "casework", "text", "diary", "bulletin");
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		Path docs = Path.of("target", "spring-modulith-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString())).writeDocumentation()
			.writeIndividualModulesAsPlantUml();
		// the overview, and a diagram of each module naming the modules it depends on
		assertThat(docs.resolve("components.puml")).exists();
		assertThat(docs.resolve("module-casework.puml")).exists();
		assertThat(Files.readString(docs.resolve("module-casework.puml"))).contains("Roster", "People", "Places");
	}

}
