package dev.podsite.episode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.podsite.support.Database;
import dev.podsite.support.MutableClock;
import dev.podsite.support.TestEpisodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The episode module alone, on a real PostgreSQL: the people its credits make, how
 * credits are matched to them across episodes and imports, and the host's renames and
 * merges, which the next import keeps.
 */
@ApplicationModuleTest
class PeopleModuleTests {

	private static final Instant DAY = Instant.parse("2024-01-01T10:00:00Z");

	@Autowired
	private FeedEpisodes imports;

	@Autowired
	private People people;

	@Autowired
	private PeopleEditor editor;

	@Autowired
	private EpisodeEditor episodes;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MutableClock clock;

	private long showId;

	@BeforeEach
	void aShow() {
		Database.clear(this.jdbc);
		this.clock.reset();
		this.showId = BareShow.insert(this.jdbc);
	}

	@Test
	void aNameIsOnePersonWhateverItsCaseSpacingAndAccents() {
		store(item("1", 1, guest("Orhun Parmaksız")), item("2", 2, guest("orhun  PARMAKSIZ")),
				item("3", 3, guest("Orhun\u00a0Parmaksiz")), item("4", 4, guest("Zoë Ørsted")));
		assertThat(persons()).containsExactly("orhun-parmaksiz Orhun Parmaksız", "zoe-orsted Zoë Ørsted");
		assertThat(this.people.find("orhun-parmaksiz", 0).orElseThrow().episodes().getTotalElements()).isEqualTo(3);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM episode_person WHERE person_id IS NULL", Integer.class))
			.isZero();
	}

	@Test
	void aLinkIsThePersonWhateverTheNameAndANameWithoutALinkJoinsThem() {
		store(item("1", 1, guest("Tim Jurgensen", "https://midoripress.com/")),
				item("2", 2, guest("Dr. Timothy M. Jurgensen", "http://www.MidoriPress.com#about")),
				item("3", 3, guest("Tim Jurgensen")));
		assertThat(persons()).containsExactly("tim-jurgensen Tim Jurgensen");
		PersonSummary tim = this.people.find("tim-jurgensen", 0).orElseThrow().person();
		assertThat(tim.episodes()).isEqualTo(3);
		assertThat(tim.href()).as("the newest episode's").isEqualTo("http://www.MidoriPress.com#about");
	}

	@Test
	void twoPeopleOfOneNameWithTheirOwnLinksStayTwo() {
		store(item("1", 1, guest("Alex Smith", "https://alex.example")),
				item("2", 2, guest("Alex Smith", "https://other-alex.example")), item("3", 3, guest("Alex Smith")));
		assertThat(persons()).containsExactly("alex-smith Alex Smith", "alex-smith-2 Alex Smith");
		assertThat(this.people.find("alex-smith", 0).orElseThrow().episodes().getTotalElements())
			.as("the credit without a link goes to the first of the name")
			.isEqualTo(2);
	}

	@Test
	void aLinkOneEpisodeGivesTwoNamesIsNobodysOwn() {
		store(item("1", 1, guest("Mary", "https://show.example"), guest("Daisy", "https://show.example/")),
				item("2", 2, guest("Daisy", "https://daisy.example")));
		assertThat(persons()).containsExactly("daisy Daisy", "mary Mary");
		assertThat(this.people.find("daisy", 0).orElseThrow().episodes().getTotalElements()).isEqualTo(2);
	}

	@Test
	void aPersonKeepsTheirSlugAndNameAcrossImports() {
		store(item("1", 1, guest("Jane Doe")));
		store(item("1", 1, guest("JANE DOE", "https://jane.example")), item("2", 2, guest("jane doe")));
		assertThat(persons()).containsExactly("jane-doe Jane Doe");
		assertThat(this.people.find("jane-doe", 0).orElseThrow().episodes().getTotalElements()).isEqualTo(2);
	}

