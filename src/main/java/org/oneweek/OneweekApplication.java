package org.oneweek;

import java.util.Arrays;
import java.util.List;

import org.oneweek.transparency.LogAudit;
import org.oneweek.transparency.LogVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * oneweek: runs a district's One Week Secretary program. Two commands check the public
 * ledger instead: {@code verify-log URL …} from outside (no database, nothing trusted),
 * {@code audit-log} on the server against the database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "platform")
public class OneweekApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "verify-log".equals(args[0])) {
			System.exit(LogVerifier.main(Arrays.copyOfRange(args, 1, args.length), System.out));
		}
		if (args.length > 0 && "audit-log".equals(args[0])) {
			System.exit(audit(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(OneweekApplication.class, args);
	}

	private static int audit(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OneweekApplication.class)
			.properties("server.port=0", "oneweek.casework.jobs.enabled=false", "oneweek.diary.jobs.enabled=false",
					"oneweek.transparency.checkpoints.enabled=false",
					// the audit reports events missing from the log; it does not append
					// them
					"oneweek.transparency.backfill.enabled=false")
			.run(args)) {
			List<String> problems = context.getBean(LogAudit.class).run();
			problems.forEach((p) -> System.out.println("PROBLEM " + p));
			System.out.println(problems.isEmpty() ? "OK: every case event is its leaf and the tree its signed root"
					: "FAILED: " + problems.size() + " problem(s)");
			return problems.isEmpty() ? 0 : 1;
		}
	}

}
