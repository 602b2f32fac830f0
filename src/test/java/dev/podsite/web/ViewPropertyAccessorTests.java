package dev.podsite.web;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ViewPropertyAccessorTests {

	private final ViewPropertyAccessor accessor = ViewPropertyAccessor.INSTANCE;

	private final StandardEvaluationContext context = new StandardEvaluationContext();

	@Test
	void readsRecordComponentsGettersAndBooleanIsMethods() throws Exception {
		Row row = new Row("Episode 7", LocalDate.of(2024, 3, 1), true);
		assertThat(this.accessor.read(this.context, row, "title").getValue()).isEqualTo("Episode 7");
		assertThat(this.accessor.read(this.context, row, "day").getTypeDescriptor().getType())
			.isEqualTo(LocalDate.class);
		Bean bean = new Bean();
		assertThat(this.accessor.read(this.context, bean, "name").getValue()).isEqualTo("a bean");
		assertThat(this.accessor.read(this.context, bean, "demo").getValue()).isEqualTo(true);
	}

	@Test
	void leavesOtherTypesAndInheritedMembersToSpringsAccessors() {
		assertThat(this.accessor.canRead(this.context, "text", "empty")).isFalse();
		assertThat(this.accessor.canRead(this.context, List.of(), "empty")).isFalse();
		assertThat(this.accessor.canRead(this.context, new Bean(), "class")).isFalse();
		assertThat(this.accessor.canRead(this.context, new Bean(), "missing")).isFalse();
		assertThat(this.accessor.canRead(this.context, new Bean(), "count")).isFalse();
		assertThat(this.accessor.canRead(this.context, null, "title")).isFalse();
	}

	@Test
	void anExpressionKeepsUsingItOnceItHasReadAProperty() {
		StandardEvaluationContext context = new StandardEvaluationContext();
		CountingAccessor counting = new CountingAccessor();
		context.setPropertyAccessors(List.of(counting, this.accessor));
		Expression title = new SpelExpressionParser().parseExpression("title");
		for (int i = 0; i < 3; i++) {
			assertThat(title.getValue(context, new Row("Episode " + i, LocalDate.EPOCH, false)))
				.isEqualTo("Episode " + i);
		}
		// Asked once, at the first read: then the expression reads through this accessor
		// directly. Spring's reflective accessor in its place has the others asked on
		// every
		// read (spring-framework#36987).
		assertThat(counting.asked).isEqualTo(1);
	}

	record Row(String title, LocalDate day, boolean textOnly) {
	}

	static class Bean {

		public String getName() {
			return "a bean";
		}

		public boolean isDemo() {
			return true;
		}

		/** Not a boolean: no property "count" through "is". */
		public int isCount() {
			return 3;
		}

		public static String getStatic() {
			return "static";
		}

	}

	/** An accessor that reads nothing and counts how often it was asked. */
	static class CountingAccessor extends org.springframework.expression.spel.support.ReflectivePropertyAccessor {

		int asked;

		@Override
		public boolean canRead(org.springframework.expression.EvaluationContext context, Object target, String name) {
			this.asked++;
			return false;
		}

	}

}