	@Test
	void theShowsOwnCreditsAreStoredAndReplacedOnlyWhenTheyChange(AssertablePublishedEvents events) {
		List<Person> hosts = List
			.of(new Person("Matthias Endler", "host", "cast", "https://corrode.dev/me.jpg", "https://corrode.dev"));
		assertThat(storeShow(hosts)).isTrue();
		assertThat(storeShow(hosts)).isFalse();
		assertThat(events.ofType(PeopleChanged.class)).hasSize(1);
		store(item("1", 1, new Person("Matthias Endler", null, null, null, null), guest("Jon Gjengset")));

		assertThat(this.people.ofShow(this.showId)).isEqualTo(hosts);
		assertThat(this.people.hosts()).extracting(PersonSummary::slug).containsExactly("matthias-endler");
		PersonSummary host = this.people.hosts().get(0);
		assertThat(host.imageUrl()).isEqualTo("https://corrode.dev/me.jpg");
		assertThat(host.roles()).containsExactly("host");
		assertThat(host.episodes()).isEqualTo(1);

		assertThat(storeShow(List.of())).isTrue();
		assertThat(this.people.ofShow(this.showId)).isEmpty();
		assertThat(this.people.hosts()).as("the episodes' hosts, as a credit without a role is")
			.extracting(PersonSummary::slug)
			.containsExactly("matthias-endler");
	}

	@Test
	void anEpisodeThatCreditsNobodyCreditsTheShowsPeopleAndOneThatCreditsSomeoneOnlyThem() {
		storeShow(List.of(new Person("Ann", "host", null, null, null), new Person("Cy", "producer", null, null, null)));
		store(item("1", 1), item("2", 2, guest("Bob")), item("3", 3));
		assertThat(this.people.ofEpisode(id("1"))).containsExactly(new PersonCredit("ann", "Ann", "host", null),
				new PersonCredit("cy", "Cy", "producer", null));
		assertThat(this.people.ofEpisode(id("2"))).containsExactly(new PersonCredit("bob", "Bob", "guest", null));
		People.PersonPage ann = this.people.find("ann", 0).orElseThrow();
		assertThat(ann.person().episodes()).isEqualTo(2);
		assertThat(ann.episodes().getContent()).extracting(EpisodeSummary::title)
			.containsExactly("Episode 3", "Episode 1");
	}

	@Test
	void theHostsAreTheShowsOwnElseThoseItsEpisodesCreditAsHostTheMostFrequentFirst() {
		store(item("1", 1, host("Ann"), guest("Guest One")), item("2", 2, host("Bob"), host("Ann")),
				item("3", 3, host("Ann"), guest("Bob")));
		People.Directory directory = this.people.directory();
		assertThat(directory.hosts()).extracting(PersonSummary::name).containsExactly("Ann", "Bob");
		assertThat(directory.others()).extracting(PersonSummary::name).containsExactly("Guest One");
		assertThat(directory.hosts().get(1).roles()).containsExactly("host", "guest");
		assertThat(directory.hosts().get(1).roleNames()).isEqualTo("Host, guest");

		storeShow(List.of(new Person("Bob", "host", null, null, null), new Person("Cy", "producer", null, null, null)));
		directory = this.people.directory();
		assertThat(directory.hosts()).extracting(PersonSummary::name).containsExactly("Bob");
		assertThat(directory.others()).extracting(PersonSummary::name).containsExactly("Ann", "Cy", "Guest One");
	}

	@Test
	void onlyPublishedEpisodesCountAndShowTheirPeople() {
		this.clock.set(DAY.plus(Duration.ofDays(10)));
		store(item("1", 1, guest("Old Guest")), item("2", 2, guest("Hidden Guest")),
				item("3", 3, guest("Deleted Guest")), item("future", 30, guest("Future Guest"), guest("Old Guest")));
		store(item("1", 1, guest("Old Guest")), item("3", 3, guest("Deleted Guest")),
				item("future", 30, guest("Future Guest"), guest("Old Guest")));
		this.episodes.delete(id("3"));

		assertThat(this.people.directory().others()).extracting(PersonSummary::name).containsExactly("Old Guest");
		assertThat(this.people.find("old-guest", 0).orElseThrow().episodes().getContent())
			.extracting(EpisodeSummary::title)
			.containsExactly("Episode 1");
		assertThat(this.people.find("hidden-guest", 0)).isEmpty();
		assertThat(this.people.find("future-guest", 0)).isEmpty();

		this.clock.set(DAY.plus(Duration.ofDays(31)));
		assertThat(this.people.find("old-guest", 0).orElseThrow().episodes().getContent())
			.extracting(EpisodeSummary::title)
			.as("newest first")
			.containsExactly("Episode 30", "Episode 1");
		assertThat(this.people.find("future-guest", 0)).isPresent();
	}

