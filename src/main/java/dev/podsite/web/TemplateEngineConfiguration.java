package dev.podsite.web;

import java.util.ArrayList;
import java.util.List;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.templateresolver.ITemplateResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafProperties;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.util.StringUtils;

/**
 * The template engine Spring Boot would make, whose expressions read the site's own
 * objects through {@link ViewPropertyAccessor}.
 */
@Configuration(proxyBeanMethods = false)
class TemplateEngineConfiguration {

	@Bean
	SpringTemplateEngine templateEngine(ThymeleafProperties properties, ObjectProvider<ITemplateResolver> resolvers,
			ObjectProvider<IDialect> dialects, ObjectProvider<WebMvcProperties> mvc) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setDialect(new ViewDialect());
		engine.setLinkBuilder(new SiteLinkBuilder(StringUtils
			.trimTrailingCharacter(mvc.getIfAvailable(WebMvcProperties::new).getStaticPathPattern(), '*')));
		engine.setEnableSpringELCompiler(properties.isEnableSpringElCompiler());
		engine.setRenderHiddenMarkersBeforeCheckboxes(properties.isRenderHiddenMarkersBeforeCheckboxes());
		resolvers.orderedStream().forEach(engine::addTemplateResolver);
		dialects.orderedStream().forEach(engine::addDialect);
		return engine;
	}

	/**
	 * Thymeleaf's link builder, which hands the response only the links to static files
	 * to rewrite: their URLs carry a hash of their content (ResourceUrlEncodingFilter),
	 * other links nothing (sessions are kept in cookies), and looking each of a page's
	 * links up among the static files' patterns was a twentieth of its rendering.
	 */
	static final class SiteLinkBuilder extends StandardLinkBuilder {

		private final String staticFiles;

		/**
		 * @param staticFiles where static files are served, e.g. {@code /assets/}
		 */
		SiteLinkBuilder(String staticFiles) {
			this.staticFiles = staticFiles;
		}

		@Override
		protected String processLink(IExpressionContext context, String link) {
			return link.startsWith(this.staticFiles) ? super.processLink(context, link) : link;
		}

	}

	/** Spring's standard dialect, evaluating {@code ${...}} as below. */
	static final class ViewDialect extends SpringStandardDialect {

		private static final IStandardVariableExpressionEvaluator EVALUATOR = new ViewExpressionEvaluator();

		@Override
		public IStandardVariableExpressionEvaluator getVariableExpressionEvaluator() {
			return EVALUATOR;
		}

	}

	/**
	 * Spring's evaluator, with {@link ViewPropertyAccessor} first among the property
	 * accessors of the page's evaluation context (a new one per rendering, made by
	 * ThymeleafView).
	 */
	private static final class ViewExpressionEvaluator implements IStandardVariableExpressionEvaluator {

		@Override
		public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
				StandardExpressionExecutionContext executionContext) {
			if (context.getVariable(
					ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME) instanceof StandardEvaluationContext evaluation) {
				List<PropertyAccessor> accessors = evaluation.getPropertyAccessors();
				if (accessors.isEmpty() || accessors.get(0) != ViewPropertyAccessor.INSTANCE) {
					List<PropertyAccessor> first = new ArrayList<>(accessors.size() + 1);
					first.add(ViewPropertyAccessor.INSTANCE);
					first.addAll(accessors);
					evaluation.setPropertyAccessors(first);
				}
			}
			return SPELVariableExpressionEvaluator.INSTANCE.evaluate(context, expression, executionContext);
		}

	}

}
