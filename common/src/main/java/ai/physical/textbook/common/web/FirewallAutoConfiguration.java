package ai.physical.textbook.common.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its default rules, its character checks done by
 * {@link FirewallCharacters}. Spring Security uses an {@link HttpFirewall} bean when there is one.
 */
@AutoConfiguration
@ConditionalOnClass(StrictHttpFirewall.class)
public class FirewallAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(FirewallCharacters.NAMES);
		firewall.setAllowedHeaderValues(FirewallCharacters.HEADER_VALUES);
		firewall.setAllowedParameterNames(FirewallCharacters.NAMES);
		return firewall;
	}

}
