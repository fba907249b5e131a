package ai.physical.textbook.auth.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's error controller with {@link PageErrorController} (Boot backs off when an error controller exists).
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageConfig {

	@Bean
	BasicErrorController pageErrorController(ErrorAttributes errorAttributes, WebProperties webProperties,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new PageErrorController(errorAttributes, webProperties.getError(),
				errorViewResolvers.orderedStream().toList());
	}

}