	@Test
	void anEpisodeCreditsEachPersonOnceInTheFeedsOrder() {
		store(item("1", 1, guest("Zed"), host("Ann"), new Person("ann", "guest", null, null, null)));
		assertThat(this.people.ofEpisode(id("1"))).containsExactly(new PersonCredit("zed", "Zed", "guest", null),
				new PersonCredit("ann", "Ann", "host", null));
	}

	@Test
	void aMergeMovesCreditsNamesLinksAndTheAddressAndTheNextImportLandsOnTheKeptPerson(
			AssertablePublishedEvents events) {
		store(item("1", 1, guest("Matthias Endler", "https://corrode.dev")), item("2", 2, guest("Matt Endler")),
				item("3", 3, guest("M. Endler", "https://endler.dev")));
		long matthias = personId("matthias-endler");
		this.editor.merge(matthias, personId("matt-endler"));
		this.editor.merge(matthias, personId("m-endler"));
		assertThat(events.ofType(PeopleChanged.class)).hasSize(2);
		assertThat(persons()).containsExactly("matthias-endler Matthias Endler");
		assertThat(this.people.find("matthias-endler", 0).orElseThrow().episodes().getTotalElements()).isEqualTo(3);
		assertThat(this.people.mergedInto("matt-endler")).hasValue("matthias-endler");
		assertThat(this.people.mergedInto("m-endler")).hasValue("matthias-endler");
		assertThat(this.editor.find(matthias).orElseThrow().matchedOn()).containsExactly("name: m. endler",
				"name: matt endler", "name: matthias endler", "link: corrode.dev", "link: endler.dev");

		// The feed changes all three items; their credits are written again.
		store(item("1", 1, guest("Matthias Endler", "https://corrode.dev"), guest("New Guest")),
				item("2", 2, guest("MATT ENDLER")), item("3", 3, guest("Mr Endler", "https://endler.dev/")),
				item("4", 4, guest("Matt Endler")));
		assertThat(persons()).containsExactly("matthias-endler Matthias Endler", "new-guest New Guest");
		assertThat(this.people.find("matthias-endler", 0).orElseThrow().episodes().getTotalElements()).isEqualTo(4);
		assertThat(this.people.find("m-endler", 0)).as("no page of their own").isEmpty();
	}

