package ai.physical.textbook.common.web;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Registers the {@link DependencyUnavailableFilter} in servlet apps, for every request, async and error dispatch,
 * outside Spring Session and Spring Security ({@link DependencyUnavailableFilter#ORDER}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
public class DependencyUnavailableAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "dependencyUnavailableFilter")
	FilterRegistrationBean<DependencyUnavailableFilter> dependencyUnavailableFilter() {
		FilterRegistrationBean<DependencyUnavailableFilter> registration = new FilterRegistrationBean<>(
				new DependencyUnavailableFilter());
		registration.setOrder(DependencyUnavailableFilter.ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
