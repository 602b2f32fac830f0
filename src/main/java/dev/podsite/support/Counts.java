package dev.podsite.support;

/**
 * Which plural form a count takes in the interface's languages, for the message bundles'
 * choice formats: {@code #{people.episodes(${n},
 * ${T(dev.podsite.support.Counts).form(n)})}}. English's messages choose on the count
 * alone (1 episode, 2 episodes); Romanian has three forms that a range of the count
 * cannot tell apart (1 episod, 2 to 19 and 101 episoade, 20 and 100 de episoade), so its
 * messages choose on this form.
 */
public final class Counts {

	private Counts() {
	}

	/**
	 * The count's plural form as Unicode's plural rules give it for Romanian: 1 (one) for
	 * 1, 2 (few) for 0 and for counts ending in 01 to 19 (but 1), 3 (other) for the rest.
	 */
	public static int form(long count) {
		if (count == 1) {
			return 1;
		}
		long lastTwo = Math.abs(count) % 100;
		return (count == 0 || (lastTwo >= 1 && lastTwo <= 19)) ? 2 : 3;
	}

}
