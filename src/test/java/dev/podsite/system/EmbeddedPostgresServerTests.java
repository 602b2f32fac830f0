package dev.podsite.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.podsite.system.EmbeddedPostgresSql.execute;
import static dev.podsite.system.EmbeddedPostgresSql.query;
import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTests {

	@TempDir
	private Path dir;

	@Test
	void dataSurvivesARestartAndCommitsAreDurable() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			execute(postgres, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
			assertThat(query(postgres, "SHOW fsync")).isEqualTo("on");
			assertThat(query(postgres, "SHOW synchronous_commit")).isEqualTo("on");
		}
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			assertThat(query(postgres, "SELECT value FROM kept")).isEqualTo("still here");
		}
	}

	@Test
	void aServerOrphanedByAKilledRunIsStoppedAndTheDataKept() throws Exception {
		Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KilledRun.class.getName(), this.dir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream()))) {
			String line;
			while ((line = output.readLine()) != null && !line.equals(KilledRun.READY)) {
				// start-up logging
			}
			assertThat(line).as("the child run reached READY").isEqualTo(KilledRun.READY);
		}
		run.destroyForcibly().waitFor();
		long orphanPid = Long.parseLong(Files.readAllLines(this.dir.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
			assertThat(query(postgres, "SELECT value FROM kept")).isEqualTo("committed");
		}
	}

	/** A run of the site's database that is killed with kill -9 once it has committed. */
	static final class KilledRun {

		static final String READY = "READY";

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres postgres = EmbeddedPostgresServer.start(Path.of(args[0]), true);
			execute(postgres, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('committed')");
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}

	}

	@Test
	void aDataDirectoryOpenedToOthersIsClosedAgainAndStarts() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			execute(postgres, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the chmod')");
		}
		// What a copy with a wide umask, or chmod -R a+rX to serve files beside it,
		// leaves.
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			assertThat(query(postgres, "SELECT value FROM kept")).isEqualTo("before the chmod");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir))).isEqualTo("rwx------");
	}

	@Test
	void aStalePidFileLeftByAPowerCutDoesNotStopTheStart() throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			execute(postgres, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the cut')");
		}
		// A pid file naming a process that no longer exists.
		Files.writeString(this.dir.resolve("postmaster.pid"), "999999\n" + this.dir + "\n");
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			assertThat(query(postgres, "SELECT value FROM kept")).isEqualTo("before the cut");
		}
	}

	@Test
	void aPidThatNowBelongsToAnotherPostgresqlIsLeftAlone(@TempDir Path otherDirectory) throws Exception {
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
			execute(postgres, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('ours')");
		}
		try (EmbeddedPostgres other = EmbeddedPostgresServer.start(otherDirectory, false)) {
			long otherPid = Long.parseLong(Files.readAllLines(otherDirectory.resolve("postmaster.pid")).get(0).trim());
			// After a reboot, the pid our file names may be another server's.
			Files.writeString(this.dir.resolve("postmaster.pid"), otherPid + "\n" + this.dir + "\n");

			try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, true)) {
				assertThat(query(postgres, "SELECT value FROM kept")).isEqualTo("ours");
			}
			assertThat(ProcessHandle.of(otherPid).map(ProcessHandle::isAlive)).contains(true);
			assertThat(query(other, "SELECT 'still serving'")).isEqualTo("still serving");
		}
	}

	@Test
	void onlyAPostgresStartedOnTheDirectoryIsOurs(@TempDir Path otherDirectory) throws Exception {
		assertThat(EmbeddedPostgresServer.isPostgresOn(ProcessHandle.current(), this.dir)).isFalse();
		try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(this.dir, false)) {
			ProcessHandle postmaster = ProcessHandle
				.of(Long.parseLong(Files.readAllLines(this.dir.resolve("postmaster.pid")).get(0).trim()))
				.orElseThrow();
			assertThat(EmbeddedPostgresServer.isPostgresOn(postmaster, this.dir)).isTrue();
			assertThat(EmbeddedPostgresServer.isPostgresOn(postmaster, otherDirectory)).isFalse();
		}
	}

}