	@Test
	void aMergeWaitsForTheImportUnderWay() throws Exception {
		store(item("1", 1, guest("Ann"), guest("Annie")));
		long ann = personId("ann");
		long annie = personId("annie");
		CountDownLatch stored = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> importing = threads.submit(() -> this.transactions.executeWithoutResult((status) -> {
				this.imports.store(this.showId,
						List.of(item("1", 1, guest("Annie"), guest("Ann")), item("2", 2, guest("Annie"))),
						Instant.now());
				stored.countDown();
				awaitQuietly(commit);
			}));
			assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> merging = threads.submit(() -> this.editor.merge(ann, annie));
			Thread.sleep(300);
			assertThat(merging).as("waits for the import to commit").isNotDone();
			commit.countDown();
			importing.get(10, TimeUnit.SECONDS);
			merging.get(10, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(persons()).containsExactly("ann Ann");
		assertThat(this.people.find("ann", 0).orElseThrow().episodes().getTotalElements()).isEqualTo(2);
	}

	@Test
	void aRenameKeepsTheSlugAndTheNextImportOfEitherNameLandsOnThePerson() {
		store(item("1", 1, guest("Jon Gjenset")));
		long jon = personId("jon-gjenset");
		assertThat(this.editor.rename(jon, "  Jon   Gjengset ").name()).isEqualTo("Jon Gjengset");
		store(item("1", 1, guest("Jon Gjenset"), guest("Someone")), item("2", 2, guest("Jon Gjengset")));
		assertThat(persons()).containsExactly("jon-gjenset Jon Gjengset", "someone Someone");
		assertThat(this.people.find("jon-gjenset", 0).orElseThrow().episodes().getTotalElements()).isEqualTo(2);
		assertThat(this.people.ofEpisode(id("2"))).extracting(PersonCredit::name).containsExactly("Jon Gjengset");
	}

	@Test
	void aRenameToSomeoneElsesNameIsRefused() {
		store(item("1", 1, guest("Ann"), guest("Bob")));
		long ann = personId("ann");
		assertThatExceptionOfType(PeopleEditor.NameTaken.class).isThrownBy(() -> this.editor.rename(ann, "BOB"))
			.satisfies((ex) -> assertThat(ex.otherName()).isEqualTo("Bob"));
		assertThat(this.editor.rename(ann, "ANN").name()).as("their own name, spelled otherwise").isEqualTo("ANN");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.editor.rename(ann, " "));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.editor.merge(ann, ann));
		assertThatExceptionOfType(PeopleEditor.PersonNotFound.class).isThrownBy(() -> this.editor.merge(ann, 999));
	}

	@Test
	void theMatchKeysAreTheDatabasesOwn() {
		assertThat(key("person_name_key", " Zoë\u2003 ØRSTED ")).isEqualTo("name:zoe orsted");
		assertThat(key("person_link_key", "https://www.Example.org:443/Jane/#about"))
			.isEqualTo("link:example.org/jane");
		assertThat(key("person_link_key", "http://example.org/jane?x=1")).isEqualTo("link:example.org/jane?x=1");
		assertThat(key("person_link_key", "https://example.org:8443/")).isEqualTo("link:example.org:8443");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String key(String function, String value) {
		return this.jdbc.queryForObject("SELECT " + function + "(?)", String.class, value);
	}

	@Test
	void theDirectoryIsKeptUntilAChangeOrAScheduledEpisodesTime() {
		this.clock.set(DAY.plus(Duration.ofDays(2)));
		store(item("1", 1, guest("Jane Doe")), item("3", 3, guest("Zed Later")));
		People.Directory before = this.people.directory();
		assertThat(names(before)).containsExactly("Jane Doe");
		assertThat(this.people.directory()).as("kept").isSameAs(before);
		store(item("1", 1, guest("Jane Doe")), item("2", 2, guest("Ann New")), item("3", 3, guest("Zed Later")));
		assertThat(names(this.people.directory())).as("after an import").containsExactly("Ann New", "Jane Doe");
		this.clock.set(DAY.plus(Duration.ofDays(3)));
		assertThat(names(this.people.directory())).as("at the scheduled episode's time")
			.containsExactly("Ann New", "Jane Doe", "Zed Later");
	}

	private static List<String> names(People.Directory directory) {
		return directory.others().stream().map(PersonSummary::name).toList();
	}

	private FeedEpisodes.Stored store(ImportedEpisode... items) {
		return this.transactions.execute((status) -> this.imports.store(this.showId, List.of(items), Instant.now()));
	}

	private boolean storeShow(List<Person> persons) {
		return this.transactions.execute((status) -> this.imports.storeShowPeople(this.showId, persons));
	}

	private static ImportedEpisode item(String guid, int day, Person... persons) {
		TestEpisodes.Builder builder = TestEpisodes.episode(guid, "Episode " + day, DAY.plus(Duration.ofDays(day)));
		for (Person person : persons) {
			builder.person(person);
		}
		return builder.build();
	}

	private static Person guest(String name) {
		return guest(name, null);
	}

	private static Person guest(String name, String href) {
		return new Person(name, "guest", null, null, href);
	}

	private static Person host(String name) {
		return new Person(name, "host", null, null, null);
	}

	/** Every person, as "slug name", by slug. */
	private List<String> persons() {
		return this.jdbc.queryForList("SELECT slug || ' ' || name FROM person ORDER BY slug", String.class);
	}

	private long personId(String slug) {
		return this.jdbc.queryForObject("SELECT id FROM person WHERE slug = ?", Long.class, slug);
	}

	private long id(String identity) {
		return this.jdbc.queryForObject("SELECT id FROM episode WHERE identity = ?", Long.class, identity);
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

}
