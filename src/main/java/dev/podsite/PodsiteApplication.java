package dev.podsite;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The website of one podcast. Each package below is a module that declares the modules it
 * may use ({@code package-info.java}); {@code support} is shared by all.
 */
@SpringBootApplication
@Modulithic(sharedModules = "support")
@ConfigurationPropertiesScan
@EnableScheduling
public class PodsiteApplication {

	public static void main(String[] args) {
		SpringApplication.run(PodsiteApplication.class, args);
	}

}
