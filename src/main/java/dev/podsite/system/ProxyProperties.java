package dev.podsite.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reverse proxies in front of the site.
 *
 * @param trustedProxies their addresses and CIDR ranges, IPv4 or IPv6 ({@code 10.0.0.5},
 * {@code 172.30.101.0/24}, {@code fd00::/8}): only requests from these may say who the
 * client is and how it came (X-Forwarded-For, -Proto, -Host, -Port, Forwarded). Loopback
 * by default: a proxy on the same machine.
 */
@ConfigurationProperties("podsite")
record ProxyProperties(@DefaultValue( {
		"127.0.0.0/8", "::1" }) List<String> trustedProxies){

}
