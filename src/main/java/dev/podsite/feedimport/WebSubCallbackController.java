package dev.podsite.feedimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callback the source's WebSub hub calls: its verification of our subscription (GET)
 * and its pushes (POST). Only a push signed with the subscription's secret leads to an
 * import; the body itself is not imported, the import fetches the feed from its source as
 * a poll would.
 *
 * <p>
 * A push whose signature is missing or wrong is answered 202 and ignored, as WebSub
 * (section 8) allows: the hub does not retry a message we will never accept, and a forger
 * learns nothing from the answer. A callback id we do not know is answered 404, a body
 * over the limit 413.
 */
@RestController
class WebSubCallbackController {

	private static final Logger log = LoggerFactory.getLogger(WebSubCallbackController.class);

	/** The signature methods WebSub names, by the prefix of X-Hub-Signature. */
	private static final Map<String, String> MACS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256", "sha384",
			"HmacSHA384", "sha512", "HmacSHA512");

	private final WebSubSubscriber subscriber;

	private final WebSubSubscriptionProperties properties;

	WebSubCallbackController(WebSubSubscriber subscriber, WebSubSubscriptionProperties properties) {
		this.subscriber = subscriber;
		this.properties = properties;
	}

	@GetMapping("/websub/callback/{id}")
	ResponseEntity<String> verify(@PathVariable String id,
			@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.topic", required = false) String topic,
			@RequestParam(name = "hub.challenge", required = false) String challenge,
			@RequestParam(name = "hub.lease_seconds", required = false) String leaseSeconds) {
		Optional<String> answer = this.subscriber.verify(id, mode, topic, challenge, leaseSeconds);
		if (answer.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.TEXT_PLAIN)
			.body(answer.get());
	}

	@PostMapping("/websub/callback/{id}")
	ResponseEntity<Void> push(@PathVariable String id, HttpServletRequest request) throws IOException {
		Optional<String> secret = this.subscriber.secret(id);
		if (secret.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		long limit = this.properties.maxPushBytes().toBytes();
		if (request.getContentLengthLong() > limit) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body = readAtMost(request.getInputStream(), limit);
		if (body == null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		if (!signedWith(secret.get(), request.getHeader("X-Hub-Signature"), body)) {
			log.warn("Ignored a WebSub push to callback {}: its signature is missing or wrong", id);
			return ResponseEntity.accepted().build();
		}
		log.info("The WebSub hub pushed a change of the feed: importing");
		this.subscriber.pushed();
		return ResponseEntity.accepted().build();
	}

	/** Whether {@code header} ({@code sha256=<hex>}) is the HMAC of the body. */
	static boolean signedWith(String secret, @Nullable String header, byte[] body) {
		if (header == null) {
			return false;
		}
		int equals = header.indexOf('=');
		if (equals < 0) {
			return false;
		}
		String algorithm = MACS.get(header.substring(0, equals).strip().toLowerCase(Locale.ROOT));
		byte[] claimed;
		try {
			claimed = HexFormat.of().parseHex(header.substring(equals + 1).strip().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (algorithm == null) {
			return false;
		}
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
			return MessageDigest.isEqual(mac.doFinal(body), claimed);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The body, or null when it is longer than {@code limit}. */
	private static byte @Nullable [] readAtMost(InputStream in, long limit) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		return (body.length > limit) ? null : body;
	}

}
